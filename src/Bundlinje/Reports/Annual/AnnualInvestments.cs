using Bundlinje.Common;
using Bundlinje.Agreements;
using Bundlinje.FollowUps;
using Bundlinje.Investments;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Reports.Annual;

/// <summary>Loads a fund's investments as they stood on a date for the annual report: every investment agreed by then
/// (or without an agreement date) that is not in development, with its agreement's terms then (revisions effective
/// later undone), parties, current phase, enrolment and the approved follow-up runs with an as-of date up to then.</summary>
internal sealed class AnnualInvestments(IBundlinjeStore store)
{
    public async Task<List<InvestmentFacts>> LoadAsync(int fundId, DateOnly asOf, ReportInputs inputs, CancellationToken ct)
    {
        var investments = await store.Investments.AsNoTracking().Where(i => i.FundId == fundId)
            .Include(i => i.Parties).ThenInclude(p => p.Organisation).Include(i => i.SubProjects).Include(i => i.Enrolment)
            .Include(i => i.Versions).ThenInclude(v => v.Changes)
            .OrderBy(i => i.Id).ToListAsync(ct);
        investments = investments.Where(i => i.Status != InvestmentStatus.InDevelopment && !(i.AgreedOn > asOf)).ToList();
        var ids = investments.Select(i => i.Id).ToList();
        var phases = await store.PhaseChanges.AsNoTracking().Where(p => ids.Contains(p.InvestmentId) && p.StartedOn <= asOf)
            .ToListAsync(ct);
        var runs = await (from r in store.FollowUpRuns.AsNoTracking()
                          join a in store.FollowUpApprovals.AsNoTracking() on r.Id equals a.RunId
                          where ids.Contains(r.InvestmentId) && r.AsOf <= asOf
                          select new { Run = r, a.DecisionReference, a.Sequence }).ToListAsync(ct);
        var facts = new List<InvestmentFacts>();
        foreach (var investment in investments)
        {
            TermsAsOf(investment, asOf);
            investment.Enrolment = investment.Enrolment.Where(e => e.AsOf <= asOf).ToList();
            var phase = PhaseChange.Current(phases.Where(p => p.InvestmentId == investment.Id));
            var approved = runs.Where(r => r.Run.InvestmentId == investment.Id).OrderBy(r => r.Run.AsOf).ThenBy(r => r.Run.Id).ToList();
            foreach (var r in approved)
                inputs.Add($"run/{r.Run.Id}", new { r.Run.AsOf, r.Run.ResultHash, r.Run.Payable, r.DecisionReference, r.Sequence });
            var f = Facts(investment, phase?.Phase, approved.Select(r => r.Run));
            inputs.Add($"investment/{investment.Key}", new
            {
                f.Name, f.Status, f.PeriodStart, f.PeriodEnd, f.Capital, f.Providers, f.Authorities, f.TargetGroup, f.Phase,
                enrolment = investment.Enrolment.OrderBy(e => e.AsOf).ThenBy(e => e.SubProject)
                    .Select(e => new { e.AsOf, e.SubProject, e.Enrolled, e.Expected }),
                investment.PlannedParticipants, investment.PlannedPerYear,
            });
            facts.Add(f);
        }
        return facts;
    }

    private static InvestmentFacts Facts(Investment i, DevelopmentPhase? phase, IEnumerable<FollowUpRun> runs)
    {
        var parties = i.Parties.OrderBy(p => p.Id).ToList();
        List<string> Names(PartyRole role) => [.. parties.Where(p => p.Role == role).Select(p => p.Organisation!.Name).Distinct()];
        var latest = i.LatestEnrolment();
        var planned = i.Planned();
        var enrolment = latest is { } l
            ? new EnrolmentFacts(l.AsOf, l.Enrolled, EnrolmentPlan.Check(i), planned?.Min, planned?.Max)
            : null;
        return new InvestmentFacts(i.Key, i.Name, i.Status, i.PeriodStart, i.PeriodEnd,
            [.. parties.Where(p => p.Role is PartyRole.Investor or PartyRole.CoFunder && p.Capital is not null)
                .Select(p => new CapitalShare(p.Organisation!.Name, p.Capital!.Value))],
            Names(PartyRole.Provider), Names(PartyRole.Authority), i.TargetGroup, phase, enrolment,
            [.. runs.Select(r => { var result =
                RunResult.FromJson(r.ResultJson); return new RunFacts(r.Id, r.AsOf, r.Payable, result.Metrics); })]);
    }

    /// <summary>Undoes the agreement revisions effective after the date (newest first), so the terms are those of the date.</summary>
    private static void TermsAsOf(Investment i, DateOnly asOf)
    {
        foreach (var change in i.Versions.Where(v => v.EffectiveOn > asOf).OrderByDescending(v => v.Number).SelectMany(v => v.Changes))
        {
            var old = change.OldValue;
            switch (change.Field)
            {
                case AgreementTerms.PeriodStart: i.PeriodStart = old is null ? null : DateOnly.Parse(old, Invariant); break;
                case AgreementTerms.PeriodEnd: i.PeriodEnd = old is null ? null : DateOnly.Parse(old, Invariant); break;
                case AgreementTerms.TargetGroup: i.TargetGroup = old; break;
                case AgreementTerms.PlannedParticipants: i.PlannedParticipants = old is null ? null : int.Parse(old, Invariant); break;
                case var f when f.StartsWith(AgreementTerms.CapitalPrefix, StringComparison.Ordinal):
                    foreach (var p in i.Parties.Where(p => p.Role is PartyRole.Investor or PartyRole.CoFunder
                                 && AgreementTerms.CapitalPrefix + p.Organisation!.Key == f))
                        p.Capital = old is null ? null : decimal.Parse(old, Invariant);
                    break;
            }
        }
    }

    private static readonly System.Globalization.CultureInfo Invariant = System.Globalization.CultureInfo.InvariantCulture;
}
