namespace Bundlinje.BusinessCases;

/// <summary>One budget holder's figures in one year, in kr.: gross savings, the outcome payments it repays to the fund,
/// and its net saving (gross − repayment).</summary>
public sealed record HolderYear(string Holder, int Year, decimal Gross, decimal Repayment)
{
    public decimal Net => Gross - Repayment;
}

/// <summary>One year of the case: intervention cost, gross savings and repayments over all budget holders, the public
/// sector's net (savings − cost; the repayments are transfers between public budgets) and its running total.</summary>
public sealed record CaseYear(int Year, decimal Cost, decimal Gross, decimal Repayment, decimal Net, decimal CumulativeNet);

/// <summary>Expected outcome payments of one outcome in one year by one repaying budget holder (the payer).</summary>
public sealed record ExpectedPayment(string Outcome, string Holder, int Year, decimal Successes, decimal Amount);

/// <summary>The computed case: per year and per holder and year, the break-even year (the first year the cumulative
/// net is ≥ 0; null if never within the horizon) and the net present value of the yearly net at the fund's rates.</summary>
public sealed record BusinessCaseResult(
    BusinessCase Case, IReadOnlyList<CaseYear> Years, IReadOnlyList<HolderYear> ByHolder, IReadOnlyList<ExpectedPayment> Payments,
    int? BreakEvenYear, decimal NetPresentValue)
{
    public decimal Cost(int? throughYear = null) => Years.Where(y => y.Year <= (throughYear ?? int.MaxValue)).Sum(y => y.Cost);

    /// <summary>Gross savings, repayment and net of the holders that match (e.g. MSB's decentral budgets) through a year.</summary>
    public (decimal Gross, decimal Repayment, decimal Net) Holders(Func<BudgetHolder, bool> which, int? throughYear = null)
    {
        var keys = Case.Holders.Where(which).Select(h => h.Key).ToHashSet();
        var rows = ByHolder.Where(h => keys.Contains(h.Holder) && h.Year <= (throughYear ?? int.MaxValue)).ToList();
        return (rows.Sum(r => r.Gross), rows.Sum(r => r.Repayment), rows.Sum(r => r.Net));
    }
}

/// <summary>
/// The business case's arithmetic (docs/business-cases.md). A cohort starting in year c with n planned participants
/// gives n × success rate successes of an outcome; each success changes the use of services by the consequences'
/// yearly changes from year c + lag for the outcome's duration; −change × unit price is the saving of the consequence's
/// budget holder (a change of −30 shelter nights at 1.000 kr. saves 30.000 kr.; a rise in use is a negative saving).
/// A repaying holder pays the outcome's repayment share of its saving back to the fund, in the year it
/// saves, until the outcome's cap is reached. All amounts are rounded to øre per holder and year.
/// </summary>
public static class BusinessCaseMath
{
    /// <param name="prices">Unit prices by consequence index within the case (outcome, consequence), already resolved
    /// (catalogue or override) at the case's price year.</param>
    public static BusinessCaseResult Compute(BusinessCase c, Func<int, int, decimal> prices, DiscountRates rates,
        decimal successFactor = 1m, decimal recruitmentFactor = 1m, decimal priceFactor = 1m)
    {
        var years = Enumerable.Range(c.StartYear, c.HorizonYears).ToList();
        var gross = new Dictionary<(string Holder, int Year), decimal>();
        var repaid = new Dictionary<(string Holder, int Year), decimal>();
        var payments = new List<ExpectedPayment>();
        var repays = c.Holders.ToDictionary(h => h.Key, h => h.Repays);
        foreach (var (outcome, o) in c.Outcomes.Select((x, i) => (x, i)))
        {
            var paidSoFar = 0m;
            foreach (var year in years)
            {
                // Successes whose consequences are under way this year: cohorts that started lag..lag+duration-1 years ago.
                var successes = c.Participants.Where(p => year - p.Year >= outcome.LagYears && year - p.Year < outcome.LagYears
                    + outcome.DurationYears)
                    .Sum(p => p.Count * recruitmentFactor) * Math.Min(1m, outcome.SuccessRate * successFactor);
                if (successes == 0) continue;
                foreach (var holder in outcome.Consequences.Select((q, i) => (q, i)).GroupBy(x => x.q.Holder))
                {
                    var saving = Round(-holder.Sum(x => x.q.ChangePerYear * prices(o, x.i) * priceFactor) * successes); // fewer uses save
                    Add(gross, (holder.Key, year), saving);
                    if (!repays.GetValueOrDefault(holder.Key) || saving <= 0) continue;
                    var repayment = Round(saving * outcome.RepaymentShare);
                    if (outcome.RepaymentCap is { } cap) repayment = Math.Max(0, Math.Min(repayment, cap - paidSoFar));
                    paidSoFar += repayment;
                    Add(repaid, (holder.Key, year), repayment);
                    if (repayment > 0) payments.Add(new(outcome.Key, holder.Key, year, successes, repayment));
                }
            }
        }
        var byHolder = (from h in c.Holders from y in years
                        select new HolderYear(h.Key, y, gross.GetValueOrDefault((h.Key, y)), repaid.GetValueOrDefault((h.Key, y))))
            .ToList();
        var caseYears = new List<CaseYear>();
        var cumulative = 0m;
        foreach (var year in years)
        {
            var cost = c.Costs.Where(x => x.Year == year).Sum(x => x.Amount);
            var g = byHolder.Where(h => h.Year == year).Sum(h => h.Gross);
            var r = byHolder.Where(h => h.Year == year).Sum(h => h.Repayment);
            cumulative += g - cost;
            caseYears.Add(new(year, cost, g, r, g - cost, cumulative));
        }
        return new(c, caseYears, byHolder, payments, BreakEven(caseYears), rates.PresentValue(caseYears.Select(y => y.Net).ToList()));
    }

    /// <summary>The first year from which the cumulative net stays ≥ 0 to the end of the horizon, counted from the first
    /// year with a cost or a saving; null when the case does not pay for itself within its horizon.</summary>
    public static int? BreakEven(IReadOnlyList<CaseYear> years)
    {
        var first = years.FirstOrDefault(y => y.Cost != 0 || y.Gross != 0);
        if (first is null) return null;
        int? breakEven = null;
        foreach (var year in years.Where(y => y.Year >= first.Year))
            breakEven = year.CumulativeNet >= 0 ? breakEven ?? year.Year : null;
        return breakEven;
    }

    private static void Add(Dictionary<(string, int), decimal> sums, (string, int) key, decimal amount) =>
        sums[key] = sums.GetValueOrDefault(key) + amount;

    private static decimal Round(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);
}
