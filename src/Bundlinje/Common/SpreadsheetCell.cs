using System.Globalization;
using System.Text;

namespace Bundlinje.Common;

/// <summary>
/// The one place every CSV and XLSX writer turns a value into a cell. Text that a spreadsheet would read as a formula
/// (it starts with =, +, -, @, tab or carriage return) gets a leading apostrophe, so "=HYPERLINK(...)" is shown as text
/// and never evaluated. Numbers are written as numbers (a negative number is a number, not text) and are never touched.
/// </summary>
public static class SpreadsheetCell
{
    /// <summary>Text as a spreadsheet must show it: formula-like text neutralised with a leading apostrophe.</summary>
    public static string Text(string? text) =>
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text ?? "";

    /// <summary>A text field for a CSV line: neutralised, then quoted when it holds a comma, quote or line break.</summary>
    public static string CsvText(string? text)
    {
        var safe = Text(text);
        return safe.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{safe.Replace("\"", "\"\"")}\"" : safe;
    }

    /// <summary>A number for a CSV line, invariant culture (never neutralised: -5 stays the number -5).</summary>
    public static string CsvNumber(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string CsvNumber(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>One CSV line (ending in \n) from text and number cells: strings are text cells, decimals and ints numbers.</summary>
    public static StringBuilder AppendCsvLine(this StringBuilder csv, params object?[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0) csv.Append(',');
            csv.Append(cells[i] switch
            {
                null => "",
                decimal d => CsvNumber(d),
                int n => CsvNumber(n),
                long n => n.ToString(CultureInfo.InvariantCulture),
                string s => CsvText(s),
                var other => throw new ArgumentException($"Ingen CSV-celle for {other.GetType().Name}."),
            });
        }
        return csv.Append('\n');
    }
}
