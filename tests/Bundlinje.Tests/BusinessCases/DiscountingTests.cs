using Bundlinje.BusinessCases;

namespace Bundlinje.Tests.BusinessCases;

/// <summary>Net present value and break-even against hand calculations.</summary>
public sealed class DiscountingTests
{
    private static readonly DiscountRates Ministry = DiscountRates.Ministry2021;

    [Fact]
    public void Year_zero_is_not_discounted_and_year_one_is_at_three_and_a_half_percent()
    {
        Assert.Equal(1.0, Ministry.Factor(0));
        Assert.Equal(1 / 1.035, Ministry.Factor(1), 12);
        Assert.Equal(1 / Math.Pow(1.035, 10), Ministry.Factor(10), 12);
    }

    [Fact]
    public void The_bands_chain_after_year_35_and_year_70()
    {
        // Year 40: 35 years at 3,5 % then 5 at 2,5 %; year 80: 35 at 3,5 %, 35 at 2,5 % and 10 at 1,5 %.
        Assert.Equal(1 / (Math.Pow(1.035, 35) * Math.Pow(1.025, 5)), Ministry.Factor(40), 12);
        Assert.Equal(1 / (Math.Pow(1.035, 35) * Math.Pow(1.025, 35) * Math.Pow(1.015, 10)), Ministry.Factor(80), 12);
    }

    [Fact]
    public void Present_value_of_minus_100_then_60_and_60_is_by_hand()
    {
        // −100 + 60/1,035 + 60/1,035² = −100 + 57,971014… + 56,010642… = 13,981656… → 13,98
        Assert.Equal(13.98m, Ministry.PresentValue([-100m, 60m, 60m]));
    }

    [Fact]
    public void A_fund_can_set_its_own_rates()
    {
        Assert.Equal(90.91m, new DiscountRates(0.10m, 0.10m, 0.10m).PresentValue([0m, 100m]));
        Assert.Equal(200m, new DiscountRates(0m, 0m, 0m).PresentValue([100m, 100m]));
    }

    private static BusinessCase Case(params CostLine[] costs) => new("x", 1, null, "X", 2025, 5, 2025, null,
        [new YearCount(2025, 10)], costs, [new BudgetHolder("k", "MSB", true, PublicLevel.Municipality, CeilingType.Service, true)],
        [new Outcome("o", "O", 0.5m, 1, 3, 0.5m, [new Consequence("Herbergsdøgn", "døgn", -10m, "k", 1_000m)])], []);

    [Fact]
    public void Ten_participants_at_50_percent_saving_10_nights_at_1000_kr_for_3_years_break_even_in_the_third_year_of_savings()
    {
        // 5 successes × 10 nights × 1.000 kr. = 50.000 kr. a year in 2026–2028, half repaid; cost 120.000 kr. in 2025.
        var c = Case(new CostLine(2025, 120_000m, "Fonden"));
        var result = BusinessCaseMath.Compute(c, (_, _) => 1_000m, Ministry);
        Assert.Equal([0m, 50_000m, 50_000m, 50_000m, 0m], result.Years.Select(y => y.Gross));
        Assert.Equal([0m, 25_000m, 25_000m, 25_000m, 0m], result.Years.Select(y => y.Repayment));
        Assert.Equal([-120_000m, -70_000m, -20_000m, 30_000m, 30_000m], result.Years.Select(y => y.CumulativeNet));
        Assert.Equal(2028, result.BreakEvenYear);
        // −120.000 + 50.000 (1/1,035 + 1/1,035² + 1/1,035³) = −120.000 + 50.000 × 2,80163698 = 20.081,85
        Assert.Equal(20_081.85m, result.NetPresentValue);
    }

    [Fact]
    public void A_case_that_never_pays_for_itself_has_no_break_even_year()
    {
        var result = BusinessCaseMath.Compute(Case(new CostLine(2025, 500_000m, "Fonden")), (_, _) => 1_000m, Ministry);
        Assert.Null(result.BreakEvenYear);
        Assert.True(result.NetPresentValue < 0);
    }

    [Fact]
    public void A_cap_stops_the_repayment_and_the_rest_stays_with_the_budget_holder()
    {
        var c = Case(new CostLine(2025, 120_000m, "Fonden"));
        c = c with { Outcomes = [c.Outcomes[0] with { RepaymentCap = 40_000m }] };
        var result = BusinessCaseMath.Compute(c, (_, _) => 1_000m, Ministry);
        Assert.Equal([0m, 25_000m, 15_000m, 0m, 0m], result.Years.Select(y => y.Repayment));
        Assert.Equal(110_000m, result.ByHolder.Sum(h => h.Net));
    }

    [Fact]
    public void The_sensitivity_table_moves_each_parameter_by_the_step_and_puts_the_widest_first()
    {
        var c = Case(new CostLine(2025, 120_000m, "Fonden"));
        var table = Sensitivity.Table(c, (_, _) => 1_000m, Ministry, 0.20m);
        Assert.Equal(3, table.Count);
        // Each parameter scales the savings linearly: ± 20 % of 150.000 kr. gross = ± 30.000 kr. net.
        Assert.All(table, r => Assert.Equal(60_000m, r.HighNet - r.LowNet));
        Assert.True(table.Zip(table.Skip(1)).All(p => p.First.Spread >= p.Second.Spread));
    }
}
