using System.Globalization;

namespace Bundlinje.Web.Infrastructure;

/// <summary>Percentages on forms: typed as "3,5", "3.5" or "3,5 %", shown da-DK ("3,5").</summary>
public static class Percent
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    public static decimal? Parse(string text) =>
        decimal.TryParse(text.Replace("%", "").Trim().Replace('.', ','), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign,
            Danish, out var value) ? value : null;

    /// <summary>A share as a percentage without trailing zeros: 0,035 → "3,5".</summary>
    public static string Text(decimal share) => (share * 100m).ToString("0.####", Danish);
}
