using Bundlinje.Common;
using Bundlinje.Fund;
using Bundlinje.Investments;
using Bundlinje.Payments;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.FollowUps;

/// <summary>
/// An investment's final settlement from what is stored: the investors' committed capital (<see cref="Party.Capital"/>,
/// drawn on the period start, else the agreement date, else the first approved run's date — the ledger does not say which
/// investor a disbursement came from), the approved runs' payment obligations up to the settlement date split as each run
/// split its payable over the investors (dated when paid, else when due), the deficit guarantors' guarantees in the order the
/// agreement lists them, and the donations the approved runs used. <see cref="PostAsync"/> posts each guarantor's payment
/// to the fund's ledger once (unique source reference, see <see cref="Reference"/>).
/// </summary>
public sealed class FinalSettlements(IBundlinjeStore store, Ledger ledger)
{
    /// <summary>The source reference of a guarantor's payment: "settlement:ungifokus/guarantor:bikubenfonden". The ledger's
    /// unique index IX_LedgerPostings_SourceReference covers references LIKE 'settlement:%' (and result payments'
    /// 'run:%/obligation:%'), so a guarantor's payment is posted once.</summary>
    public static string Reference(string investmentKey, string guarantorKey) => $"{Prefix(investmentKey)}guarantor:{guarantorKey}";

    private static string Prefix(string investmentKey) => $"settlement:{investmentKey}/";

    /// <summary>The investment by its key, with its fund (the CLI's way in; a page has the route's investment).</summary>
    public Task<Investment> InvestmentAsync(string investmentKey, CancellationToken ct = default) =>
        store.InvestmentWithFundAsync(investmentKey, ct);

    public async Task<FinalStatement> StatementAsync(Investment investment, DateOnly asOf, CancellationToken ct = default)
    {
        var parties = await store.PartiesOfAsync(investment.Id, ct);
        var approved = (await (from r in store.FollowUpRuns join a in store.FollowUpApprovals on r.Id equals a.RunId
                               where r.InvestmentId == investment.Id
                                   && r.AsOf <= asOf select new { r.Id, r.AsOf, r.ResultJson }).ToListAsync(ct))
            .OrderBy(r => r.Id).ToList();
        var runIds = approved.Select(r => r.Id).ToList();
        var obligations = await store.PaymentObligations.AsNoTracking().Where(o => runIds.Contains(o.RunId)).OrderBy(o => o.Id)
            .ToListAsync(ct);
        var drawnOn = investment.PeriodStart ?? investment.AgreedOn ?? (approved.Count > 0 ? approved.Min(r => r.AsOf) : asOf);
        if (asOf < drawnOn) throw Refused.At("AsOf", "settlement.beforeCapitalDrawn", asOf, drawnOn);

        var notes = new List<string>();
        var receipts = new Dictionary<string, List<CashFlow>>();
        var results = approved.ToDictionary(r => r.Id, r => RunResult.FromJson(r.ResultJson));
        foreach (var run in approved)
        {
            var byInvestor = results[run.Id].ByInvestor;
            var total = byInvestor.Sum(i => i.Amount);
            if (total <= 0) continue;
            foreach (var obligation in obligations.Where(o => o.RunId == run.Id))
            {
                var on = obligation.PaidOn ?? obligation.DueOn ?? run.AsOf;
                var left = obligation.Amount;
                foreach (var (investor, i) in byInvestor.Select((x, i) => (x, i)))
                {
                    var part = i == byInvestor.Count - 1 ? left : MetricEvaluator.Ore(obligation.Amount * investor.Amount / total);
                    left -= part;
                    if (!receipts.TryGetValue(investor.Investor, out var flows)) receipts[investor.Investor] = flows = [];
                    flows.Add(new CashFlow(on, part));
                }
            }
        }
        var unpaid = obligations.Where(o => o.PaidOn is null || o.PaidOn > asOf).Sum(o => o.Amount);
        if (unpaid > 0) notes.Add(
            Kroner.Text($"Heraf er {unpaid:N2} kr. i godkendte betalingsforpligtelser ikke betalt pr. {asOf:dd-MM-yyyy}; ")
            + "de regnes med på forfaldsdatoen.");

        var investors = parties.Where(p => p.Role is PartyRole.Investor or PartyRole.CoFunder && p.Capital > 0)
            .OrderBy(p => p.Organisation!.Key, StringComparer.Ordinal)
            .Select(p => new InvestorFacts(p.Organisation!.Key, p.Organisation.Name, [new CashFlow(drawnOn, p.Capital!.Value)],
                receipts.GetValueOrDefault(p.Organisation.Name) ?? [])).ToList();
        foreach (var stranger in receipts.Keys.Except(investors.Select(i => i.Name)).Order(StringComparer.Ordinal))
            notes.Add(Kroner.Text(
                $"{stranger} fik {receipts[stranger]
                    .Sum(f => f.Amount):N2} kr. af godkendte kørsler, men er ikke længere investor; beløbet indgår ikke."));
        var guarantors = parties.Where(p => p.Role == PartyRole.DeficitGuarantor && (p.Guarantee > 0 || p.GuaranteeShare > 0))
            .OrderBy(p => p.Id)
            .Select(p => new GuarantorFacts(p.Organisation!.Key, p.Organisation.Name, p.Guarantee, p.GuaranteeShare)).ToList();
        var used = Donations.Used(results.Values);
        var donors = new List<DonorFacts>();
        foreach (var donor in parties.Where(p => p.Role == PartyRole.Donor && p.Donation > 0).OrderBy(p => p.Id))
        {
            var part = Math.Min(used, donor.Donation!.Value);
            used -= part;
            donors.Add(new DonorFacts(donor.Organisation!.Key, donor.Organisation.Name, donor.Donation.Value, part));
        }
        var statement = FinalSettlement.Settle(investment.Key, asOf, investors, guarantors, donors);
        return statement with { Notes = [.. notes, .. statement.Notes] };
    }

    /// <summary>The guarantee payments already posted for the investment's final settlement.</summary>
    public async Task<List<LedgerPosting>> PostedAsync(Investment investment, CancellationToken ct = default)
    {
        var prefix = Prefix(investment.Key);
        return await store.LedgerPostings.AsNoTracking().Where(p => p.SourceReference != null && p.SourceReference.StartsWith(prefix))
            .OrderBy(p => p.Id).ToListAsync(ct);
    }

    /// <summary>Posts each guarantor's payment as a <see cref="LedgerKind.GuaranteePayment"/> in the investment's fund, dated on
    /// the settlement date, all or nothing. The unique source reference per guarantor decides when two post at once.</summary>
    public async Task<IReadOnlyList<LedgerPosting>> PostAsync(Investment investment, DateOnly asOf, CancellationToken ct = default)
    {
        var statement = await StatementAsync(investment, asOf, ct);
        if (await PostedAsync(investment, ct) is [var first, ..])
            throw new Refused("settlement.alreadyPosted", investment.Key, first.Id, first.EntryDate);
        var payments = statement.Guarantors.Where(g => g.Paid > 0).ToList();
        if (payments.Count == 0) throw new Refused("settlement.nothingToPost");
        var postings = new List<LedgerPosting>();
        try
        {
            foreach (var guarantor in payments)
                postings.Add(await ledger.AddAsync(investment, new LedgerLine
                {
                    FiscalYear = asOf.Year, EntryDate = asOf, Kind = LedgerKind.GuaranteePayment, Basis = LedgerBasis.Actual,
                    Amount = guarantor.Paid, Payer = guarantor.Name, Text = $"Underskudsgaranti ved slutopgørelse pr. {asOf:dd-MM-yyyy}",
                }, LedgerSource.FollowUp, Reference(investment.Key, guarantor.Key), ct));
            await store.SaveChangesAsync(ct);
        }
        catch (Refused) { StoreConflict.ForgetAdded(store); throw; }
        catch (DbUpdateException e) when (StoreConflict.IsUniqueViolation(e))
        {
            StoreConflict.ForgetAdded(store);
            throw new Refused("settlement.postedConcurrently", investment.Key);
        }
        return postings;
    }
}
