using Bundlinje.Common;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Reports;

/// <summary>The current hand-written texts of one report scope (<see cref="NarrativeScope"/>), by key.</summary>
public sealed record NarrativeSet(string Scope, IReadOnlyDictionary<string, ReportNarrative> Current)
{
    public static NarrativeSet Empty(string scope) => new(scope, new Dictionary<string, ReportNarrative>());

    /// <summary>The current text of a field, "" when nobody has written it.</summary>
    public string Text(string key) => Current.TryGetValue(key, out var n) ? n.Text : "";

    /// <summary>Records the revisions used in a report's inputs (a new revision changes the report's inputs digest).</summary>
    public void AddTo(ReportInputs inputs)
    {
        foreach (var (key, n) in Current) inputs.Add($"narrative/{Scope}/{key}", new { n.Revision, n.Text });
    }
}

/// <summary>Saving and reading the hand-written texts of reports: every save a new revision (the history), a period's
/// texts copied from the previous period as a starting point.</summary>
public sealed class ReportNarratives(IBundlinjeStore store, ICurrentUser user, TimeProvider clock)
{
    public async Task<NarrativeSet> CurrentAsync(int fundId, string scope, CancellationToken ct = default)
    {
        var all = await store.ReportNarratives.AsNoTracking().Where(n => n.FundId == fundId && n.Scope == scope).ToListAsync(ct);
        return new(scope, all.GroupBy(n => n.Key).ToDictionary(g => g.Key, g => g.MaxBy(n => n.Revision)!, StringComparer.Ordinal));
    }

    /// <summary>Saves <paramref name="text"/> as the next revision of the field. <paramref name="basedOn"/> is the revision
    /// the writer started from (0 for a new text): a save based on an older revision is refused rather than overwriting
    /// someone else's text; two saves at once are decided by the unique index.</summary>
    public async Task<ReportNarrative> SaveAsync(int fundId, string scope, string key, string text, int basedOn,
        CancellationToken ct = default)
    {
        text = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (text.Length > ReportNarrativeLimits.MaxLength)
            throw Refused.At("Text", "report.narrativeTooLong", ReportNarrativeLimits.MaxLength);
        var latest = await store.ReportNarratives.Where(n => n.FundId == fundId && n.Scope == scope && n.Key == key)
            .Select(n => (int?)n.Revision).MaxAsync(ct) ?? 0;
        if (latest != basedOn) throw new Refused("report.narrativeChanged", latest);
        return await AddAsync(new ReportNarrative
        {
            FundId = fundId, Scope = scope, Key = key, Revision = latest + 1, Text = text, WrittenBy = user.Name,
            WrittenAt = clock.GetUtcNow(),
        }, ct);
    }

    /// <summary>The revisions of one field, newest first.</summary>
    public Task<List<ReportNarrative>> HistoryAsync(int fundId, string scope, string key, CancellationToken ct = default) =>
        store.ReportNarratives.AsNoTracking().Where(n => n.FundId == fundId && n.Scope == scope && n.Key == key)
            .OrderByDescending(n => n.Revision).ToListAsync(ct);

    /// <summary>Copies every text of <paramref name="from"/> that <paramref name="to"/> does not have yet (nothing is
    /// overwritten) as revision 1 of the new scope, marked as copied; one save. Returns how many were copied.</summary>
    public async Task<int> CopyAsync(int fundId, string from, string to, CancellationToken ct = default)
    {
        var source = await CurrentAsync(fundId, from, ct);
        var existing = (await CurrentAsync(fundId, to, ct)).Current.Keys.ToHashSet(StringComparer.Ordinal);
        var copies = source.Current.Values.Where(n => !existing.Contains(n.Key) && n.Text.Length > 0).Select(n => new ReportNarrative
        {
            FundId = fundId, Scope = to, Key = n.Key, Revision = 1, Text = n.Text, WrittenBy = user.Name,
            WrittenAt = clock.GetUtcNow(), CopiedFrom = from,
        }).ToList();
        if (copies.Count == 0) return 0;
        store.ReportNarratives.AddRange(copies);
        await store.SaveOnceAsync(SavedConcurrently, ct);
        return copies.Count;
    }

    private static readonly Refusal SavedConcurrently = Refusal.Of("report.narrativeSavedConcurrently");

    private async Task<ReportNarrative> AddAsync(ReportNarrative narrative, CancellationToken ct)
    {
        store.ReportNarratives.Add(narrative);
        await store.SaveOnceAsync(SavedConcurrently, ct);
        return narrative;
    }
}
