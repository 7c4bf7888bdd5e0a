using Bundlinje.BusinessCases;
using Bundlinje.FollowUps;
using Bundlinje.Forecasts;
using Bundlinje.Payments;

namespace Bundlinje.Tests.Forecasts;

/// <summary>The outcome beliefs' rules directly: where the assumed rate comes from, which run lines count, and the normal
/// effect's arithmetic written out.</summary>
public sealed class OutcomeBeliefsTests
{
    private static Metric Housing(string key = "bolig", string measure = "stable-housing") =>
        new(key, "Stabil bolig", MetricKind.ConditionInWindow, measure, 10_000m, PriceBasis.PerParticipant, [new("MSB", 1m)]);

    private static BusinessCase Case(string part, decimal rate, params int[] participants) =>
        new("housing-first", 1, part, part, 2021, 10, 2024, null, participants.Select((c, i) => new YearCount(2021 + i, c)).ToList(),
            [], [], [new Outcome("stable-housing", "Stabil bolig", rate, 1, 3, 1m, [])], []);

    private static RunResult Run(params RunMetric[] lines) => new("housing-first", new(2024, 12, 31), 1, lines, 0m, 0m, 0m, 0m, [], [], []);

    private static RunMetric Line(string cohort, int eligible, int achieved, string key = "bolig") =>
        new(key, key, cohort, eligible, achieved, achieved, 0m, 0m, 0m, 0m, "");

    [Fact]
    public void Parts_business_cases_are_weighted_by_their_participants()
    {
        // Havnen 60 % for 30 participants, Hjem, Job og Helhed 50 % for 90: (0,6 · 30 + 0,5 · 90) / 120 = 0,525.
        var (rate, from) = OutcomeBeliefs.Assumed(Housing(), [Case("Havnen", 0.6m, 10, 20), Case("HJH", 0.5m, 90)]);
        Assert.Equal((0.525, AssumedFrom.BusinessCase), (Math.Round(rate!.Value, 12), from));
        Assert.Equal((null, AssumedFrom.Nothing), OutcomeBeliefs.Assumed(Housing(measure: "shelter-days"), [Case("Havnen", 0.6m, 10)]));
        Assert.Equal((0.31, AssumedFrom.PaymentModel),
            OutcomeBeliefs.Assumed(Housing(measure: "hba1c") with { AssumedRate = 0.31m }, []));
    }

    [Fact]
    public void The_pooled_line_counts_when_there_is_one_else_the_cohorts_are_summed()
    {
        Assert.Equal((30, 12), OutcomeBeliefs.Counts(Housing(), Run(Line("2023", 10, 4), Line("2024", 20, 8), Line("x", 5, 5, "other"))));
        Assert.Equal((30, 13), OutcomeBeliefs.Counts(Housing(), Run(Line("2023", 10, 4), Line("2024", 20, 8),
            Line(MetricEvaluator.AllCohorts, 30, 13))));
        Assert.Equal((0, 0), OutcomeBeliefs.Counts(Housing(), null));
        var belief = OutcomeBeliefs.Of(Housing(), [Case("Havnen", 0.6m, 10)], Run(Line("2023", 10, 4)), strength: 10);
        Assert.Equal((10.0, 10.0), (belief.Success!.Alpha, belief.Success.Beta)); // Beta(6, 4) + 4 of 10
    }

    [Fact]
    public void A_difference_of_rates_has_the_pooled_standard_error_and_exact_normal_quantiles()
    {
        // 30 of 100 in the comparison group, 18 of 120 treated: 0,30 − 0,15 = 0,15, se = √(0,3·0,7/100 + 0,15·0,85/120).
        var effect = NormalEffect.DifferenceOfRates(30, 100, 18, 120);
        Assert.Equal(0.15, effect.Mean, 12);
        Assert.Equal(Math.Sqrt(0.21 / 100 + 0.1275 / 120), effect.StandardError, 12);
        // Φ⁻¹(0,9) = 1,2815515655…, Φ⁻¹(0,975) = 1,9599639845… (Acklam: relative error below 1,2e-9)
        Assert.Equal(1.2815515655, StandardNormal.Quantile(0.9), 7);
        Assert.Equal(-1.9599639845, StandardNormal.Quantile(0.025), 7);
        Assert.Equal(0.975, StandardNormal.Cdf(1.9599639845), 6);
        Assert.Equal(effect.Mean + 1.2815515655 * effect.StandardError, effect.Quantile(0.9), 7);
        Assert.Equal(0.5, effect.AtLeast(0.15), 6);
        Assert.Throws<ArgumentOutOfRangeException>(() => NormalEffect.DifferenceOfRates(5, 4, 1, 10));
    }
}
