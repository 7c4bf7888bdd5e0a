namespace Bundlinje.Payments;

public sealed record Investor(string Name, decimal Capital);

/// <summary>What an investor gets of a settlement: its capital share of the payable amount.</summary>
public sealed record InvestorPayment(string Investor, decimal Share, decimal Amount);

public sealed record PayerPayment(string Payer, decimal Amount);

/// <summary>
/// What approved runs of the investment already settled, per metric and cohort ("Alle" when pooled), and in total.
/// Built by the runner from the approved runs' stored results and handed to the pure core as data.
/// </summary>
public sealed record PaidBefore(IReadOnlyDictionary<(string Metric, string Cohort), decimal> Lines)
{
    public static readonly PaidBefore None = new(new Dictionary<(string, string), decimal>());

    public decimal For(string metric, string cohort) => Lines.GetValueOrDefault((metric, cohort));

    public decimal Total => Lines.Values.Sum();

    /// <summary>Adds up the settled amount of each metric line over several approved runs.</summary>
    public static PaidBefore Sum(IEnumerable<(string Metric, string Cohort, decimal Amount)> lines) =>
        new(lines.GroupBy(l => (l.Metric, l.Cohort)).ToDictionary(g => g.Key, g => g.Sum(l => l.Amount)));
}

/// <summary>The money side of a follow-up. Per metric line: <see cref="EntitledToDate"/> (the cumulative entitlement after
/// the per-metric and per-participant caps), <see cref="PaidBefore"/> (what approved runs settled), <see cref="AfterCaps"/>
/// (payable now: the positive difference after the period and contract caps) and <see cref="Overpaid"/> (paid before more
/// than the entitlement: for the steering group's decision, never netted and never a negative obligation).</summary>
public sealed record Settlement(
    IReadOnlyList<MetricResult> Metrics, IReadOnlyList<decimal> AfterCaps, decimal Gross, decimal Capped, decimal Donation, decimal Payable,
    IReadOnlyList<PayerPayment> ByPayer, IReadOnlyList<InvestorPayment> ByInvestor, IReadOnlyList<string> Notes)
{
    public IReadOnlyList<decimal> EntitledToDate { get; init; } = [];
    public IReadOnlyList<decimal> PaidBefore { get; init; } = [];
    public IReadOnlyList<decimal> Overpaid { get; init; } = [];
}

/// <summary>
/// Settles cumulatively: the metric results are the entitlement to date (every window ended by the as-of date), the
/// per-metric and per-participant caps apply to that cumulative entitlement, and what approved runs already settled
/// per metric line is subtracted. The positive differences are then capped per period (this run) and by what is left
/// of the whole contract, a foundation donation writes down the claim, and what is payable is split over the payers
/// (per metric by their shares) and over the investors by capital share.
/// </summary>
public static class Settler
{
    public static Settlement Settle(PaymentModel model, IReadOnlyList<MetricResult> results, IReadOnlyList<Investor> investors,
        decimal alreadyPaid = 0m, decimal donation = 0m, PaidBefore? paidBefore = null)
    {
        paidBefore ??= PaidBefore.None;
        var notes = new List<string>();
        var entitled = results.Select(r => r.Metric.CapPerMetric is { } cap && r.Amount > cap ? Note(notes, cap, $"{r.Metric.Name}: loft pr. effektmål {cap:N0} kr.") : r.Amount).ToArray();

        if (model.CapPerParticipant is { } perPerson)
        {
            // A participant's entitlement to date across all metrics is capped; the excess is taken from that person's metrics in model order.
            var totals = new Dictionary<string, decimal>();
            for (var i = 0; i < results.Count; i++)
                foreach (var (person, amount) in results[i].PerParticipant)
                {
                    var before = totals.GetValueOrDefault(person);
                    var allowed = Math.Max(0m, Math.Min(amount, perPerson - before));
                    totals[person] = before + allowed;
                    entitled[i] -= amount - allowed;
                }
            if (totals.Count > 0 && results.Sum(r => r.PerParticipant.Values.Sum()) > totals.Values.Sum())
                notes.Add(Common.Kroner.Text($"Loft pr. deltager {perPerson:N0} kr. på tværs af effektmål og kørsler."));
        }
        for (var i = 0; i < entitled.Length; i++) entitled[i] = MetricEvaluator.Ore(entitled[i]);
        var settled = results.Select(r => paidBefore.For(r.Metric.Key, r.Cohort)).ToArray();
        var amounts = entitled.Select((e, i) => Math.Max(0m, e - settled[i])).ToArray();
        var overpaid = entitled.Select((e, i) => Math.Max(0m, settled[i] - e)).ToArray();
        if (overpaid.Sum() is > 0 and var over)
            notes.Add(Common.Kroner.Text($"Tidligere godkendte kørsler har betalt {over:N0} kr. mere end berettiget til dato; beløbet modregnes ikke og forelægges styregruppen."));

        var gross = results.Sum(r => r.Amount);
        Scale(amounts, model.CapPerPeriod, notes, "Loft pr. periode");
        var paid = Math.Max(alreadyPaid, paidBefore.Total);
        if (model.CapContract is { } contract) Scale(amounts, Math.Max(0m, contract - paid), notes, Common.Kroner.Text($"Loft for hele kontrakten ({contract:N0} kr., heraf betalt {paid:N0} kr.)"));
        var capped = amounts.Sum();
        var written = Math.Min(donation, capped);
        if (written > 0) notes.Add(Common.Kroner.Text($"Donation nedskriver kravet med {written:N0} kr."));
        var payable = capped - written;
        var factor = capped == 0 ? 0m : payable / capped;

        var byPayer = new Dictionary<string, decimal>();
        for (var i = 0; i < results.Count; i++)
            foreach (var payer in results[i].Metric.Payers)
                byPayer[payer.Payer] = byPayer.GetValueOrDefault(payer.Payer) + amounts[i] * factor * payer.Share;
        var capital = investors.Sum(i => i.Capital);
        var byInvestor = investors.Select(i => new InvestorPayment(i.Name, capital == 0 ? 0 : i.Capital / capital, capital == 0 ? 0 : payable * i.Capital / capital)).ToList();
        return new Settlement(results, amounts, gross, capped, written, payable,
            byPayer.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new PayerPayment(p.Key, p.Value)).ToList(), byInvestor, notes)
        { EntitledToDate = entitled, PaidBefore = settled, Overpaid = overpaid };
    }

    private static void Scale(decimal[] amounts, decimal? cap, List<string> notes, string label)
    {
        var total = amounts.Sum();
        if (cap is not { } limit || total <= limit) return;
        for (var i = 0; i < amounts.Length; i++) amounts[i] = amounts[i] * limit / total;
        notes.Add(Common.Kroner.Text($"{label}: {total:N0} kr. nedsat til {limit:N0} kr."));
    }

    private static decimal Note(List<string> notes, decimal value, string note) { notes.Add(note); return value; }

}
