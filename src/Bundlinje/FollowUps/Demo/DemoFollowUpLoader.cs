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
/// approvals are recorded as <see cref="DemoFollowUps.Actor"/> on the dates the demo gives them.
/// </summary>
public sealed class DemoFollowUpLoader(IBundlinjeStore store, Pseudonymiser pseudonymiser, RegisterStore register)
{
    private static readonly ICurrentUser Actor = new FixedUser(DemoFollowUps.Actor);

    public async Task LoadAsync(CancellationToken ct = default)
    {
        // One connection held open for the whole load keeps DuckDB's database open between the imports and runs,
        // which otherwise open and close the file for every step.
        using var keepOpen = register.Open();
        foreach (var demo in DemoFollowUps.All()) await LoadAsync(demo, ct);
    }

    public async Task LoadAsync(DemoFollowUp demo, CancellationToken ct = default)
    {
        var investment = await store.Investments.AsNoTracking().FirstOrDefaultAsync(i => i.Key == demo.Investment, ct);
        if (investment is null) return; // the portfolio was not the demo's
        var loadedOn = new DemoClock(demo.Runs[0].RunOn);
        if (!await store.PaymentModels.AnyAsync(m => m.InvestmentId == investment.Id, ct))
            await PaymentModelFile.StoreAsync(store, demo.ModelJson, demo.Investment, ct);
        if (!await store.Participants.AnyAsync(p => p.InvestmentId == investment.Id, ct))
            await new ParticipantImporter(store, new ParticipantStore(store, Actor, loadedOn), pseudonymiser, Actor, loadedOn)
                .ImportAsync(demo.Investment, demo.ParticipantsFile, new MemoryStream(Encoding.UTF8.GetBytes(demo.ParticipantsCsv)), ct);
        var people = (await store.Participants.AsNoTracking().Where(p => p.InvestmentId == investment.Id).ToListAsync(ct)).Select(p =>
            p.ToPerson()).ToList();
        bool loaded;
        using (var observations = new DuckDbObservations(register, people)) loaded = !observations.Fingerprint(register)
            .StartsWith("0:", StringComparison.Ordinal);
        if (!loaded) register.Import(new MemoryStream(Encoding.UTF8.GetBytes(demo.RegisterCsv)), demo.RegisterFile, DemoFollowUps.Actor);
        foreach (var planned in demo.Runs) await RunAsync(investment.Id, demo.Investment, planned, ct);
    }

    private async Task RunAsync(int investmentId, string key, DemoRun planned, CancellationToken ct)
    {
        var runId = await store.FollowUpRuns.Where(r => r.InvestmentId == investmentId && r.AsOf == planned.AsOf).OrderBy(r => r.Id)
            .Select(r => (int?)r.Id).FirstOrDefaultAsync(ct)
            ?? (await new FollowUpRunner(store, register, Actor, new DemoClock(planned.RunOn)).RunAsync(key, planned.AsOf, ct: ct)).Id;
        if (planned is not { Decision: { } decision, ApprovedOn: { } approvedOn }) return;
        if (!await store.FollowUpApprovals.AnyAsync(a => a.RunId == runId, ct))
            await new FollowUpRunner(store, register, Actor, new DemoClock(approvedOn)).ApproveAsync(runId, decision, ct);
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

    /// <summary>The demo's fixed dates as the clock of its imports, runs and approvals (noon UTC).</summary>
    private sealed class DemoClock(DateOnly day) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
    }
}
