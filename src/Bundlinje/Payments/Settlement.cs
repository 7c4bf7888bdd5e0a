namespace Bundlinje.Payments;

public sealed record Investor(string Name, decimal Capital);

/// <summary>What an investor gets of a settlement: its capital share of the payable amount.</summary>
public sealed record InvestorPayment(string Investor, decimal Share, decimal Amount);

public sealed record PayerPayment(string Payer, decimal Amount);

/// <summary>The money side of a follow-up: metric amounts after caps, the payers' bills and the investors' split.</summary>
public sealed record Settlement(
    IReadOnlyList<MetricResult> Metrics, IReadOnlyList<decimal> AfterCaps, decimal Gross, decimal Capped, decimal Donation, decimal Payable,
    IReadOnlyList<PayerPayment> ByPayer, IReadOnlyList<InvestorPayment> ByInvestor, IReadOnlyList<string> Notes);

/// <summary>
/// Applies the model's caps in a fixed order — per metric, per participant across metrics, per period, the whole
/// contract (given what is already paid) — then a foundation donation that writes down the claim, then splits what is
/// payable over the payers (per metric by their shares) and over the investors by capital share.
/// </summary>
public static class Settler
{
    public static Settlement Settle(PaymentModel model, IReadOnlyList<MetricResult> results, IReadOnlyList<Investor> investors,
        decimal alreadyPaid = 0m, decimal donation = 0m)
    {
        var notes = new List<string>();
        var amounts = results.Select(r => r.Metric.CapPerMetric is { } cap && r.Amount > cap ? Note(notes, cap, $"{r.Metric.Name}: loft pr. effektmål {cap:N0} kr.") : r.Amount).ToArray();

        if (model.CapPerParticipant is { } perPerson)
        {
            // A participant's payments across all metrics are capped; the excess is taken from that person's metrics in model order.
            var totals = new Dictionary<string, decimal>();
            for (var i = 0; i < results.Count; i++)
                foreach (var (person, amount) in results[i].PerParticipant)
                {
                    var before = totals.GetValueOrDefault(person);
                    var allowed = Math.Max(0m, Math.Min(amount, perPerson - before));
                    totals[person] = before + allowed;
                    amounts[i] -= amount - allowed;
                }
            if (totals.Count > 0 && results.Sum(r => r.PerParticipant.Values.Sum()) > totals.Values.Sum())
                notes.Add(Common.Kroner.Text($"Loft pr. deltager {perPerson:N0} kr. på tværs af effektmål."));
        }
        var gross = results.Sum(r => r.Amount);
        Scale(amounts, model.CapPerPeriod, notes, "Loft pr. periode");
        if (model.CapContract is { } contract) Scale(amounts, Math.Max(0m, contract - alreadyPaid), notes, Common.Kroner.Text($"Loft for hele kontrakten ({contract:N0} kr., heraf betalt {alreadyPaid:N0} kr.)"));
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
            byPayer.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new PayerPayment(p.Key, p.Value)).ToList(), byInvestor, notes);
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
