using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Bundlinje.Common;
using Bundlinje.Investments;
using Bundlinje.Participants;
using Bundlinje.Payments;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.FollowUps;

/// <summary>The stored result of a run, in the order the model lists its metrics.</summary>
public sealed record RunResult(
    string Investment, DateOnly AsOf, int AgreementVersion, IReadOnlyList<RunMetric> Metrics, decimal Gross, decimal Capped,
        decimal Donation,
    decimal Payable, IReadOnlyList<PayerPayment> ByPayer, IReadOnlyList<InvestorPayment> ByInvestor, IReadOnlyList<string> Notes,
    decimal Overpaid = 0m, IReadOnlyList<int>? SettledAgainst = null, string Currency = Fund.Currencies.Default)
{
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static RunResult FromJson(string json) => JsonSerializer.Deserialize<RunResult>(json, Json)!;

    public string ToCsv()
    {
        var csv = new StringBuilder(
            "metric,cohort,eligible,achieved,events,effect,price,amount,amountAfterCaps,entitledToDate,paidBefore,payableNow,overpaid,cur" +
                "rency\n");
        foreach (var m in Metrics)
            csv.AppendCsvLine(m.Key, m.Cohort, m.Eligible, m.Achieved, m.Events,
                decimal.Round(m.Effect, 6) / 1.000000000000000000000000000m, m.Price, m.Amount, m.AfterCaps,
                m.EntitledToDate, m.PaidBefore, m.PayableNow, m.Overpaid, Currency);
        return csv.ToString();
    }

    private static readonly JsonSerializerOptions Json = new(Portfolio.PortfolioJson.Options) { WriteIndented = false };
}

/// <summary>One metric line of a run. <see cref="Amount"/> is the entitlement to date before caps, <see cref="EntitledToDate"/>
/// after the per-metric and per-participant caps, <see cref="PaidBefore"/> what approved runs settled on this line, and
/// <see cref="AfterCaps"/> (= <see cref="PayableNow"/>) what this run settles; <see cref="Overpaid"/> is what approved runs
/// paid above the entitlement to date (for the steering group, never a negative payment). Runs stored before cumulative
/// settlement have 0 in the new fields and their <see cref="AfterCaps"/> is what they settled.</summary>
public sealed record RunMetric(string Key, string Name, string Cohort, int Eligible, int Achieved, decimal Events, decimal Effect,
    decimal Price,
    decimal Amount, decimal AfterCaps, string Explanation, decimal EntitledToDate = 0m, decimal PaidBefore = 0m, decimal Overpaid = 0m)
{
    public decimal PayableNow => AfterCaps;
}

/// <summary>
/// Runs an investment's payment model over its participants and the register data as of a date, and stores the run
/// with the fingerprints of everything it read. Re-running on unchanged inputs gives the same result hash.
/// </summary>
public sealed class FollowUpRunner(IBundlinjeStore store, IRegisterStore register, ICurrentUser user, TimeProvider clock,
    Fund.Ledger ledger)
{
    /// <summary>For a caller that builds a runner by hand for another user (the page's background runs); the container
    /// uses the constructor that gets the ledger injected.</summary>
    public FollowUpRunner(IBundlinjeStore store, IRegisterStore register, ICurrentUser user, TimeProvider clock)
        : this(store, register, user, clock, new Fund.Ledger(store, user, clock)) { }

    public async Task<FollowUpRun> RunAsync(string investmentKey, DateOnly asOf, IProgress<string>? progress = null,
        CancellationToken ct = default) =>
        await RunAsync(await store.InvestmentWithFundAsync(investmentKey, ct), asOf, progress, ct);

    /// <summary>Runs a loaded investment (with its fund): a page's route investment or a queued job's.</summary>
    public async Task<FollowUpRun> RunAsync(Investment investment, DateOnly asOf, IProgress<string>? progress = null,
        CancellationToken ct = default)
    {
        var parties = await store.PartiesOfAsync(investment.Id, ct);
        var stored = await store.PaymentModels.AsNoTracking().Where(m => m.InvestmentId == investment.Id)
            .OrderByDescending(m => m.AgreementVersion).ThenByDescending(m => m.Id).FirstOrDefaultAsync(ct)
            ?? throw new Refused("followUp.noPaymentModel", investment.Name);
        // Explanations print each measure in its unit and precision from the fund's catalogue (docs/measures.md).
        var formats = await MeasureCatalogue.FormatsAsync(store, investment.FundId, ct);
        var model = stored.Model;
        model = model with
        {
            Metrics = model.Metrics.Select(m => formats.TryGetValue(m.Measure, out var f) ? m with { Format = f } : m)
            .ToList()
        };
        // Only the four fields a run reads, straight into Person (no entity per participant); pseudonyms are unique per investment.
        var people = await store.Participants.AsNoTracking().Where(p => p.InvestmentId == investment.Id)
            .Select(p => new Person(p.Pseudonym, p.Cohort, p.Group, p.EnrolledOn)).ToListAsync(ct);
        people.Sort((a, b) => string.CompareOrdinal(a.Pseudonym, b.Pseudonym));
        if (people.Count == 0) throw new Refused("followUp.noParticipants", investment.Name);
        progress?.Report($"{people.Count} deltagere");

        using var observations = register.Observe(people);
        var results = new List<MetricResult>();
        foreach (var metric in model.Metrics)
        {
            ct.ThrowIfCancellationRequested();
            results.AddRange(MetricEvaluator.Evaluate(metric, people, observations, asOf));
            progress?.Report($"{metric.Name} beregnet");
        }
        // What approved runs already settled, per metric line: the core pays only the difference (cumulative settlement).
        var approved = (await (from r in store.FollowUpRuns join a in store.FollowUpApprovals on r.Id equals a.RunId
                               where r.InvestmentId == investment.Id select new
                               {
                                   r.Id, r.AsOf, r.Payable, r.ResultJson,
                                   r.ResultHash
                               }).ToListAsync(ct)).OrderBy(r => r.Id).ToList();
        if (approved.Where(r => r.AsOf > asOf).MaxBy(r => r.AsOf) is { } later)
            throw Refused.At("AsOf", "followUp.laterRunApproved", later.Id, later.AsOf);
        // Per-person lines: what each participant × window was settled, from the approved runs' stored rows (not their JSON).
        var approvedResults = approved.Select(r => RunResult.FromJson(r.ResultJson)).ToList();
        var paidBefore = PaidBefore.Sum(approvedResults.SelectMany(r => r.Metrics.Select(m => (m.Key, m.Cohort, m.AfterCaps))))
            with
        { Participants = register.Settled(approved.Select(r => r.ResultHash).ToList()) };
        var investors = parties.Where(p => p.Role is PartyRole.Investor or PartyRole.CoFunder && p.Capital > 0)
            .OrderBy(p => p.Organisation!.Key, StringComparer.Ordinal).Select(p => new Investor(p.Organisation!.Name, p.Capital!.Value))
                .ToList();
        var settlement = Settler.Settle(model, results, investors, approved.Sum(r => r.Payable),
            Donations.Left(parties, approvedResults), paidBefore);
        var result = new RunResult(investment.Key, asOf, stored.AgreementVersion,
            results.Select((r, i) => new RunMetric(r.Metric.Key, r.Metric.Name, r.Cohort, r.Eligible, r.Achieved, r.Events,
                decimal.Round(r.Effect, 6),
                r.Price, r.Amount, MetricEvaluator.Ore(settlement.AfterCaps[i]), r.Explanation,
                settlement.EntitledToDate[i], settlement.PaidBefore[i], settlement.Overpaid[i])).ToList(),
            settlement.Gross, MetricEvaluator.Ore(settlement.Capped), settlement.Donation, MetricEvaluator.Ore(settlement.Payable),
            settlement.ByPayer.Select(p => p with { Amount = MetricEvaluator.Ore(p.Amount) }).ToList(),
            settlement.ByInvestor.Select(i => i with { Amount = MetricEvaluator.Ore(i.Amount), Share = decimal.Round(i.Share, 6) })
                .ToList(), settlement.Notes,
            settlement.Overpaid.Sum(), approved.Select(r => r.Id).ToList(),
            investment.Fund?.Currency ?? await store.Funds.Where(f => f.Id == investment.FundId).Select(f => f.Currency).SingleAsync(ct));
        if (Kroner.Problem(Refusal.Of("label.payout"), result.Payable) is { } range)
            throw new Refused("followUp.payoutOutOfRange", range);
        var json = result.ToJson();
        var run = new FollowUpRun
        {
            InvestmentId = investment.Id, AsOf = asOf, PaymentModelId = stored.Id, ModelHash = stored.Hash,
            ParticipantsHash = Sha256(
                string.Join('\n', people.Select(p => $"{p.Pseudonym}|{p.Cohort}|{p.Group}|{p.EnrolledOn:yyyy-MM-dd}"))),
            RegisterFingerprint = observations.Fingerprint(), ResultJson = json, ResultHash = Sha256(json), Payable = result.Payable,
            RunBy = user.Name, RunAt = clock.GetUtcNow(),
        };
        register.SaveRunRows(run.ResultHash, results, settlement);
        store.FollowUpRuns.Add(run);
        await store.SaveChangesAsync(ct);
        return run;
    }

    /// <summary>Approves a run with the steering group's decision (<see cref="FollowUpRun.Approve"/> decides whether it may
    /// be): one obligation per payer and instalment.</summary>
    public async Task<FollowUpApproval> ApproveAsync(int runId, string decisionReference, CancellationToken ct = default) =>
        await ApproveAsync(await store.FollowUpRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct)
            ?? throw new Refused("followUp.runNotFound", runId), decisionReference, ct);

    /// <summary>Approves a run of <paramref name="investment"/>; another investment's run is <see cref="NotFound"/>.</summary>
    public async Task<FollowUpApproval> ApproveAsync(Investment investment, int runId, string decisionReference,
        CancellationToken ct = default) =>
        await ApproveAsync(await store.FollowUpRuns.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == runId && r.InvestmentId == investment.Id, ct)
            ?? throw new NotFound("run", runId), decisionReference, ct);

    private async Task<FollowUpApproval> ApproveAsync(FollowUpRun run, string decisionReference, CancellationToken ct)
    {
        var runId = run.Id;
        var result = RunResult.FromJson(run.ResultJson);
        var approvedRuns = await store.FollowUpApprovals.AsNoTracking().Where(a => a.InvestmentId == run.InvestmentId).Select(a => a.RunId)
            .ToListAsync(ct);
        var approval = run.Approve(result, decisionReference, approvedRuns, user.Name, clock.GetUtcNow());
        store.FollowUpApprovals.Add(approval);
        var years = Math.Max(1,
            (await store.PaymentModels.AsNoTracking().FirstAsync(m => m.Id == run.PaymentModelId, ct)).Model.RepaymentYears);
        var approvedOn = clock.Today();
        foreach (var payer in result.ByPayer.Where(p => p.Amount > 0))
            foreach (var (amount, year) in Instalments(payer.Amount, years).Select((a, i) => (a, i)))
                store.PaymentObligations.Add(new PaymentObligation
                {
                    InvestmentId = run.InvestmentId, RunId = runId, Payer = payer.Payer, Amount = amount, DueOn = approvedOn.AddYears(year),
                });
        // The unique indexes on FollowUpApprovals.RunId and on (InvestmentId, Sequence) decide a race: one approval and one set
        // of obligations, and of two runs computed against the same approvals only one is approved; the loser is told.
        try { await store.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (StoreConflict.IsUniqueViolation(e))
        {
            StoreConflict.ForgetAdded(store);
            if (await store.FollowUpApprovals.AnyAsync(a => a.RunId == runId, ct))
                throw new Refused("followUp.runApprovedConcurrently", runId);
            throw new Refused("followUp.otherRunApprovedConcurrently", runId);
        }
        return approval;
    }

    /// <summary>Records that a payer paid an obligation: a received result payment in the fund's ledger (source: the run),
    /// saved together with the obligation so neither exists without the other.</summary>
    public async Task<PaymentObligation> RecordPaymentAsync(int obligationId, DateOnly paidOn, CancellationToken ct = default)
    {
        var obligation = await store.PaymentObligations.FirstOrDefaultAsync(o => o.Id == obligationId, ct)
            ?? throw new Refused("followUp.obligationNotFound", obligationId);
        var investment = await store.Investments.AsNoTracking().Include(i => i.Fund).FirstAsync(i => i.Id == obligation.InvestmentId, ct);
        return await RecordPaymentAsync(investment, obligation, paidOn, ct);
    }

    /// <summary>Records the payment of an obligation of <paramref name="investment"/> (loaded with its fund); another
    /// investment's obligation is <see cref="NotFound"/>.</summary>
    public async Task<PaymentObligation> RecordPaymentAsync(Investment investment, int obligationId, DateOnly paidOn,
        CancellationToken ct = default) =>
        await RecordPaymentAsync(investment, await store.PaymentObligations
            .FirstOrDefaultAsync(o => o.Id == obligationId && o.InvestmentId == investment.Id, ct)
            ?? throw new NotFound("obligation", obligationId), paidOn, ct);

    private async Task<PaymentObligation> RecordPaymentAsync(Investment investment, PaymentObligation obligation, DateOnly paidOn,
        CancellationToken ct)
    {
        var obligationId = obligation.Id;
        if (obligation.PaidOn is not null) throw new Refused("followUp.obligationAlreadyPaid", obligation.PaidOn);
        var line = new Fund.LedgerLine
        {
            FiscalYear = paidOn.Year, EntryDate = paidOn, Kind = Fund.LedgerKind.ResultPayment, Basis = Fund.LedgerBasis.Actual,
            Amount = obligation.Amount,
            Investment = investment.Key, Payer = obligation.Payer, Text = $"Resultatbetaling efter opfølgningskørsel {obligation.RunId}",
        };
        obligation.LedgerPosting = await ledger.AddAsync(investment, line, Fund.LedgerSource.FollowUp, PaymentReference(obligation), ct);
        obligation.PaidOn = paidOn;
        // The posting's source reference names the obligation and is unique (IX_LedgerPostings_SourceReference): a second
        // payment of the same obligation cannot be stored, whoever saves second is told.
        try { await store.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (StoreConflict.IsUniqueViolation(e))
        {
            StoreConflict.ForgetAdded(store);
            store.PaymentObligations.Entry(obligation).State = EntityState.Detached;
            throw new Refused("followUp.obligationPaidConcurrently", obligationId);
        }
        return obligation;
    }

    /// <summary>The source reference of the result payment that pays an obligation: "run:7/obligation:12", unique in the ledger.</summary>
    public static string PaymentReference(PaymentObligation obligation) => $"run:{obligation.RunId}/obligation:{obligation.Id}";

    /// <summary>Equal yearly instalments to the øre; the last takes the rounding remainder.</summary>
    public static IReadOnlyList<decimal> Instalments(decimal amount, int years)
    {
        var each = decimal.Round(amount / years, 2, MidpointRounding.ToZero);
        return [.. Enumerable.Repeat(each, years - 1), amount - each * (years - 1)];
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
