using System.Globalization;

namespace Bundlinje.Fund;

/// <summary>Reads a published table as CSV with the header <c>row,column,value</c> (labels as printed, values in 1.000 kr.).</summary>
public static class PublishedTable
{
    public static IReadOnlyList<PublishedCell> ReadCsv(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0 || !string.Equals(lines[0].Trim(), "row,column,value", StringComparison.OrdinalIgnoreCase))
            throw new FormatException("Linje 1: overskriften skal være 'row,column,value'.");
        var cells = new List<PublishedCell>();
        for (var i = 1; i < lines.Length; i++)
        {
            var fields = Split(lines[i]);
            if (fields.Count != 3) throw new FormatException($"Linje {i + 1}: forventede 3 felter, fandt {fields.Count}.");
            if (!decimal.TryParse(fields[2], NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
                throw new FormatException($"Linje {i + 1}, value: '{fields[2]}' er ikke et tal (brug punktum som decimaltegn, intet tusindtalsskilletegn).");
            cells.Add(new PublishedCell(fields[0], fields[1], value));
        }
        return cells;
    }

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
