using System.Text.RegularExpressions;

namespace Bundlinje.Participants;

/// <summary>
/// Text that holds something shaped like a CPR number (ten digits, with or without the dash after the sixth, not part of
/// a longer number). Only the <c>cpr</c> column of an import may hold one; anywhere else the value is refused without
/// being repeated, and names (file names) are masked before they are stored.
/// </summary>
public static partial class CprLike
{
    /// <summary>The same pattern as DuckDB's regexp in <see cref="FollowUps.RegisterStore"/>.</summary>
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

    public static string Refusal(string where, string column) =>
        $"{where}, {column}: ligner et CPR-nummer; CPR-numre må kun stå i kolonnen cpr (værdien gentages ikke her).";
}
