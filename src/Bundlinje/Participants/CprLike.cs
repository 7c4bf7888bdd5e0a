using System.Text.RegularExpressions;
using Bundlinje.Common;

namespace Bundlinje.Participants;

/// <summary>
/// Text that holds something shaped like a CPR number (ten digits, with or without the dash after the sixth, not part of
/// a longer number). Only the <c>cpr</c> column of an import may hold one; anywhere else the value is refused without
/// being repeated, and names (file names) are masked before they are stored.
/// </summary>
public static partial class CprLike
{
    /// <summary>The same pattern as the register store's regexp in DuckDB (Bundlinje.Data/RegisterData/RegisterStore.cs).</summary>
    public const string Pattern = "(^|[^0-9])[0-9]{6}-?[0-9]{4}([^0-9]|$)";

    [GeneratedRegex(@"(?<![0-9])[0-9]{6}-?[0-9]{4}(?![0-9])")]
    private static partial Regex Shape();

    /// <summary>True when the text holds a CPR-shaped run; text with fewer than ten digits cannot, and skips the regex
    /// (a register import checks every field of every row).</summary>
    public static bool In(string? text) => text is not null && HasTenDigits(text) && Shape().IsMatch(text);

    private static bool HasTenDigits(string text)
    {
        var digits = 0;
        foreach (var c in text)
            if (char.IsAsciiDigit(c) && ++digits == 10) return true;
        return false;
    }

    /// <summary>The text with every CPR-shaped run replaced by x'es.</summary>
    public static string Mask(string text) => Shape().Replace(text, m => new string('x', m.Length));

    /// <param name="where">The row or line ("Række 3", "Linje 5"), itself a refusal code with its number.</param>
    public static Refusal Refusal(Refusal where, string column) => Common.Refusal.At(column, "import.cprOutsideCprColumn", where, column);
}
