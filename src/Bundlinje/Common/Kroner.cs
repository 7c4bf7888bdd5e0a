using System.Globalization;

namespace Bundlinje.Common;

/// <summary>da-DK formatting of amounts in DKK: "1.234.567 kr." and, for tables, "1.235" (thousands).</summary>
public static partial class Kroner
{
    public static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    /// <summary>The largest amount Bundlinje stores or accepts, either sign: 1.000.000.000.000 kr. (10^12). With at most two
    /// decimals, no sum of amounts Bundlinje holds can overflow decimal; the database refuses anything outside it too.</summary>
    public const decimal Max = 1_000_000_000_000m;

    /// <summary>True when the amount is in the range Bundlinje stores: |amount| ≤ <see cref="Max"/>, at most two decimals.</summary>
    public static bool InRange(decimal amount) => Math.Abs(amount) <= Max && decimal.Round(amount, 2) == amount;

    /// <summary>The one rule every money input goes through: null when the amount may be stored, else what is wrong.</summary>
    public static Refusal? RangeProblem(decimal? amount) => amount is not { } a || InRange(a) ? null
        : Math.Abs(a) > Max ? Refusal.Of("amount.outOfRange", Max)
        : Refusal.Of("amount.decimals");

    /// <summary><see cref="RangeProblem"/> naming the field: "Kapital: beløbet skal ligge mellem ..."; the label is a
    /// <see cref="Refusal"/> (a translated label) or a literal (a JSON path, a name).</summary>
    public static Refusal? Problem(object label, decimal? amount) => RangeProblem(amount) is { } p ? Refusal.Labelled(label, p) : null;

    public static string Format(decimal amount) =>
        decimal.Round(amount, 0, MidpointRounding.AwayFromZero).ToString("#,##0", Danish) + " kr.";

    public static string Format(decimal? amount) => amount is { } a ? Format(a) : "";

    /// <summary>As booked: øre shown when there are any ("12.345,50 kr."), for postings.</summary>
    public static string Exact(decimal? amount) => amount is not { } a ? ""
        : a == decimal.Truncate(a) ? Format(a) : a.ToString("#,##0.00", Danish) + " kr.";

    /// <summary>kr. to whole 1.000 kr., as the council's tables show them.</summary>
    public static decimal RoundThousands(decimal amount) => decimal.Round(amount / 1000m, 0, MidpointRounding.AwayFromZero);

    public static string Thousands(decimal amount) => RoundThousands(amount).ToString("#,##0", Danish);

    /// <summary>Text with numbers written the Danish way whatever the thread's culture (stored results must not vary).</summary>
    public static string Text(FormattableString text) => text.ToString(Danish);

    public static string Thousands(decimal? amount) => amount is { } a ? Thousands(a) : "";

    public static string Number(int? value) => value?.ToString("#,##0", Danish) ?? "";

    /// <summary>Reads an amount typed the Danish way: "1.234.567,50", "1234567" or "1234567,5 kr.": at most two decimals
    /// after a comma, and thousands points only between groups of three, so "1234.50" is refused rather than read as 123.450.</summary>
    public static bool TryParse(string? text, out decimal amount)
    {
        amount = 0;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.EndsWith("kr.", StringComparison.OrdinalIgnoreCase)) trimmed = trimmed[..^3].TrimEnd();
        return DanishAmount().IsMatch(trimmed)
               && decimal.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint,
                   Danish, out amount);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^-?(\d{1,3}(\.\d{3})+|\d+)(,\d{1,2})?$")]
    private static partial System.Text.RegularExpressions.Regex DanishAmount();
}
