namespace Bundlinje.Payments;

public sealed record Investor(string Name, decimal Capital);

/// <summary>What an investor gets of a settlement: its capital share of the payable amount.</summary>
public sealed record InvestorPayment(string Investor, decimal Share, decimal Amount);

public sealed record PayerPayment(string Payer, decimal Amount);

/// <summary>
/// What approved runs of the investment already settled, per metric and cohort ("Alle" when pooled), and in total.
/// Built by the runner from the approved runs' stored results and handed to the pure core as data.
/// <see cref="Participants"/> is what they settled per participant × window on each per-person line (from the runs'
/// stored rows); null when that is not known (runs stored before per-participant settlement), and then per-person lines
/// are settled per line as before.
/// </summary>
public sealed record PaidBefore(IReadOnlyDictionary<(string Metric, string Cohort), decimal> Lines)
{
    public static readonly PaidBefore None = new(new Dictionary<(string, string), decimal>())
    {
        Participants = new Dictionary<(string, string), IReadOnlyDictionary<(string, int), decimal>>(),
    };

    public IReadOnlyDictionary<(string Metric, string Cohort), IReadOnlyDictionary<(string Person,
        int Window), decimal>>? Participants
    { get; init; }

    public decimal For(string metric, string cohort) => Lines.GetValueOrDefault((metric, cohort));

    public decimal Total => Lines.Values.Sum();

    /// <summary>Adds up the settled amount of each metric line over several approved runs.</summary>
    public static PaidBefore Sum(IEnumerable<(string Metric, string Cohort, decimal Amount)> lines) =>
        new(lines.GroupBy(l => (l.Metric, l.Cohort)).ToDictionary(g => g.Key, g => g.Sum(l => l.Amount)));

    /// <summary>Adds up the lines and what each participant × window was settled over several approved runs.</summary>
    public static PaidBefore Sum(IEnumerable<(string Metric, string Cohort, decimal Amount)> lines,
        IEnumerable<(string Metric, string Cohort, string Person, int Window, decimal Amount)> participants) => Sum(lines) with
        {
            Participants = Collect(participants),
        };

    /// <summary>Sums rows (metric, cohort, person, window, amount) into per-line dictionaries, in one pass.</summary>
    public static IReadOnlyDictionary<(string Metric, string Cohort), IReadOnlyDictionary<(string Person, int Window), decimal>> Collect(
        IEnumerable<(string Metric, string Cohort, string Person, int Window, decimal Amount)> rows)
    {
        var lines = new Dictionary<(string, string), Dictionary<(string, int), decimal>>();
        foreach (var (metric, cohort, person, window, amount) in rows)
        {
            if (!lines.TryGetValue((metric, cohort), out var line)) lines[(metric, cohort)] = line = [];
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(line, (person, window), out _) += amount;
        }
        return lines.ToDictionary(l => l.Key, l => (IReadOnlyDictionary<(string, int), decimal>)l.Value);
    }
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

    /// <summary>Per line, what this run settles per participant × window (after the period and contract caps, to the øre):
    /// what the runner stores with the run's rows; null for a line settled as a whole (aggregate kinds, flat sums,
    /// or while approved runs' per-participant amounts are not known).</summary>
    public IReadOnlyList<IReadOnlyDictionary<(string Person, int Window), decimal>?> Settled { get; init; } = [];

    /// <summary>Per line, the participants × windows that approved runs paid more than they are entitled to now (a
    /// corrected outcome): shown for the steering group, never netted against another participant's new outcome.</summary>
    public IReadOnlyList<IReadOnlyDictionary<(string Person, int Window), decimal>?> OverpaidBy { get; init; } = [];
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
        var count = results.Count;
        // Each line's entitlement to date, and per participant × window where the line pays per participant.
        var entitled = new decimal[count];
        var windows = new Dictionary<(string Person, int Window), decimal>[count];
        var detailed = new bool[count]; // the line's amount is the sum of its participants' (a line given without them is settled whole)
        for (var i = 0; i < count; i++)
        {
            var r = results[i];
            windows[i] = r.PerWindow();
            detailed[i] = PerParticipant(r.Metric) && MetricEvaluator.Ore(windows[i].Values.Sum()) == r.Amount;
            entitled[i] = r.Amount;
            if (r.Metric.CapPerMetric is not { } cap || r.Amount <= cap) continue;
            notes.Add(Common.Kroner.Text($"{r.Metric.Name}: loft pr. effektmål {cap:N0} kr."));
            var sum = windows[i].Values.Sum();
            foreach (var key in windows[i].Keys.ToList()) windows[i][key] = windows[i][key] * cap / sum;
            entitled[i] = cap;
        }

        if (model.CapPerParticipant is { } perPerson)
        {
            // A participant's entitlement to date across all metrics and windows is capped; the excess is taken from that
            // person's metrics in model order (and a repeated metric's later windows).
            var totals = new Dictionary<string, decimal>();
            var capped = false;
            for (var i = 0; i < count; i++)
            {
                var reduced = new List<((string, int) Key, decimal Allowed)>();
                var inOrder = results[i].Windows is null ? windows[i] : windows[i].OrderBy(w => w.Key.Window).AsEnumerable();
                foreach (var ((person, window), amount) in inOrder)
                {
                    ref var total = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(totals, person, out _);
                    var allowed = Math.Max(0m, Math.Min(amount, perPerson - total));
                    total += allowed;
                    if (allowed == amount) continue;
                    reduced.Add(((person, window), allowed));
                    entitled[i] -= amount - allowed;
                }
                foreach (var (key, allowed) in reduced) windows[i][key] = allowed;
                capped |= reduced.Count > 0;
            }
            if (capped) notes.Add(Common.Kroner.Text($"Loft pr. deltager {perPerson:N0} kr. på tværs af effektmål og kørsler."));
        }
        for (var i = 0; i < count; i++) entitled[i] = MetricEvaluator.Ore(entitled[i]);

        // What approved runs settled, and the difference: per participant × window on per-person lines when known (a person
        // whose outcome is corrected away is overpaid and does not offset another's new outcome), else per line.
        var settled = new decimal[count];
        var amounts = new decimal[count];
        var overpaid = new decimal[count];
        var payNow = new Dictionary<(string Person, int Window), decimal>?[count];
        var overBy = new Dictionary<(string Person, int Window), decimal>?[count];
        for (var i = 0; i < count; i++)
        {
            var r = results[i];
            var paid = paidBefore.Participants is { } known && detailed[i] ? known.GetValueOrDefault((r.Metric.Key, r.Cohort))
                ?? new Dictionary<(string, int), decimal>() : null;
            if (paid is not null && paid.Values.Sum() != paidBefore.For(r.Metric.Key, r.Cohort))
            {
                // The stored per-participant rows do not add up to what the approved runs settled on the line (rows lost or
                // restored from an older copy): settle the line as a whole, which can never pay an outcome twice.
                notes.Add(Common.Kroner.Text(
                    $"{r.Metric.Name} ({r.Cohort}): godkendte kørslers deltagerrækker ({paid.Values.Sum():N2} kr.) ")
                    + Common.Kroner.Text($"stemmer ikke med det afregnede ({paidBefore.For(r.Metric.Key, r.Cohort):N2} kr.); ")
                    + "linjen er opgjort samlet.");
                paid = null;
            }
            if (paid is not null)
            {
                overBy[i] = [];
                payNow[i] = paid.Count == 0 ? windows[i] : new(windows[i].Count); // nothing paid before on the line: all of it is owed
                foreach (var (key, owed) in paid.Count == 0 ? [] : windows[i])
                {
                    var difference = owed - paid.GetValueOrDefault(key);
                    if (difference > 0) payNow[i]![key] = difference;
                    else if (difference < 0) overBy[i]![key] = -difference;
                }
                foreach (var (key, before) in paid)
                    if (before > 0 && !windows[i].ContainsKey(key)) overBy[i]![key] = before; // the outcome is gone
                settled[i] = paid.Values.Sum();
                amounts[i] = payNow[i]!.Values.Sum();
                overpaid[i] = overBy[i]!.Values.Sum();
            }
            else
            {
                settled[i] = paidBefore.For(r.Metric.Key, r.Cohort);
                amounts[i] = Math.Max(0m, entitled[i] - settled[i]);
                overpaid[i] = Math.Max(0m, settled[i] - entitled[i]);
            }
        }
        var gross = results.Sum(r => r.Amount) - Pooled(results, entitled, settled, amounts, overpaid, notes);
        if (overpaid.Sum() is > 0 and var over)
            notes.Add(Common.Kroner.Text($"Tidligere godkendte kørsler har betalt {over:N0} kr. mere end berettiget til dato; ")
                + "beløbet modregnes ikke og forelægges styregruppen."
                + (overBy.Sum(o => o?.Count ?? 0) is > 0 and var windowsOver
                    ? $" Det gælder {windowsOver} deltager{(windowsOver == 1 ? ""
                        : "e")} × vindue, hvis resultat er faldet bort; de modregnes ikke i andre deltageres nye resultater." : ""));

        Scale(amounts, model.CapPerPeriod, notes, "Loft pr. periode");
        var paidTotal = Math.Max(alreadyPaid, paidBefore.Total);
        if (model.CapContract is { } contract) Scale(amounts, Math.Max(0m, contract - paidTotal), notes,
            Common.Kroner.Text($"Loft for hele kontrakten ({contract:N0} kr., heraf betalt {paidTotal:N0} kr.)"));
        // A per-participant line's settled amount (to the øre) is split over its participants × windows in proportion to
        // what each is owed, so what the next run reads back per participant adds up to what this line settled.
        var settledNow = new IReadOnlyDictionary<(string Person, int Window), decimal>?[count];
        for (var i = 0; i < count; i++)
            if (payNow[i] is { } each) settledNow[i] = Allocate(each, MetricEvaluator.Ore(amounts[i]));
        var cappedTotal = amounts.Sum();
        var written = Math.Min(donation, cappedTotal);
        if (written > 0) notes.Add(Common.Kroner.Text($"Donation nedskriver kravet med {written:N0} kr."));
        var payable = cappedTotal - written;
        var share = cappedTotal == 0 ? 0m : payable / cappedTotal;

        var byPayer = new Dictionary<string, decimal>();
        for (var i = 0; i < count; i++)
            foreach (var payer in results[i].Metric.Payers)
                byPayer[payer.Payer] = byPayer.GetValueOrDefault(payer.Payer) + amounts[i] * share * payer.Share;
        var capital = investors.Sum(i => i.Capital);
        var byInvestor = investors.Select(i =>
            new InvestorPayment(i.Name, capital == 0 ? 0 : i.Capital / capital, capital == 0 ? 0 : payable * i.Capital / capital)).ToList();
        return new Settlement(results, amounts, gross, cappedTotal, written, payable,
            byPayer.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new PayerPayment(p.Key, p.Value)).ToList(), byInvestor, notes)
        { EntitledToDate = entitled, PaidBefore = settled, Overpaid = overpaid, Settled = settledNow, OverpaidBy = overBy };
    }

    /// <summary>Splits an amount in øre over the keys in proportion to their weights: each gets its share rounded down to
    /// the øre, and the øre left go to the largest remainders (then in key order), so the parts sum to exactly the amount.</summary>
    public static Dictionary<(string Person, int Window), decimal> Allocate(Dictionary<(string Person, int Window), decimal> weights,
        decimal amount)
    {
        var sum = weights.Values.Sum();
        if (sum == 0 || amount == 0) return [];
        if (sum == amount && weights.Values.All(w => w > 0 && w == MetricEvaluator.Ore(w))) return weights; // not scaled, already in øre
        var exact = weights.Where(w => w.Value > 0).Select(w => (w.Key, Exact: w.Value * amount / sum)).ToList();
        var parts = exact.ToDictionary(e => e.Key, e => decimal.Floor(e.Exact * 100m) / 100m);
        var left = (int)decimal.Round((amount - parts.Values.Sum()) * 100m);
        if (left > 0)
            foreach (var e in exact.OrderByDescending(e => e.Exact - parts[e.Key]).ThenBy(e => e.Key.Person, StringComparer.Ordinal)
                .ThenBy(e => e.Key.Window).Take(left))
                parts[e.Key] += 0.01m;
        foreach (var zero in parts.Where(p => p.Value == 0).Select(p => p.Key).ToList()) parts.Remove(zero);
        return parts;
    }

    /// <summary>Does the metric pay per participant (so it is settled per participant × window)? Not the aggregate kinds,
    /// a flat sum, or a metric paid at its assumed rate.</summary>
    public static bool PerParticipant(Metric m) => !MetricFields.IsAggregate(m.Kind) && m.Measurable && m.Basis != PriceBasis.Flat;

    /// <summary>Per cohort and pooled, netted: the pooled line ("Alle") of a <see cref="Scope.PerCohortAndPooled"/> metric is
    /// entitled only to what the pool earns beyond what its cohort lines have received — paid before plus payable now —
    /// never below 0; what approved runs paid on the pooled line above that is overpaid. Returns the reduction of the gross.</summary>
    private static decimal Pooled(IReadOnlyList<MetricResult> results, decimal[] entitled, decimal[] settled, decimal[] amounts,
        decimal[] overpaid, List<string> notes)
    {
        var reduced = 0m;
        for (var j = 0; j < results.Count; j++)
        {
            var m = results[j].Metric;
            if (m.Scope != Scope.PerCohortAndPooled || results[j].Cohort != MetricEvaluator.AllCohorts) continue;
            var received = Enumerable.Range(0, results.Count)
                .Where(c => results[c].Metric.Key == m.Key && results[c].Cohort != MetricEvaluator.AllCohorts)
                .Sum(c => settled[c] + amounts[c]);
            if (received == 0) continue;
            var net = Math.Max(0m, entitled[j] - received);
            notes.Add(Common.Kroner.Text($"{m.Name}: samlet opgørelse {entitled[j]:N0} kr. nedsat med {received:N0} kr., ")
                + Common.Kroner.Text($"som kohorterne har fået: {net:N0} kr."));
            reduced += Math.Min(results[j].Amount, received);
            entitled[j] = net;
            amounts[j] = Math.Max(0m, net - settled[j]);
            overpaid[j] = Math.Max(0m, settled[j] - net);
        }
        return reduced;
    }

    private static void Scale(decimal[] amounts, decimal? cap, List<string> notes, string label)
    {
        var total = amounts.Sum();
        if (cap is not { } limit || total <= limit) return;
        for (var i = 0; i < amounts.Length; i++) amounts[i] = amounts[i] * limit / total;
        notes.Add(Common.Kroner.Text($"{label}: {total:N0} kr. nedsat til {limit:N0} kr."));
    }


}
