using Bundlinje.Common;
using Bundlinje.Investments;
using Bundlinje.Payments;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.FollowUps;

/// <summary>The participants slice of the follow-up page: how many, and enrolment per cohort against the plan.</summary>
public sealed record ParticipantsSlice(int Count, (IReadOnlyList<(string Cohort, int Enrolled)> Cohorts, EnrolmentStatus? Total) Enrolment);

/// <summary>The runs slice: the latest runs, which are approved, the payment obligations, and for an investment terminated
/// early the last approved run with what is settled up front for the open windows.</summary>
public sealed record RunsSlice(IReadOnlyList<FollowUpRun> Runs, IReadOnlySet<int> Approved, IReadOnlyList<PaymentObligation> Obligations,
    (FollowUpRun Run, IReadOnlyList<(Metric Metric, int Open, decimal Amount)> Lines)? Early);

/// <summary>The whole follow-up page: every slice, and whether the data are the demo's synthetic ones.</summary>
public sealed record FollowUpOverview(RunsSlice Runs, ParticipantsSlice Participants, StoredPaymentModel? Model, bool Synthetic);

/// <summary>Reads the slices of an investment's follow-up page; each slice page asks for its own, the overview for all.</summary>
public sealed class FollowUpSlices(IBundlinjeStore store, TimeProvider clock)
{
    public async Task<FollowUpOverview> OverviewAsync(Investment investment, CancellationToken ct)
    {
        var model = await ModelAsync(investment, ct);
        return new(await RunsAsync(investment, () => Task.FromResult(model), ct), await ParticipantsAsync(investment, ct), model,
            await store.ParticipantImports.AnyAsync(i => i.InvestmentId == investment.Id && i.ImportedBy == Demo.DemoFollowUps.Actor, ct));
    }

    public Task<StoredPaymentModel?> ModelAsync(Investment investment, CancellationToken ct) =>
        store.PaymentModels.AsNoTracking().Where(m => m.InvestmentId == investment.Id).OrderByDescending(m => m.Id).FirstOrDefaultAsync(ct);

    public async Task<ParticipantsSlice> ParticipantsAsync(Investment investment, CancellationToken ct)
    {
        var count = await store.Participants.CountAsync(p => p.InvestmentId == investment.Id, ct);
        var treated = await store.Participants.AsNoTracking()
            .Where(p => p.InvestmentId == investment.Id && p.Group == ParticipantGroup.Treatment)
            .Select(p => new { p.Cohort, p.EnrolledOn }).ToListAsync(ct);
        return new(count, EnrolmentPlan.FromParticipants(investment, treated.Select(t => (t.Cohort, t.EnrolledOn)), clock.Today()));
    }

    public Task<RunsSlice> RunsAsync(Investment investment, CancellationToken ct) =>
        RunsAsync(investment, () => ModelAsync(investment, ct), ct);

    /// <summary>The runs slice; the payment model is read only for an early-terminated investment (and only once on the
    /// overview, which has read it already).</summary>
    private async Task<RunsSlice> RunsAsync(Investment investment, Func<Task<StoredPaymentModel?>> model, CancellationToken ct)
    {
        var runs = await store.FollowUpRuns.AsNoTracking().Where(r => r.InvestmentId == investment.Id).OrderByDescending(r => r.Id).Take(20)
            .ToListAsync(ct);
        var approved = (await store.FollowUpApprovals.AsNoTracking().Where(a => a.InvestmentId == investment.Id).Select(a => a.RunId)
            .ToListAsync(ct))
            .ToHashSet();
        var obligations = await store.PaymentObligations.AsNoTracking().Include(o => o.LedgerPosting)
            .Where(o => o.InvestmentId == investment.Id)
            .OrderBy(o => o.Id).ToListAsync(ct);
        (FollowUpRun, IReadOnlyList<(Metric, int, decimal)>)? early = null;
        if (investment.Status == InvestmentStatus.TerminatedEarly && runs.Where(r => approved.Contains(r.Id)).MaxBy(r => r.AsOf) is { } last
            && await model() is { } stored)
        {
            var people = (await store.Participants.AsNoTracking().Where(p => p.InvestmentId == investment.Id).ToListAsync(ct)).Select(p =>
                p.ToPerson()).ToList();
            early = (last, EarlyTermination.ForOpenWindows(stored.Model, people, last.AsOf));
        }
        return new(runs, approved, obligations, early);
    }
}
