using Bundlinje.Forecasts;
using Bundlinje.Investments;

namespace Bundlinje.Tests.Forecasts;

/// <summary>The recruitment forecast against values computed here by hand: the conjugate update written out, and the
/// negative binomial summed with its recurrence p₀ = qᵃ, pₖ = pₖ₋₁ · (k − 1 + a)/k · (1 − q) (not the log-gamma the code uses).</summary>
public sealed class RecruitmentForecastTests
{
    /// <summary>P(K ≤ k) for the count over <paramref name="days"/> under Gamma(a, b), by the recurrence.</summary>
    private static double Cdf(double a, double b, double days, long k)
    {
        var q = b / (b + days);
        var (p, sum) = (Math.Pow(q, a), 0.0);
        for (long i = 0; i <= k; i++)
        {
            if (i > 0) p *= (i - 1 + a) / i * (1 - q);
            sum += p;
        }
        return sum;
    }

    private static long Quantile(double a, double b, double days, double level)
    {
        long k = 0;
        while (Cdf(a, b, days, k) < level) k++;
        return k;
    }

    // A plan of 35 participants over 50 days at 0,5 a day; 20 enrolled after 30 days.
    private static readonly RecruitmentPlan Small = new(35, 0.5, new(2025, 1, 1), new(2025, 2, 20));

    [Fact]
    public void The_prior_is_updated_by_the_count_and_the_probability_is_the_negative_binomial_tail()
    {
        var f = RecruitmentForecast.Of(Small, [new(new(2025, 1, 31), 20)], new(2025, 2, 1), priorDays: 10);
        // Prior Gamma(0,5 · 10, 10) = Gamma(5, 10); 20 in 30 days gives Gamma(25, 40), mean 0,625 a day.
        Assert.Equal((5.0, 10.0), (f.Prior!.Shape, f.Prior.Rate));
        Assert.Equal((25.0, 40.0, 0.625), (f.Rate!.Shape, f.Rate.Rate, f.Rate.Mean));
        Assert.Equal((30.0, 20.0), (f.ObservedDays, f.RemainingDays));
        // 20 days to go: mean 25 · 20 / 40 = 12,5 more; the plan needs 15 more.
        Assert.Equal(32.5, f.MeanAtEnd, 12);
        Assert.Equal(1 - Cdf(25, 40, 20, 14), f.ProbabilityOfPlan, 12);
        Assert.Equal(20 + Quantile(25, 40, 20, 0.10), f.P10AtEnd);
        Assert.Equal(20 + Quantile(25, 40, 20, 0.90), f.P90AtEnd);
        Assert.Equal(32.5 / 35, f.ShareAtEnd, 12);
        // The mean reaches 35 after 15 / 0,625 = 24 days, after the end.
        Assert.Equal(new DateOnly(2025, 2, 24), f.PlanReachedOn);
        Assert.True(f.Warns(0.5) == f.ProbabilityOfPlan < 0.5);
    }

    [Fact]
    public void Every_point_has_the_exact_negative_binomial_band()
    {
        var f = RecruitmentForecast.Of(Small, [new(new(2025, 1, 31), 20)], new(2025, 2, 1), priorDays: 10);
        Assert.Equal([new(2025, 1, 31), new(2025, 2, 20)], f.Points.Select(p => p.Date)); // the count, then the end (February)
        foreach (var p in f.Points)
        {
            var days = p.Date.DayNumber - new DateOnly(2025, 1, 31).DayNumber;
            Assert.Equal((20 + Quantile(25, 40, days, 0.10), 20 + Quantile(25, 40, days, 0.90)), (p.P10, p.P90));
            Assert.Equal(Small.PlannedAt(p.Date), p.Planned);
        }
    }

    [Fact]
    public void Ungifokus_is_unlikely_to_reach_its_plan_by_the_agreements_end()
    {
        // The demo's UngiFokus (src/Bundlinje/Portfolio/aarhus-demo.json): agreed 2021-06-01, period end 2025-12-31, 500
        // planned at 125 a year; 367 enrolled on 2024-12-31.
        var ungifokus = new Investment
        {
            Key = "ungifokus", Name = "UngiFokus", AgreedOn = new(2021, 6, 1), PeriodEnd = new(2025, 12, 31),
            PlannedParticipants = 500, PlannedPerYear = 125,
            Enrolment = [new() { AsOf = new(2023, 11, 30), Enrolled = 323, Expected = 320 },
                new() { AsOf = new(2024, 12, 31), Enrolled = 367, Expected = 422 }],
        };
        var f = RecruitmentForecast.Of(ungifokus, new(2024, 12, 31));
        var observed = new DateOnly(2024, 12, 31).DayNumber - new DateOnly(2021, 6, 1).DayNumber;
        var (a, b) = (125 / 365.25 * 90 + 367, 90.0 + observed);
        Assert.Equal((a, b), (f.Rate!.Shape, f.Rate.Rate));
        Assert.Equal(365, f.RemainingDays);
        Assert.Equal(367 + a / b * 365, f.MeanAtEnd, 9);
        Assert.Equal(1 - Cdf(a, b, 365, 500 - 367 - 1), f.ProbabilityOfPlan, 10);
        Assert.True(f.Warns(ForecastSettings.DefaultWarningProbability));
        Assert.InRange(f.ProbabilityOfPlan, 0, 0.05);
    }

    [Fact]
    public void The_band_widens_with_the_horizon_and_narrows_with_more_data()
    {
        var plan = new RecruitmentPlan(1000, 100 / 365.25, new(2022, 1, 1), new(2027, 12, 31));
        var f = RecruitmentForecast.Of(plan, [new(new(2023, 1, 1), 80)], new(2023, 1, 1));
        var widths = f.Points.Select(p => p.P90 - p.P10).ToList();
        Assert.True(widths.Zip(widths.Skip(1)).All(w => w.Second >= w.First), string.Join(", ", widths));
        Assert.True(widths[^1] > widths[1]);
        // Beyond two years the points are quarter ends.
        Assert.All(f.Points.Skip(1).SkipLast(1), p => Assert.Equal(0, p.Date.Month % 3));
        // The same rate seen over twice the time: a narrower band over the same remaining horizon.
        var shortPlan = plan with { End = new(2024, 1, 1) };
        var little = RecruitmentForecast.Of(shortPlan with { Start = new(2022, 7, 1) }, [new(new(2023, 1, 1), 40)], new(2023, 1, 1));
        var more = RecruitmentForecast.Of(shortPlan, [new(new(2023, 1, 1), 80)], new(2023, 1, 1));
        Assert.Equal(little.RemainingDays, more.RemainingDays);
        Assert.True(more.Rate!.Variance < little.Rate!.Variance);
        Assert.True(more.P90AtEnd - more.P10AtEnd < little.P90AtEnd - little.P10AtEnd,
            $"{more.P10AtEnd}-{more.P90AtEnd} vs {little.P10AtEnd}-{little.P90AtEnd}");
    }

    [Fact]
    public void Without_counts_the_prior_alone_forecasts_from_the_start()
    {
        var f = RecruitmentForecast.Of(Small, [], new(2025, 1, 10), priorDays: 10);
        Assert.Equal(f.Prior, f.Rate);
        Assert.Equal((0, Small.Start, 50.0), (f.Enrolled, f.ObservedUntil, f.RemainingDays));
        Assert.Equal(25.0, f.MeanAtEnd, 12); // 0,5 a day for 50 days
        Assert.Equal(1 - Cdf(5, 10, 50, 34), f.ProbabilityOfPlan, 12);
    }

    [Fact]
    public void A_lower_later_count_is_a_correction_and_the_latest_count_is_used()
    {
        var f = RecruitmentForecast.Of(Small, [new(new(2025, 1, 20), 25), new(new(2025, 1, 31), 20)], new(2025, 2, 1), priorDays: 10);
        Assert.True(f.Corrected);
        Assert.Equal((20, 25.0), (f.Enrolled, f.Rate!.Shape));
        // A count after the as-of date is not known yet.
        var before = RecruitmentForecast.Of(Small, [new(new(2025, 1, 20), 25), new(new(2025, 1, 31), 20)], new(2025, 1, 25), 10);
        Assert.Equal((25, false), (before.Enrolled, before.Corrected));
    }

    [Fact]
    public void Past_the_end_a_count_after_the_end_decides_and_an_older_count_still_forecasts_the_gap()
    {
        var known = RecruitmentForecast.Of(Small, [new(new(2025, 3, 1), 36)], new(2025, 4, 1), priorDays: 10);
        Assert.Equal((true, true, 1.0, 0.0), (known.EndPassed, known.Known, known.ProbabilityOfPlan, known.RemainingDays));
        Assert.Empty(known.Points);
        Assert.Equal(new DateOnly(2025, 3, 1), known.PlanReachedOn);
        var missed = RecruitmentForecast.Of(Small, [new(new(2025, 3, 1), 30)], new(2025, 4, 1), priorDays: 10);
        Assert.Equal((0.0, 30.0), (missed.ProbabilityOfPlan, missed.MeanAtEnd));
        var gap = RecruitmentForecast.Of(Small, [new(new(2025, 1, 31), 20)], new(2025, 4, 1), priorDays: 10);
        Assert.Equal((true, false, 20.0), (gap.EndPassed, gap.Known, gap.RemainingDays));
    }

    [Fact]
    public void Without_a_plan_there_is_no_forecast_and_the_reason_is_given()
    {
        var noStart = new Investment { Key = "x", Name = "x", PlannedParticipants = 10, PeriodEnd = new(2026, 1, 1) };
        Assert.Equal(NoForecast.NoStart, RecruitmentForecast.Of(noStart, new(2025, 1, 1)).Missing);
        var noEnd = new Investment { Key = "x", Name = "x", AgreedOn = new(2024, 1, 1), PlannedParticipants = 10 };
        Assert.Equal(NoForecast.NoEnd, RecruitmentForecast.Of(noEnd, new(2025, 1, 1)).Missing);
        var noTotal = new Investment { Key = "x", Name = "x", AgreedOn = new(2024, 1, 1), PeriodEnd = new(2026, 1, 1) };
        var none = RecruitmentForecast.Of(noTotal, new(2025, 1, 1));
        Assert.Equal((NoForecast.NoTotal, (GammaBelief?)null, false), (none.Missing, none.Rate, none.Warns(1)));
        // A yearly plan and a total say when enrolment ends: 80 at 20 a year from 2022-05-01.
        var years = new Investment { Key = "x", Name = "x", PeriodStart = new(2022, 5, 1), PlannedParticipants = 80, PlannedPerYear = 20 };
        Assert.Equal(new DateOnly(2022, 5, 1).AddDays(1461), RecruitmentForecast.Of(years, new(2023, 1, 1)).Plan!.End);
    }

    [Fact]
    public void Sub_projects_are_summed_with_their_latest_counts()
    {
        var counts = new List<EnrolmentCount>
        {
            new() { AsOf = new(2024, 1, 1), SubProject = "A", Enrolled = 10 },
            new() { AsOf = new(2024, 2, 1), SubProject = "B", Enrolled = 5 },
            new() { AsOf = new(2024, 3, 1), SubProject = "A", Enrolled = 12 },
        };
        Assert.Equal([new(new(2024, 1, 1), 10), new(new(2024, 2, 1), 15), new EnrolmentPoint(new(2024, 3, 1), 17)],
            EnrolmentHistory.Of(counts, new(2024, 12, 31)));
    }

    [Fact]
    public void The_negative_binomial_matches_its_recurrence_for_a_large_shape()
    {
        var nb = new NegativeBinomial(new GammaBelief(4000, 2000), 300);
        Assert.Equal(Cdf(4000, 2000, 300, 620), nb.Cdf(620), 9);
        Assert.Equal(Quantile(4000, 2000, 300, 0.9), nb.Quantile(0.9));
        Assert.Equal(600, nb.Mean, 9);
    }
}
