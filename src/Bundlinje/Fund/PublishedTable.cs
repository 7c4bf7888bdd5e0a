using System.Globalization;
using Bundlinje.Common;

namespace Bundlinje.Fund;

/// <summary>Reads a published table with the header <c>row,column,value</c> (labels as printed, values in 1.000 kr.),
/// as CSV or as the first sheet of an XLSX workbook.</summary>
public static class PublishedTable
{
    public static IReadOnlyList<PublishedCell> Read(string fileName, Stream content, ISheetReader sheets) =>
        Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".xlsx" => ReadXlsx(content, sheets),
            ".csv" or ".txt" => ReadCsv(new StreamReader(content).ReadToEnd()),
            var other => throw new Refused("import.fileType", other, ".csv", ".xlsx"),
        };

    public static IReadOnlyList<PublishedCell> ReadXlsx(Stream content, ISheetReader sheets)
    {
        IReadOnlyList<IDictionary<string, object?>> rows;
        try { rows = sheets.Read(content, SheetFormat.Xlsx, headerRow: false); }
        catch (Exception e) when (e is not OutOfMemoryException) { throw new Refused("import.unreadable", "XLSX", e.Message); }
        if (rows.Count == 0
            || !string.Equals(string.Join(',', rows[0].Values.Take(3).Select(v => v?.ToString()?.Trim())), "row,column,value",
                StringComparison.OrdinalIgnoreCase))
            throw new Refused("published.xlsxHeader", Row(1));
        var cells = new List<PublishedCell>();
        for (var i = 1; i < rows.Count; i++)
        {
            var values = rows[i].Values.Take(3).ToList();
            if (values.All(v => v is null || v.ToString() == "")) continue;
            var value = values.ElementAtOrDefault(2) switch
            {
                double d when Math.Abs(d) <= (double)Common.Kroner.Max => (decimal?)Convert.ToDecimal(d, CultureInfo.InvariantCulture),
                decimal m => m,
                int n => n,
                string s when decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
                _ => null,
            } ?? throw Refused.At("value", "published.notANumber", Row(i + 1), values.ElementAtOrDefault(2));
            if (Math.Abs(value) > Kroner.Max) throw Refused.At("value", "published.outOfRange", Row(i + 1), Kroner.Max);
            cells.Add(new PublishedCell(values[0]?.ToString()?.Trim() ?? "", values.ElementAtOrDefault(1)?.ToString()?.Trim() ?? "",
                value));
        }
        return cells;
    }

    public static IReadOnlyList<PublishedCell> ReadCsv(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0 || !string.Equals(lines[0].Trim(), "row,column,value", StringComparison.OrdinalIgnoreCase))
            throw new Refused("published.csvHeader", Line(1));
        var cells = new List<PublishedCell>();
        for (var i = 1; i < lines.Length; i++)
        {
            var fields = Split(lines[i]);
            if (fields.Count != 3) throw new Refused("published.fieldCount", Line(i + 1), fields.Count);
            if (!decimal.TryParse(fields[2], NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
                throw Refused.At("value", "published.csvNotANumber", Line(i + 1), fields[2]);
            if (Math.Abs(value) > Kroner.Max) throw Refused.At("value", "published.outOfRange", Line(i + 1), Kroner.Max);
            cells.Add(new PublishedCell(fields[0], fields[1], value));
        }
        return cells;
    }

    private static Refusal Row(int row) => Refusal.Of("import.row", row);

    private static Refusal Line(int line) => Refusal.Of("import.line", line);

    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(field.ToString().Trim()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString().Trim());
        return fields;
    }
}
