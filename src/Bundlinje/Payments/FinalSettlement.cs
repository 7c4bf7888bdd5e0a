namespace Bundlinje.Payments;

/// <summary>What is known of an investor at final settlement: its capital drawn (dated, positive amounts) and the result
/// payments it received or is owed by approved runs (dated, positive amounts).</summary>
public sealed record InvestorFacts(string Key, string Name, IReadOnlyList<CashFlow> Drawn, IReadOnlyList<CashFlow> Received);

/// <summary>A deficit guarantor: it covers the investors' shortfall up to <see cref="Amount"/> and/or
/// <see cref="ShareOfDrawn"/> of the capital the investors drew (the lower of the two when both are given).</summary>
public sealed record GuarantorFacts(string Key, string Name, decimal? Amount, decimal? ShareOfDrawn = null);

/// <summary>A donor's donation and how much of it approved runs used to write the claim down.</summary>
public sealed record DonorFacts(string Key, string Name, decimal Donation, decimal Used);

/// <summary>One investor's final statement. <see cref="GainLoss"/> = received + guarantee paid − drawn;
/// <see cref="Multiple"/> = (received + guarantee paid) / drawn (null when nothing was drawn); <see cref="Irr"/> the annual
/// internal rate of return of the dated flows (null when undefined, e.g. nothing came back).</summary>
public sealed record InvestorStatement(string Key, string Name, decimal Drawn, decimal Received, decimal GuaranteePaid, decimal GainLoss,
    decimal? Multiple, decimal? Irr);

/// <summary>What a guarantor pays an investor.</summary>
public sealed record GuaranteeShare(string Investor, decimal Amount);

/// <summary>One guarantor's part: its limit, what it pays in all, and to whom.</summary>
public sealed record GuarantorStatement(string Key, string Name, decimal Limit, decimal Paid, IReadOnlyList<GuaranteeShare> ToInvestors);

public sealed record FinalStatement(string Investment, DateOnly AsOf, IReadOnlyList<InvestorStatement> Investors,
    IReadOnlyList<GuarantorStatement> Guarantors, IReadOnlyList<DonorFacts> Donors, IReadOnlyList<string> Notes)
{
    public decimal Drawn => Investors.Sum(i => i.Drawn);
    public decimal Received => Investors.Sum(i => i.Received);
    public decimal GuaranteePaid => Investors.Sum(i => i.GuaranteePaid);
    public decimal GainLoss => Investors.Sum(i => i.GainLoss);
}

/// <summary>
/// The final settlement of an investment from stored facts (pure: no database, no clock). Each investor's shortfall is
/// drawn − received (never below 0). The deficit guarantors cover the investors' total shortfall in the order they are
/// given (the order the agreement lists them: the first pays up to its limit, the next covers what is left, …); what they
/// pay in all is shared over the investors in proportion to their shortfalls (to the øre; the last investor with a
/// shortfall takes the rounding remainder), so no investor is covered above its shortfall and a gain is never guaranteed.
/// The guarantee is paid on the settlement date. Donations are not investor money: they wrote the authority's claim down
/// in the runs that used them (shown for the record).
/// </summary>
public static class FinalSettlement
{
    public static FinalStatement Settle(string investment, DateOnly asOf, IReadOnlyList<InvestorFacts> investors,
        IReadOnlyList<GuarantorFacts> guarantors, IReadOnlyList<DonorFacts>? donors = null)
    {
        var notes = new List<string>();
        var drawn = investors.Select(i => i.Drawn.Sum(f => f.Amount)).ToArray();
        var received = investors.Select(i => i.Received.Sum(f => f.Amount)).ToArray();
        var shortfall = drawn.Select((d, i) => Math.Max(0m, d - received[i])).ToArray();
        var totalShortfall = shortfall.Sum();

        // The guarantors in order: each pays up to its limit what the ones before it left of the shortfall.
        var limits = guarantors.Select(g => Limit(g, drawn.Sum())).ToArray();
        var paid = new decimal[guarantors.Count];
        var left = totalShortfall;
        for (var g = 0; g < guarantors.Count; g++) { paid[g] = Math.Min(limits[g], left); left -= paid[g]; }
        var covered = paid.Sum();
        if (left > 0 && guarantors.Count > 0)
            notes.Add(Common.Kroner.Text($"Garantierne dækker {covered:N2} kr. af investorernes underskud på {totalShortfall:N2} kr.; ")
                + Common.Kroner.Text($"{left:N2} kr. er investorernes tab."));

        var coverage = Share(covered, shortfall);
        var toInvestors = Allocate(paid, coverage);
        var lines = investors.Select((investor, i) =>
        {
            var back = received[i] + coverage[i];
            var flows = investor.Drawn.Select(f => f with { Amount = -f.Amount }).Concat(investor.Received)
                .Append(new CashFlow(asOf, coverage[i])).Where(f => f.Amount != 0).ToList();
            return new InvestorStatement(investor.Key, investor.Name, drawn[i], received[i], coverage[i], back - drawn[i],
                drawn[i] == 0 ? null : decimal.Round(back / drawn[i], 4), InvestorReturns.Irr(flows));
        }).ToList();
        var statements = guarantors.Select((g, k) => new GuarantorStatement(g.Key, g.Name, limits[k], paid[k],
            investors.Select((i, n) => new GuaranteeShare(i.Name, toInvestors[k, n])).Where(s => s.Amount > 0).ToList())).ToList();
        return new FinalStatement(investment, asOf, lines, statements, donors ?? [], notes);
    }

    /// <summary>A guarantor's limit: its amount, its share of the drawn capital (to the øre), or the lower of the two.</summary>
    public static decimal Limit(GuarantorFacts guarantor, decimal drawn)
    {
        if (guarantor.Amount is null && guarantor.ShareOfDrawn is null) return 0m;
        var byShare = guarantor.ShareOfDrawn is { } share ? MetricEvaluator.Ore(drawn * share) : decimal.MaxValue;
        return Math.Max(0m, Math.Min(guarantor.Amount ?? decimal.MaxValue, byShare));
    }

    /// <summary>Shares <paramref name="total"/> in proportion to <paramref name="weights"/> to the øre; the last positive
    /// weight takes the remainder. All of the weights when the total equals their sum.</summary>
    private static decimal[] Share(decimal total, decimal[] weights)
    {
        var sum = weights.Sum();
        if (total == sum) return [.. weights];
        var shares = weights.Select(w => sum == 0 ? 0m : decimal.Round(total * w / sum, 2, MidpointRounding.ToZero)).ToArray();
        if (Array.FindLastIndex(weights, w => w > 0) is var last and >= 0) shares[last] += total - shares.Sum();
        return shares;
    }

    /// <summary>Who pays whom: the guarantors' payments (in order) fill the investors' coverage (in order).</summary>
    private static decimal[,] Allocate(decimal[] paid, decimal[] coverage)
    {
        var pairs = new decimal[paid.Length, coverage.Length];
        var need = (decimal[])coverage.Clone();
        var investor = 0;
        for (var g = 0; g < paid.Length; g++)
        {
            var left = paid[g];
            while (left > 0 && investor < need.Length)
            {
                var take = Math.Min(left, need[investor]);
                pairs[g, investor] += take;
                (left, need[investor]) = (left - take, need[investor] - take);
                if (need[investor] == 0) investor++;
            }
        }
        return pairs;
    }
}
