using System.Globalization;

namespace Bundlinje.Common;

/// <summary>da-DK formatting of amounts in DKK: "1.234.567 kr." and, for tables, "1.235" (thousands).</summary>
public static class Kroner
{
    public static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    public static string Format(decimal amount) =>
        decimal.Round(amount, 0, MidpointRounding.AwayFromZero).ToString("#,##0", Danish) + " kr.";

    public static string Format(decimal? amount) => amount is { } a ? Format(a) : "";

    public static string Thousands(decimal amount) =>
        decimal.Round(amount / 1000m, 0, MidpointRounding.AwayFromZero).ToString("#,##0", Danish);

    public static string Thousands(decimal? amount) => amount is { } a ? Thousands(a) : "";

    public static string Number(int? value) => value?.ToString("#,##0", Danish) ?? "";

    /// <summary>Reads an amount typed the Danish way: "1.234.567,50", "1234567" or "1234567,5 kr."; max two decimals.</summary>
    public static bool TryParse(string? text, out decimal amount)
    {
        amount = 0;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return false;
        if (trimmed.EndsWith("kr.", StringComparison.OrdinalIgnoreCase)) trimmed = trimmed[..^3].TrimEnd();
        return decimal.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, Danish, out amount)
               && decimal.Round(amount, 2) == amount;
    }
}
