namespace Bundlinje.Peers;

/// <summary>What an import does to one table.</summary>
public sealed record PeerTableCount(PeerTable Table, int Rows, int Added, int Changed, int Withdrawn, int Unchanged);

/// <summary>The current revision of a record in the library.</summary>
public sealed record PeerCurrent(PeerTable Table, string Key, int Revision, bool Withdrawn, string Fields, string? ProjectId);

/// <summary>Compares an export with the library: a new row gets revision 1, a changed row (or one withdrawn before and back
/// now) the next revision, a row gone from the export a withdrawn revision with its last fields; an unchanged row
/// nothing. Pure: the importer stores the records it returns.</summary>
public static class PeerPlan
{
    public static (List<PeerRecord> Records, List<PeerTableCount> Counts) Diff(IReadOnlyList<PeerCurrent> current,
        IReadOnlyList<PeerRow> rows)
    {
        var byKey = current.ToDictionary(c => (c.Table, c.Key));
        var records = new List<PeerRecord>();
        var counts = new List<PeerTableCount>();
        foreach (var (table, _) in PeerTables.Files)
        {
            int added = 0, changed = 0, withdrawn = 0, unchanged = 0;
            var incoming = rows.Where(r => r.Table == table).ToList();
            foreach (var row in incoming)
            {
                if (!byKey.TryGetValue((table, row.Key), out var now))
                {
                    added++;
                    records.Add(Record(row, 1));
                }
                else if (now.Withdrawn || now.Fields != row.Json)
                {
                    changed++;
                    records.Add(Record(row, now.Revision + 1));
                }
                else unchanged++;
            }
            var keys = incoming.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in current.Where(c => c.Table == table && !c.Withdrawn && !keys.Contains(c.Key)).OrderBy(c => c.Key))
            {
                withdrawn++;
                records.Add(new PeerRecord
                {
                    Table = table, Key = gone.Key, ProjectId = gone.ProjectId, Revision = gone.Revision + 1, Withdrawn = true,
                    Fields = gone.Fields, Row = 0,
                });
            }
            counts.Add(new(table, incoming.Count, added, changed, withdrawn, unchanged));
        }
        return (records, counts);
    }

    private static PeerRecord Record(PeerRow row, int revision) => new()
    {
        Table = row.Table, Key = row.Key, ProjectId = row.ProjectId, Revision = revision, Fields = row.Json, Row = row.Row,
    };
}
