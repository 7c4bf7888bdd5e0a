using Bundlinje.Common;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Peers;

/// <summary>The Peers page's filter. Text values are compared as parameters (never built into SQL). The capital range is
/// in the chosen <see cref="Currency"/> (amounts are kept as given, never converted), so it applies only with one.</summary>
public sealed record PeerFilter(string? Country = null, string? Sector = null, string? Stage = null, string? Population = null,
    string? MetricSector = null, string? Currency = null, decimal? MinCapital = null, decimal? MaxCapital = null,
    int? MinParticipants = null, int? MaxParticipants = null, int? FromYear = null, int? ToYear = null);

/// <summary>The values the filter offers: those the library has.</summary>
public sealed record PeerOptions(IReadOnlyList<string> Countries, IReadOnlyList<string> Sectors, IReadOnlyList<string> Stages,
    IReadOnlyList<string> MetricSectors, IReadOnlyList<string> Currencies);

/// <summary>A project with the current rows of its sub-tables and the names of the organisations they name.</summary>
public sealed record PeerProjectView(PeerProject Project, PeerRecord Record, IReadOnlyDictionary<PeerTable, List<PeerRecord>> Rows,
    IReadOnlyDictionary<string, string> OrganisationNames, IReadOnlyList<(int Revision, bool Withdrawn, DateTimeOffset At)> History)
{
    public List<PeerRecord> Of(PeerTable table) => Rows.TryGetValue(table, out var rows) ? rows : [];

    /// <summary>An organisation id with its name, where the library has it.</summary>
    public string Organisation(string? id) =>
        id is null ? "" : OrganisationNames.TryGetValue(id, out var name) ? $"{name} ({id})" : id;
}

/// <summary>Reads the peer library (read-only: only <c>indigo import</c> writes it).</summary>
public sealed class PeerLibrary(IBundlinjeStore store)
{
    public async Task<PeerOptions> OptionsAsync(CancellationToken ct)
    {
        var projects = await store.PeerProjects.AsNoTracking().Where(p => !p.Withdrawn)
            .Select(p => new { p.Countries, p.PolicySector, p.Stage, p.MetricSectors, p.CapitalCurrency }).ToListAsync(ct);
        static List<string> Distinct(IEnumerable<string?> values) =>
            values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal).ToList();
        static IEnumerable<string> Split(string bars) => bars.Split('|', StringSplitOptions.RemoveEmptyEntries);
        return new(Distinct(projects.SelectMany(p => Split(p.Countries))), Distinct(projects.Select(p => p.PolicySector)),
            Distinct(projects.Select(p => p.Stage)), Distinct(projects.SelectMany(p => Split(p.MetricSectors))),
            Distinct(projects.Select(p => p.CapitalCurrency)));
    }

    /// <summary>The projects matching the filter, by name. The library is small (hundreds of projects), so the capital
    /// range (a decimal, which SQLite cannot compare) is applied after the query.</summary>
    public async Task<List<PeerProject>> FindAsync(PeerFilter f, CancellationToken ct)
    {
        var q = store.PeerProjects.AsNoTracking().Where(p => !p.Withdrawn);
        if (Clean(f.Country) is { } country) q = q.Where(p => p.Countries.Contains("|" + country.ToUpperInvariant() + "|"));
        if (Clean(f.Sector) is { } sector) q = q.Where(p => p.PolicySector == sector);
        if (Clean(f.Stage) is { } stage) q = q.Where(p => p.Stage == stage);
        if (Clean(f.Population) is { } population) q = q.Where(p => p.TargetPopulation != null && p.TargetPopulation.Contains(population));
        if (Clean(f.MetricSector) is { } metric) q = q.Where(p => p.MetricSectors.Contains("|" + metric + "|"));
        if (Clean(f.Currency) is { } currency) q = q.Where(p => p.CapitalCurrency == currency);
        if (f.MinParticipants is { } minP) q = q.Where(p => p.MaxParticipants >= minP);
        if (f.MaxParticipants is { } maxP) q = q.Where(p => p.MaxParticipants <= maxP);
        // Years: the project's years (start to end, or its start alone) overlap the range asked for.
        if (f.FromYear is { } from) q = q.Where(p => (p.EndYear ?? p.StartYear) >= from);
        if (f.ToYear is { } to) q = q.Where(p => p.StartYear <= to);
        var found = await q.OrderBy(p => p.Name).ThenBy(p => p.IndigoId).ToListAsync(ct);
        if (Clean(f.Currency) is null) return found;
        return found.Where(p => (f.MinCapital is not { } min || p.CapitalAmount >= min)
            && (f.MaxCapital is not { } max || p.CapitalAmount <= max))
            .ToList();
    }

    public Task<List<PeerProject>> ProjectsAsync(IReadOnlyCollection<string> ids, CancellationToken ct) =>
        store.PeerProjects.AsNoTracking().Where(p => ids.Contains(p.IndigoId)).OrderBy(p => p.IndigoId).ToListAsync(ct);

    /// <summary>A project with the current (highest) revision of each of its rows, without withdrawn ones; null if unknown.</summary>
    public async Task<PeerProjectView?> ProjectAsync(string indigoId, CancellationToken ct)
    {
        var project = await store.PeerProjects.AsNoTracking().FirstOrDefaultAsync(p => p.IndigoId == indigoId, ct);
        if (project is null) return null;
        var all = await store.PeerRecords.AsNoTracking().Where(r => r.ProjectId == indigoId).ToListAsync(ct);
        var current = all.GroupBy(r => (r.Table, r.Key)).Select(g => g.MaxBy(r => r.Revision)!).ToList();
        var record = current.Single(r => r.Table == PeerTable.Project);
        var rows = current.Where(r => r.Table != PeerTable.Project && !r.Withdrawn).GroupBy(r => r.Table)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Row).ToList());
        var orgIds = rows.Values.SelectMany(list => list).SelectMany(r => r.Parsed())
            .Where(f => f.Name.Contains("Organisation ID", StringComparison.Ordinal)).Select(f => f.Value).Distinct().ToList();
        var orgs = await store.PeerRecords.AsNoTracking().Where(r => r.Table == PeerTable.Organisation && orgIds.Contains(r.Key))
            .ToListAsync(ct);
        var names = orgs.GroupBy(r => r.Key).Select(g => g.MaxBy(r => r.Revision)!)
            .ToDictionary(r => r.Key, r => r.Parsed().Value("Name") ?? r.Key);
        var imports = await store.PeerImports.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.ImportedAt, ct);
        var history = all.Where(r => r.Table == PeerTable.Project).OrderBy(r => r.Revision)
            .Select(r => (r.Revision, r.Withdrawn, imports[r.ImportId])).ToList();
        return new(project, record, rows, names, history);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
