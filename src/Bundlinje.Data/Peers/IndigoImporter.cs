using Bundlinje.Common;
using Bundlinje.Peers;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Data.Peers;

/// <summary>What an import did: per table the rows in the export and the revisions it added.</summary>
public sealed record PeerImportResult(IReadOnlyList<PeerTableCount> Tables, int Linked)
{
    public bool ChangedAnything => Tables.Any(t => t.Added + t.Changed + t.Withdrawn > 0);
}

/// <summary>`bundlinje indigo import FOLDER`: reads the INDIGO CSV export (all-data-by-type/) into the read-only peer
/// library, all or nothing: every problem (a malformed row, a sub-table row naming an unknown project, a typed column that
/// does not parse) is reported with its file and row and nothing is written. Idempotent: an unchanged row is left alone;
/// a changed row gets a new revision; a row gone from the export a withdrawn revision (docs/indigo.md).</summary>
public sealed class IndigoImporter(BundlinjeDb db, ICurrentUser user, TimeProvider clock)
{
    public async Task<PeerImportResult> ImportAsync(string folder, CancellationToken ct = default)
    {
        var problems = new List<Refusal>();
        var sheets = new List<PeerSheet>();
        foreach (var (table, file) in PeerTables.Files)
        {
            var path = Path.Combine(folder, file);
            if (!File.Exists(path)) { problems.Add(Refusal.Labelled(file, Refusal.Of("file.missing"))); continue; }
            if (IndigoCsv.Read(table, file, await File.ReadAllTextAsync(path, ct), problems) is { } sheet) sheets.Add(sheet);
        }
        var rows = problems.Count == 0 ? PeerRows.Build(sheets, problems) : [];
        var projects = problems.Count == 0 ? PeerProjectFacts.Build(rows, PeerLinks.Aarhus(), problems) : [];
        if (problems.Count > 0) throw Refused.File("subject.indigo", problems);

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = await StoreAsync(Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)), rows, projects, ct);
            await transaction.CommitAsync(ct);
            return result;
        });
    }

    private async Task<PeerImportResult> StoreAsync(string source, List<PeerRow> rows, List<PeerProject> projects, CancellationToken ct)
    {
        var all = await db.PeerRecords.AsNoTracking()
            .Select(r => new PeerCurrent(r.Table, r.Key, r.Revision, r.Withdrawn, r.Fields, r.ProjectId)).ToListAsync(ct);
        var current = all.GroupBy(r => (r.Table, r.Key)).Select(g => g.MaxBy(r => r.Revision)!).ToList();
        var (records, counts) = PeerPlan.Diff(current, rows);
        var revisions = current.Where(c => c.Table == PeerTable.Project).ToDictionary(c => c.Key, c => c.Revision);
        foreach (var r in records.Where(r => r.Table == PeerTable.Project)) revisions[r.Key] = r.Revision;
        foreach (var p in projects) p.Revision = revisions[p.IndigoId];
        var stored = await db.PeerProjects.ToDictionaryAsync(p => p.IndigoId, ct);
        var projectChanges = Project(stored, projects);
        var result = new PeerImportResult(counts, projects.Count(p => p.LinkedInvestmentKey is not null));
        if (records.Count == 0 && !projectChanges) return result;

        var import = new PeerImport
        {
            ImportedAt = clock.GetUtcNow(), ImportedBy = user.Name, Source = source,
            Added = counts.Sum(c => c.Added), Changed = counts.Sum(c => c.Changed), Withdrawn = counts.Sum(c => c.Withdrawn),
            Unchanged = counts.Sum(c => c.Unchanged),
        };
        db.PeerImports.Add(import);
        await db.SaveChangesAsync(ct);
        foreach (var record in records) record.ImportId = import.Id;
        db.PeerRecords.AddRange(records);
        await db.SaveChangesAsync(ct);
        return result;
    }

    /// <summary>Brings the typed project rows in step with the export; true when anything changed.</summary>
    private bool Project(Dictionary<string, PeerProject> stored, List<PeerProject> projects)
    {
        var changed = false;
        foreach (var incoming in projects)
        {
            if (!stored.Remove(incoming.IndigoId, out var row))
            {
                db.PeerProjects.Add(incoming);
                changed = true;
                continue;
            }
            incoming.Id = row.Id;
            var entry = db.Entry(row);
            entry.CurrentValues.SetValues(incoming);
            changed |= entry.State == EntityState.Modified || entry.Properties.Any(p => p.IsModified);
        }
        foreach (var gone in stored.Values.Where(p => !p.Withdrawn))
        {
            gone.Withdrawn = true;
            changed = true;
        }
        return changed;
    }
}
