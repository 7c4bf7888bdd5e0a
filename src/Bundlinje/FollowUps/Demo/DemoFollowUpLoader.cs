using System.Text;
using Bundlinje.Common;
using Bundlinje.Fund;
using Bundlinje.Participants;
using Bundlinje.Payments;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.FollowUps.Demo;

/// <summary>
/// Loads the demo follow-ups the way a secretariat would: the payment model file, the participant file and the register
/// extract through the real imports (the synthetic ids are pseudonymised there and never stored), then the runs through
/// <see cref="FollowUpRunner"/> and the approvals with their decision reference. The ledger already holds the actual
/// result payments (the published accounts), so an approved run's obligation is marked paid by that year's result payment
/// instead of posting it again. Each step is skipped when it has been done, so a restart adds nothing. Imports, runs and
/// approvals are recorded as <see cref="DemoFollowUps.Actor"/> on the dates the demo gives them: the loader's services run on
/// one <see cref="DemoClock"/> that it sets to each step's date (the demo is the same whatever day it is loaded).
/// </summary>
public sealed class DemoFollowUpLoader(IBundlinjeStore store, Pseudonymiser pseudonymiser, IRegisterStore register, ISheetReader sheets)
{
    private static readonly ICurrentUser Actor = new FixedUser(DemoFollowUps.Actor);
    private readonly DemoClock clock = new();
    private FollowUpRunner? runner;
    private ParticipantImporter? participants;

    private FollowUpRunner Runner => runner ??= new FollowUpRunner(store, register, Actor, clock, new Ledger(store, Actor, clock));
    private ParticipantImporter Participants =>
        participants ??= new ParticipantImporter(store, new ParticipantStore(store, Actor, clock), pseudonymiser, sheets, Actor, clock);

    public async Task LoadAsync(CancellationToken ct = default)
    {
        // The store held open for the whole load keeps its database open between the imports and runs,
        // which otherwise open and close the file for every step.
        using var keepOpen = register.KeepOpen();
        foreach (var demo in DemoFollowUps.All()) await LoadAsync(demo, ct);
    }

    public async Task LoadAsync(DemoFollowUp demo, CancellationToken ct = default)
    {
        var investment = await store.Investments.AsNoTracking().FirstOrDefaultAsync(i => i.Key == demo.Investment, ct);
        if (investment is null) return; // the portfolio was not the demo's
        clock.Day = demo.Runs[0].RunOn;
        if (!await store.PaymentModels.AnyAsync(m => m.InvestmentId == investment.Id, ct))
            await PaymentModelFile.StoreAsync(store, demo.ModelJson, demo.Investment, ct);
        if (!await store.Participants.AnyAsync(p => p.InvestmentId == investment.Id, ct))
            await Participants.ImportAsync(demo.Investment, demo.ParticipantsFile,
                new MemoryStream(Encoding.UTF8.GetBytes(demo.ParticipantsCsv)), ct);
        var people = (await store.Participants.AsNoTracking().Where(p => p.InvestmentId == investment.Id).ToListAsync(ct)).Select(p =>
            p.ToPerson()).ToList();
        bool loaded;
        using (var observations = register.Observe(people)) loaded = !observations.Fingerprint().StartsWith("0:", StringComparison.Ordinal);
        if (!loaded) register.Import(new MemoryStream(Encoding.UTF8.GetBytes(demo.RegisterCsv)), demo.RegisterFile, DemoFollowUps.Actor);
        foreach (var planned in demo.Runs) await RunAsync(investment.Id, demo.Investment, planned, ct);
    }

    private async Task RunAsync(int investmentId, string key, DemoRun planned, CancellationToken ct)
    {
        clock.Day = planned.RunOn;
        var runId = await store.FollowUpRuns.Where(r => r.InvestmentId == investmentId && r.AsOf == planned.AsOf).OrderBy(r => r.Id)
            .Select(r => (int?)r.Id).FirstOrDefaultAsync(ct)
            ?? (await Runner.RunAsync(key, planned.AsOf, ct: ct)).Id;
        if (planned is not { Decision: { } decision, ApprovedOn: { } approvedOn }) return;
        clock.Day = approvedOn;
        if (!await store.FollowUpApprovals.AnyAsync(a => a.RunId == runId, ct)) await Runner.ApproveAsync(runId, decision, ct);
        if (planned.PaidInYear is { } year) await LinkToLedgerAsync(investmentId, runId, year, ct);
    }

    /// <summary>Marks the run's obligation paid by the investment's actual result payment of the year in the ledger
    /// (imported from the published accounts): the posting is not posted again, so the economics table is unchanged.</summary>
    private async Task LinkToLedgerAsync(int investmentId, int runId, int year, CancellationToken ct)
    {
        var obligations = await store.PaymentObligations.Where(o => o.RunId == runId).ToListAsync(ct);
        if (obligations.Count == 0 || obligations.All(o => o.LedgerPostingId is not null)) return;
        if (obligations.Count != 1)
            throw new InvalidOperationException(
                $"Demo run {runId}: one payer and one instalment expected, found {obligations.Count} obligations.");
        var reversed = store.LedgerPostings.Where(r => r.Reverses != null).Select(r => r.Reverses);
        var posting = await store.LedgerPostings.AsNoTracking()
            .Where(p => p.InvestmentId == investmentId && p.Kind == LedgerKind.ResultPayment && p.Basis == LedgerBasis.Actual
                && p.Pot == LedgerPot.InvestmentFund
                        && p.FiscalYear == year && p.Amount > 0 && p.Reverses == null && !reversed.Contains(p.Id))
            .OrderBy(p => p.Id).FirstOrDefaultAsync(ct)
            ?? throw new InvalidOperationException($"Demo run {runId}: the ledger has no actual result payment in {year}.");
        if (await store.PaymentObligations.AnyAsync(o => o.LedgerPostingId == posting.Id, ct))
            throw new InvalidOperationException($"Demo run {runId}: posting {posting.Id} already pays another obligation.");
        (obligations[0].LedgerPostingId, obligations[0].PaidOn) = (posting.Id, posting.EntryDate);
        await store.SaveChangesAsync(ct);
    }

    /// <summary>The demo's fixed dates as the clock of its imports, runs and approvals (noon UTC), set by the loader
    /// before each step.</summary>
    private sealed class DemoClock : TimeProvider
    {
        public DateOnly Day { get; set; }

        public override DateTimeOffset GetUtcNow() => new(Day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
    }
}
