using Bundlinje.Common;

namespace Bundlinje.Peers;

/// <summary>One file of the export as read: its header and rows (<see cref="PeerSheetRow.Row"/> numbered as a spreadsheet
/// numbers them, the header being row 1, however many lines a quoted cell spans).</summary>
public sealed record PeerSheet(PeerTable Table, string File, IReadOnlyList<string> Header, IReadOnlyList<PeerSheetRow> Rows);

public sealed record PeerSheetRow(int Row, IReadOnlyList<string> Cells);

/// <summary>A row of the export ready to be compared with the library: its key, its project and its fields.</summary>
public sealed record PeerRow(PeerTable Table, string Key, string? ProjectId, IReadOnlyList<PeerField> Fields, string Json, int Row);

public static class PeerRows
{
    public const string IdColumn = "ID";
    public const string ProjectIdColumn = "Project ID";

    /// <summary>"{file}, row {n}" — the label of a problem in a row.</summary>
    public static Refusal At(string file, int row, Refusal reason) => Refusal.Labelled(Refusal.Of("indigo.at", file, row), reason);

    /// <summary>The rows of every sheet with their keys; a row without an id, a repeated id and a sub-table row naming a
    /// project the projects file does not have are problems (added to <paramref name="problems"/>).</summary>
    public static List<PeerRow> Build(IReadOnlyList<PeerSheet> sheets, List<Refusal> problems)
    {
        var rows = new List<PeerRow>();
        var projects = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sheet in sheets.OrderBy(s => s.Table == PeerTable.Project ? 0 : 1))
        {
            var sub = PeerTables.IsSubTable(sheet.Table);
            var column = IndexOf(sheet.Header, sub ? ProjectIdColumn : IdColumn);
            if (column < 0)
            {
                problems.Add(At(sheet.File, 1, Refusal.Of("indigo.noColumn", sub ? ProjectIdColumn : IdColumn)));
                continue;
            }
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var row in sheet.Rows)
            {
                var id = row.Cells[column].Trim();
                if (id.Length == 0) { problems.Add(At(sheet.File, row.Row, Refusal.Of("indigo.noId", sheet.Header[column]))); continue; }
                var fields = PeerFields.Group(sheet.Header, row.Cells);
                string key;
                if (sub)
                {
                    if (!projects.Contains(id))
                    {
                        problems.Add(At(sheet.File, row.Row, Refusal.Of("indigo.unknownProject", id)));
                        continue;
                    }
                    seen[id] = seen.GetValueOrDefault(id) + 1;
                    key = $"{id}#{seen[id]}";
                }
                else
                {
                    if (seen.TryGetValue(id, out var first))
                    {
                        problems.Add(At(sheet.File, row.Row, Refusal.Of("indigo.duplicateId", id, first)));
                        continue;
                    }
                    seen[id] = row.Row;
                    key = id;
                    if (sheet.Table == PeerTable.Project) projects.Add(id);
                }
                var project = sheet.Table switch { PeerTable.Project => id, _ when sub => id, _ => null };
                rows.Add(new(sheet.Table, key, project, fields, PeerFields.ToJson(fields), row.Row));
            }
        }
        return rows;
    }

    private static int IndexOf(IReadOnlyList<string> header, string name)
    {
        for (var i = 0; i < header.Count; i++) if (header[i] == name) return i;
        return -1;
    }
}
