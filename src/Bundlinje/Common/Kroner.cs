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
}
