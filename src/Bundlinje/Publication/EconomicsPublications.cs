using System.Security.Cryptography;
using System.Text;
using Bundlinje.Common;
using Bundlinje.Fund;
using Bundlinje.Reports;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Publication;

/// <summary>The summary a decision would freeze now: computed from the fund's books by <see cref="FundEconomics"/>, with the
/// digests of the summary and of its inputs.</summary>
public sealed record EconomicsSummaryDraft(EconomicsSummary Summary, EconomicsOptions Options, int FirstYear, string SnapshotSha256,
    string InputsSha256);

/// <summary>The council approves the fund's economics summary for publication, recorded like its other decisions (date and
/// reference of the decision, who recorded it and when). The summary is frozen at the decision: the public pages show the
/// snapshot, never a recomputation. A later decision on a changed summary supersedes the earlier one; both are kept. Who may
/// record is decided by the page (a council member of the fund, <c>Operations.RecordCouncilDecision</c>).</summary>
public sealed class EconomicsPublications(IBundlinjeStore store, FundEconomics economics, ICurrentUser user, TimeProvider clock)
{
    public const int ReferenceMaxLength = 300;

    /// <summary>The summary as it would be published now, from the fund's whole books (never a viewer's scoped rows).</summary>
    public async Task<EconomicsSummaryDraft> PreviewAsync(Fund.Fund fund, EconomicsQuery? query = null, CancellationToken ct = default)
    {
        var report = await economics.BuildAsync(fund, query, viewer: null, ct);
        var summary = EconomicsSummary.Of(report, fund.Council);
        var inputs = new ReportInputs().Add("fund", new { fund.Key, report.Currency }).Add("options", report.Options);
        foreach (var e in report.Entries.Where(e => e.Pot == LedgerPot.InvestmentFund)) inputs.Add($"ledger/{e.PostingId}", e);
        return new(summary, report.Options, summary.Columns[0].FirstYear, Sha256(summary.ToJson()), inputs.Sha256());
    }

    /// <summary>Records the council's decision to publish the summary computed with <paramref name="query"/>.
    /// <paramref name="seenSha256"/> is the snapshot the council member was shown (null: not checked); when the books have
    /// changed since, the decision is refused rather than approving a table nobody saw. Refused: no date, a date in the future
    /// or before the fund's first fiscal year or before the decision in force, an empty or too long reference, the same
    /// summary as the decision in force; two recordings at once: the unique index saves one and the other is told.</summary>
    public Task<EconomicsPublication> ApproveAsync(Fund.Fund fund, EconomicsQuery query, DateOnly? decidedOn, string? reference,
        string? seenSha256 = null, CancellationToken ct = default) =>
        RecordAsync(fund, query, decidedOn, reference, seenSha256, user.Name, ct);

    /// <summary>The decision in force with its snapshot, or null when the council has approved none.</summary>
    public async Task<ApprovedEconomics?> LatestAsync(int fundId, CancellationToken ct = default) =>
        await store.EconomicsPublications.AsNoTracking().Where(p => p.FundId == fundId).OrderByDescending(p => p.Sequence)
            .FirstOrDefaultAsync(ct) is { } latest ? ApprovedEconomics.Of(latest) : null;

    /// <summary>Every decision of the fund, newest first (the first is in force).</summary>
    public async Task<IReadOnlyList<EconomicsPublication>> HistoryAsync(int fundId, CancellationToken ct = default) =>
        await store.EconomicsPublications.AsNoTracking().Where(p => p.FundId == fundId).OrderByDescending(p => p.Sequence)
            .ToListAsync(ct);

    /// <summary>The demo: the 2024 summary (accounts to 2024, the fund's effect) approved by <paramref name="councilMember"/>,
    /// when the fund has no decision yet (once).</summary>
    public async Task LoadDemoAsync(Fund.Fund fund, string councilMember, CancellationToken ct = default)
    {
        if (DemoDecidedOn > clock.Today() || await store.EconomicsPublications.AnyAsync(p => p.FundId == fund.Id, ct)) return;
        if (await store.LedgerPostings.AnyAsync(p => p.FundId == fund.Id, ct))
            await RecordAsync(fund, new EconomicsQuery(LaterFrom: 2029), DemoDecidedOn, DemoReference, null, councilMember, ct);
    }

    public static readonly DateOnly DemoDecidedOn = new(2025, 4, 24);
    public const string DemoReference = "Demo: Rådet for Sociale Investeringer, godkendelse af årsrapport 2024";

    private async Task<EconomicsPublication> RecordAsync(Fund.Fund fund, EconomicsQuery query, DateOnly? decidedOn, string? reference,
        string? seenSha256, string recordedBy, CancellationToken ct)
    {
        var problems = new List<Refusal>();
        if (decidedOn is not { } on) problems.Add(Refusal.At("DecidedOn", "economicsPublication.dateRequired"));
        else if (on > clock.Today()) problems.Add(Refusal.At("DecidedOn", "economicsPublication.dateInFuture", clock.Today()));
        if (string.IsNullOrWhiteSpace(reference)) problems.Add(Refusal.At("Reference", "economicsPublication.referenceRequired"));
        else if (reference.Trim().Length > ReferenceMaxLength)
            problems.Add(Refusal.At("Reference", "economicsPublication.referenceTooLong", ReferenceMaxLength));
        if (problems.Count > 0) throw new Refused(null, problems);

        var draft = await PreviewAsync(fund, query, ct);
        if (seenSha256 is not null && seenSha256 != draft.SnapshotSha256) throw new Refused("economicsPublication.tableChanged");
        if (decidedOn < new DateOnly(draft.FirstYear, 1, 1))
            throw Refused.At("DecidedOn", "economicsPublication.dateBeforeFund", draft.FirstYear);
        var latest = await store.EconomicsPublications.AsNoTracking().Where(p => p.FundId == fund.Id)
            .OrderByDescending(p => p.Sequence).FirstOrDefaultAsync(ct);
        if (latest is not null && latest.SnapshotSha256 == draft.SnapshotSha256 && latest.InputsSha256 == draft.InputsSha256)
            throw new Refused("economicsPublication.alreadyApproved", latest.DecidedOn, latest.Reference);
        if (latest is not null && decidedOn < latest.DecidedOn)
            throw Refused.At("DecidedOn", "economicsPublication.beforeLatest", latest.DecidedOn);

        var publication = new EconomicsPublication
        {
            FundId = fund.Id, Sequence = (latest?.Sequence ?? 0) + 1, FirstYear = draft.FirstYear,
            LastActualYear = draft.Options.LastActualYear, LaterFrom = draft.Options.LaterFrom, EffectPercent = draft.Options.EffectPercent,
            CountedInUntil = draft.Options.CountedInUntil, Snapshot = draft.Summary.ToJson(), SnapshotSha256 = draft.SnapshotSha256,
            InputsSha256 = draft.InputsSha256, DecidedOn = decidedOn!.Value, Reference = reference!.Trim(), RecordedBy = recordedBy,
            RecordedAt = clock.GetUtcNow(),
        };
        store.EconomicsPublications.Add(publication);
        await store.SaveOnceAsync(Refusal.Of("economicsPublication.recordedConcurrently"), ct);
        return publication;
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
