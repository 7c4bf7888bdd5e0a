using Bundlinje.Common;
using Bundlinje.FollowUps;
using Bundlinje.Investments;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Reports.FactSheets;

/// <summary>MSB's one-page fact sheet of an investment as of a date ("Fakta om projektet"): read from the store
/// (<see cref="LoadAsync"/>) and built by <see cref="FactSheetDocument"/>; the hand-written texts come from
/// <see cref="ReportNarratives"/> under <see cref="NarrativeScope.FactSheet"/>.</summary>
public sealed class FactSheets(IBundlinjeStore store, ReportNarratives narratives)
{
    /// <summary>The fact sheet of <paramref name="investment"/> as of <paramref name="asOf"/>, with the digest of its inputs.</summary>
    public async Task<BuiltReport> BuildAsync(Investment investment, DateOnly asOf, NarrativeSet narratives, string language,
        CancellationToken ct = default)
    {
        var facts = await LoadAsync(investment, asOf, narratives, ct);
        var inputs = new ReportInputs();
        facts.AddTo(inputs);
        return new BuiltReport(FactSheetDocument.Document(facts, language), inputs.Sha256());
    }

    /// <summary>The fact sheet with its current narratives (those of the investment's fund and the date's half-year).</summary>
    public async Task<BuiltReport> BuildAsync(Investment investment, DateOnly asOf, string language, CancellationToken ct = default) =>
        await BuildAsync(investment, asOf, await NarrativesAsync(investment, asOf, ct), language, ct);

    /// <summary>The current narratives of an investment's fact sheet for the date's half-year.</summary>
    public Task<NarrativeSet> NarrativesAsync(Investment investment, DateOnly asOf, CancellationToken ct = default) =>
        narratives.CurrentAsync(investment.FundId, NarrativeScope.FactSheet(investment.Key, asOf), ct);

    /// <summary>For a bundle: the fact sheet's section (on a new page when <paramref name="newPage"/>), its facts recorded in
    /// <paramref name="inputs"/>.</summary>
    public async Task<ReportSection> SectionAsync(Investment investment, DateOnly asOf, string language, ReportInputs inputs,
        bool newPage = true, CancellationToken ct = default)
    {
        var facts = await LoadAsync(investment, asOf, await NarrativesAsync(investment, asOf, ct), ct);
        facts.AddTo(inputs);
        return FactSheetDocument.Section(facts, language, newPage);
    }

    /// <summary>Reads what a fact sheet shows: the investment with its fund, enrolment and sub-projects, its parties, the
    /// current phase as of the date, the latest stored payment model, the fund's measures, the latest run approved on or
    /// before the date and the obligations of the runs approved on or before the date.</summary>
    public async Task<FactSheetFacts> LoadAsync(Investment investment, DateOnly asOf, NarrativeSet narratives,
        CancellationToken ct = default)
    {
        var i = await store.Investments.AsNoTracking().Include(x => x.Fund).Include(x => x.Enrolment).Include(x => x.SubProjects)
            .FirstOrDefaultAsync(x => x.Id == investment.Id, ct) ?? throw new NotFound("investment", investment.Id);
        i.Parties = await store.PartiesOfAsync(i.Id, ct);
        var phase = PhaseChange.Current(await store.PhaseChanges.AsNoTracking()
            .Where(c => c.InvestmentId == i.Id && c.StartedOn <= asOf).ToListAsync(ct));
        var model = (await store.PaymentModels.AsNoTracking().Where(m => m.InvestmentId == i.Id).ToListAsync(ct))
            .OrderByDescending(m => m.AgreementVersion).ThenByDescending(m => m.Id).FirstOrDefault();
        var measures = await store.Measures.AsNoTracking().Where(m => m.FundId == i.FundId)
            .ToDictionaryAsync(m => m.Code, StringComparer.Ordinal, ct);
        // Approvals are few per investment; the date is compared here (SQLite cannot compare a DateTimeOffset in SQL).
        var approvals = (await store.FollowUpApprovals.AsNoTracking().Where(a => a.InvestmentId == i.Id).ToListAsync(ct))
            .Where(a => FactSheetStatus.ApprovedOn(a) <= asOf).ToList();
        var runIds = approvals.Select(a => a.RunId).ToList();
        var obligations = await store.PaymentObligations.AsNoTracking().Where(o => o.InvestmentId == i.Id && runIds.Contains(o.RunId))
            .OrderBy(o => o.Id).ToListAsync(ct);
        ApprovedRun? latest = null;
        if (approvals.MaxBy(a => a.Sequence) is { } last)
        {
            var run = await store.FollowUpRuns.AsNoTracking().FirstAsync(r => r.Id == last.RunId, ct);
            latest = new ApprovedRun(run, last, RunResult.FromJson(run.ResultJson));
        }
        return new FactSheetFacts(i, i.Parties, phase, model, measures, latest, obligations, narratives, asOf);
    }
}
