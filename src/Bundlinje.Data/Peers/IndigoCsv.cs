using System.Text;
using Bundlinje.Common;
using Bundlinje.Peers;

namespace Bundlinje.Data.Peers;

/// <summary>A strict reader of INDIGO's CSV files (RFC 4180: comma-separated, fields in double quotes may hold commas,
/// doubled quotes and line breaks). Strict because the import is all or nothing: an unclosed quote, a quote inside an
/// unquoted field, text after a closing quote or a row with more or fewer cells than the header is a problem with the
/// file and the row (numbered as a spreadsheet numbers rows: the header is row 1).</summary>
public static class IndigoCsv
{
    public static PeerSheet? Read(PeerTable table, string file, string text, List<Refusal> problems)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var records = new List<(int Row, List<string> Cells)>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var (row, line, i) = (1, 1, 0);
        var ok = true;
        while (i < text.Length && ok)
        {
            if (text[i] == '"' && cell.Length == 0)
            {
                var startLine = line;
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        problems.Add(PeerRows.At(file, row, Refusal.Of("indigo.unclosedQuote", startLine)));
                        ok = false;
                        break;
                    }
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    if (text[i] == '\n') line++;
                    cell.Append(text[i++]);
                }
                if (!ok) break;
                if (i < text.Length && text[i] is not (',' or '\n' or '\r'))
                {
                    problems.Add(PeerRows.At(file, row, Refusal.Of("indigo.afterQuote", line)));
                    ok = false;
                }
                continue;
            }
            switch (text[i])
            {
                case ',':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    i++;
                    break;
                case '\r' or '\n':
                    if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                    i++;
                    cells.Add(cell.ToString());
                    cell.Clear();
                    records.Add((row, cells));
                    cells = [];
                    row++;
                    line++;
                    break;
                case '"':
                    problems.Add(PeerRows.At(file, row, Refusal.Of("indigo.strayQuote", line)));
                    ok = false;
                    break;
                default:
                    cell.Append(text[i++]);
                    break;
            }
        }
        if (!ok) return null;
        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            records.Add((row, cells));
        }
        if (records.Count == 0)
        {
            problems.Add(PeerRows.At(file, 1, Refusal.Of("file.emptyShort")));
            return null;
        }
        var header = records[0].Cells;
        var rows = new List<PeerSheetRow>();
        foreach (var (n, values) in records.Skip(1))
        {
            if (values.Count == 1 && values[0].Length == 0) continue; // a blank line
            if (values.Count != header.Count) problems.Add(
                PeerRows.At(file, n, Refusal.Of("indigo.cellCount", values.Count, header.Count)));
            else rows.Add(new(n, values));
        }
        return new(table, file, header, rows);
    }
}
