using Bundlinje.Payments;

namespace Bundlinje.BusinessCases;

/// <summary>One outcome of the case as a draft metric: the isolated saving per success on the repaying budgets (per year
/// and over the outcome's duration), the agreed repayment share, the resulting price and the payers' shares.
/// <see cref="MeasureToChoose"/>: no measure of the fund's catalogue carries the outcome's key, so the metric has the
/// placeholder <see cref="PaymentModelDraft.Placeholder"/> that the secretariat must replace.</summary>
public sealed record DraftMetric(
    string Outcome, string Name, string Measure, bool MeasureToChoose, decimal SuccessRate, int LagYears, int DurationYears,
    decimal SavingPerYear, decimal RepaymentShare, decimal PricePerYear, decimal? Cap, IReadOnlyList<PayerShare> Payers)
{
    /// <summary>The isolated saving per success over the outcome's duration.</summary>
    public decimal SavingOverDuration => SavingPerYear * DurationYears;

    /// <summary>What one success pays over its duration: the saving over the duration × the repayment share.</summary>
    public decimal PriceOverDuration => PricePerYear * DurationYears;
}

/// <summary>What the draft expects one payer to pay for one outcome in one year: successes × price × the payer's share.</summary>
public sealed record DraftPayment(string Outcome, string Payer, int Year, decimal Successes, decimal Amount);

/// <summary>
/// A payment model drafted from a computed business case (docs/business-cases.md, "Payment-model draft and budget booking").
/// Each outcome with a saving on a repaying budget becomes a <see cref="MetricKind.Milestone"/> metric paid per
/// participant: the price of a year in which the outcome holds is the isolated saving per success in that year on the
/// repaying budgets × the agreed repayment share (so a success pays the saving over its duration × the share, in the
/// years it saves, as the case repays), repeated yearly over the outcome's duration from its lag, capped at the
/// outcome's repayment cap; the payers are the repaying budgets' departments, with shares by their savings. The
/// expected payments (assumed success rate × planned participants × price, per year and payer) are the case's
/// <see cref="BusinessCaseResult.Payments"/> to the øre per success. The draft is for the secretariat to review and store
/// through the payment-model flow; nothing is stored here.
/// </summary>
public sealed record PaymentModelDraft(PaymentModel Model, IReadOnlyList<DraftMetric> Metrics, IReadOnlyList<DraftPayment> Payments)
{
    /// <summary>The measure code of a metric whose measure the secretariat must choose: never a catalogue code (those are
    /// lower case), so storing the draft unchanged is refused at the metric's measure.</summary>
    public const string Placeholder = "VÆLG-MÅLING";

    /// <summary>The draft as payment-model JSON (bundlinje-payment-model/1).</summary>
    public string Json(string? about = null) => PaymentModelFile.Write(Model, about);

    /// <summary>Expected payments per year and payer, summed over the outcomes.</summary>
    public IReadOnlyList<(int Year, string Payer, decimal Amount)> ByYearAndPayer() =>
        Payments.GroupBy(p => (p.Year, p.Payer)).OrderBy(g => g.Key.Year).ThenBy(g => g.Key.Payer, StringComparer.Ordinal)
            .Select(g => (g.Key.Year, g.Key.Payer, g.Sum(p => p.Amount))).ToList();

    /// <param name="measures">The measure codes of the fund's catalogue: an outcome whose key is one of them measures it.</param>
    public static PaymentModelDraft From(ComputedCase computed, IReadOnlyCollection<string> measures)
    {
        var c = computed.Case;
        var holders = c.Holders.ToDictionary(h => h.Key, StringComparer.Ordinal);
        var metrics = new List<Metric>();
        var drafts = new List<DraftMetric>();
        var payments = new List<DraftPayment>();
        foreach (var (outcome, o) in c.Outcomes.Select((x, i) => (x, i)))
        {
            // The saving per success per year of each repaying holder (as BusinessCaseMath: fewer uses save).
            var savings = outcome.Consequences.Select((q, i) => (q, i)).Where(x => holders.TryGetValue(x.q.Holder, out var h) && h.Repays)
                .GroupBy(x => x.q.Holder)
                    .Select(g => (Holder: holders[g.Key], Saving: -g.Sum(x => x.q.ChangePerYear * computed.Prices[o, x.i])))
                .Where(x => x.Saving > 0).ToList();
            if (savings.Count == 0) continue;
            var saving = savings.Sum(x => x.Saving);
            var price = Round(saving * outcome.RepaymentShare);
            if (price <= 0) continue;
            var byDepartment = savings.GroupBy(x => x.Holder.Department).Select(g => (Payer: g.Key, Saving: g.Sum(x => x.Saving))).ToList();
            var payers = byDepartment.Select(d => new PayerShare(d.Payer, decimal.Round(d.Saving / saving, 6))).ToList();
            payers[^1] = payers[^1] with { Share = 1m - payers.Take(payers.Count - 1).Sum(p => p.Share) }; // shares sum to exactly 1
            var known = measures.Contains(outcome.Key);
            var metric = new Metric(outcome.Key, outcome.Name, MetricKind.Milestone, known ? outcome.Key : Placeholder, price,
                PriceBasis.PerParticipant, payers, FromMonth: outcome.LagYears * 12, ToMonth: outcome.LagYears * 12 + 12, Threshold: 1,
                AssumedRate: outcome.SuccessRate, IsolatedSaving: Round(saving), CapPerMetric: outcome.RepaymentCap,
                Repeats: outcome.DurationYears, RepeatEveryMonths: outcome.DurationYears > 1 ? 12 : null);
            metrics.Add(metric);
            drafts.Add(new(outcome.Key, outcome.Name, metric.Measure, !known, outcome.SuccessRate, outcome.LagYears, outcome.DurationYears,
                Round(saving), outcome.RepaymentShare, price, outcome.RepaymentCap, payers));
            var paid = 0m;
            foreach (var year in Enumerable.Range(c.StartYear, c.HorizonYears))
            {
                var successes = Successes(c, outcome, year);
                var amount = Round(successes * price);
                if (outcome.RepaymentCap is { } cap) amount = Math.Max(0, Math.Min(amount, cap - paid));
                paid += amount;
                if (amount <= 0) continue;
                payments.AddRange(payers.Select(p => new DraftPayment(outcome.Key, p.Payer, year, successes, Round(amount * p.Share))));
            }
        }
        var model = new PaymentModel(c.Investment, c.AgreementVersion, metrics);
        return new(model, drafts, payments);
    }

    /// <summary>Successes whose outcome holds in a year: the cohorts that started lag .. lag + duration − 1 years before, × the
    /// assumed success rate (the case's arithmetic, <see cref="BusinessCaseMath"/>).</summary>
    private static decimal Successes(BusinessCase c, Outcome outcome, int year) =>
        c.Participants.Where(p => year - p.Year >= outcome.LagYears && year - p.Year < outcome.LagYears + outcome.DurationYears)
            .Sum(p => (decimal)p.Count) * Math.Min(1m, outcome.SuccessRate);

    private static decimal Round(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);
}
