using System.Text.Json;
using Bundlinje.BusinessCases;
using Bundlinje.Common;
using Bundlinje.Forecasts;
using Bundlinje.Forecasts.Simulation;
using Bundlinje.Fund;
using Bundlinje.Payments;

namespace Bundlinje.Tests.Forecasts;

/// <summary>The Monte Carlo's core on plain inputs: a known Beta on one metric gives the analytic percentiles and spread within
/// Monte Carlo error, the same seed gives the same numbers, and hostile inputs are refused by field.</summary>
public sealed class FundSimulationTests
{
    private static readonly EconomicsColumn[] Columns =
        [new("R 2024", 2024, 2024, true), new("B 2025", 2025, 2025, false), new("B 2026", 2026, 2026, false),
         new("B 2027", 2027, 2027, false), new("Efterfølgende år i alt", 2028, 2032, false)];

    private static readonly decimal[] Balance = [5_000_000m, 3_000_000m, 1_500_000m, 800_000m, 2_000_000m];

    /// <summary>One metric at 1.000 kr. per achiever, 400 + 400 planned at a 50 % success rate: priced by the engine's
    /// preview, the payments are proportional to the achievers up to 100 % (multiplier 2), flat after.</summary>
    private static ModelResponse Response()
    {
        var model = new PaymentModel("x", 1, [new Metric("job", "Job", MetricKind.ConditionInWindow, "employed", 1000m,
            PriceBasis.PerParticipant, [new PayerShare("SFB", 1m)], ToMonth: 12, Aggregate: Aggregate.Max, Threshold: 1)]);
        var c = new BusinessCase("x", 1, null, "Test", 2025, 10, 2025, null, [new YearCount(2025, 400), new YearCount(2026, 400)], [],
            [new BudgetHolder("k", "MSB", true, PublicLevel.Municipality, CeilingType.Service, true)],
            [new Outcome("job", "Job", 0.5m, 1, 1, 0.5m, [])], ["test"]);
        return ResponseCurves.Of(model, [c])!;
    }

    private static readonly decimal[] Anchor = [0m, 400_000m, 1_200_000m, 600_000m, 900_000m];

    private static SimulationInputs Inputs(BetaBelief? belief, decimal reserved = 1_000_000m)
    {
        var response = Response();
        var uncertain = new ScenarioInvestment("a", "A", Anchor, response.Curve, Success: belief is null ? null
            : [new SuccessUncertainty("job", belief, response.AnchorRates["job"], response.Weights["job"])]);
        var certain = new ScenarioInvestment("b", "B", [0m, 100_000m, 100_000m, 0m, 0m], ResponseCurve.Proportional);
        return new(Columns, Balance, 2030, reserved, [uncertain, certain]);
    }

    [Fact]
    public void The_engine_prices_the_test_model_in_proportion_to_the_achievers_up_to_all_of_them()
    {
        var response = Response();
        Assert.Equal(0.5, response.AnchorRates["job"]);
        Assert.Equal(1.0, response.Weights["job"]);
        Assert.Equal(400_000m, response.ExpectedTotal); // 2 × round(400 × 0,5) × 1.000
        for (var k = 0; k < ResponseCurves.Grid.Length; k++)
            Assert.Equal(Math.Min(2, ResponseCurves.Grid[k]), response.Curve.Ratios[k], 12);
    }

    [Fact]
    public void Without_uncertainty_every_percentile_is_the_deterministic_balance()
    {
        var result = FundSimulation.Run(Inputs(null), 1000, 7);
        Assert.Equal(Balance, result.Years.Select(y => y.P10));
        Assert.Equal(Balance, result.Years.Select(y => y.P50));
        Assert.Equal(Balance, result.Years.Select(y => y.P90));
        Assert.Equal(0, result.PBelowZero);
        Assert.Equal(1, result.PBelowReserved); // 800.000 in B 2027 < 1.000.000
        Assert.Equal(800_000m, result.Room); // the lowest budget balance, as RoomForNewInvestments
        Assert.Equal(["A", "B"], result.Certain);
    }

    [Fact]
    public void A_known_Beta_on_one_metric_gives_the_analytic_percentiles_and_spread_within_Monte_Carlo_error()
    {
        // Beta(10, 10): the payments are anchor × p / 0,5, so the balance at column c is
        // det(c) + A(c) × (p / 0,5 − 1), A(c) the anchors summed to c; its percentiles are the Beta's, mapped.
        var belief = new BetaBelief(10, 10);
        const int n = 40_000;
        var result = FundSimulation.Run(Inputs(belief), n, 20261127);
        var sdP = Math.Sqrt(belief.Variance);
        var cumulative = 0m;
        for (var c = 0; c < Columns.Length; c++)
        {
            cumulative += Anchor[c];
            var a = (double)cumulative / 0.5;
            var year = result.Years[c];
            foreach (var (q, got) in new[] { (0.1, year.P10), (0.5, year.P50), (0.9, year.P90) })
            {
                var p = BetaQuantile(10, 10, q);
                var expected = (double)Balance[c] + a * (p - 0.5);
                // The sample quantile's standard error: √(q(1 − q)/n) / density at the quantile, in p; 4 of them, + rounding.
                var bound = 4 * Math.Sqrt(q * (1 - q) / n) / BetaDensity(10, 10, p) * a + 1;
                Assert.True(Math.Abs((double)got - expected) <= bound,
                    $"{Columns[c].Label} P{q * 100}: {got} vs {expected:0} ± {bound:0}");
            }
            var sd = a * sdP;
            Assert.True(Math.Abs((double)year.StdDev - sd) <= 4 * sd / Math.Sqrt(2.0 * n) + 1,
                $"{Columns[c].Label} sd {year.StdDev} vs {sd:0}");
            Assert.True(Math.Abs((double)(year.Mean - Balance[c])) <= 4 * sd / Math.Sqrt(n) + 1, $"{Columns[c].Label} mean");
        }
        // Only A is uncertain (B is certain and not ranked): it carries the whole variance of the worst column.
        Assert.Equal("a", Assert.Single(result.Ranking).Key);
        Assert.Equal(1.0, result.Ranking[0].VarianceShare, 9);
        Assert.Equal(["B"], result.Certain);
        // The room: the 10 % quantile of the lowest budget balance, which is B 2027's (det 800.000 + 2 × 2.200.000 × (p − 0,5))
        // whenever that is the lowest; at p = Q(0,1) ≈ 0,36 it is.
        var roomExpected = 800_000.0 + 2 * 2_200_000.0 * (BetaQuantile(10, 10, 0.1) - 0.5);
        var roomBound = 4 * Math.Sqrt(0.09 / n) / BetaDensity(10, 10, BetaQuantile(10, 10, 0.1)) * 2 * 2_200_000 + 1;
        Assert.True(Math.Abs((double)result.Room - Math.Max(0, roomExpected)) <= roomBound, $"room {result.Room} vs {roomExpected:0}");
    }

    [Fact]
    public void The_same_seed_gives_the_same_numbers_and_another_seed_others()
    {
        var inputs = Inputs(new BetaBelief(4, 6));
        var one = JsonSerializer.Serialize(FundSimulation.Run(inputs, 5000, 42));
        var two = JsonSerializer.Serialize(FundSimulation.Run(inputs, 5000, 42));
        var other = JsonSerializer.Serialize(FundSimulation.Run(inputs, 5000, 43));
        Assert.Equal(one, two);
        Assert.NotEqual(one, other);
        // A negative seed is a seed like any other (the 64 bits seed the generator).
        Assert.Equal(JsonSerializer.Serialize(FundSimulation.Run(inputs, 100, -5)),
            JsonSerializer.Serialize(FundSimulation.Run(inputs, 100, -5)));
    }

    [Theory]
    [InlineData(0, 0.9, "scenarios", "simulation.scenarios")]
    [InlineData(1_000_000_000, 0.9, "scenarios", "simulation.scenarios")]
    [InlineData(-1, 0.9, "scenarios", "simulation.scenarios")]
    [InlineData(100, 1.0, "confidence", "simulation.confidence")]
    [InlineData(100, 0.2, "confidence", "simulation.confidence")]
    [InlineData(100, double.NaN, "confidence", "simulation.confidence")]
    public void Hostile_inputs_are_refused_by_field(int scenarios, double confidence, string field, string code)
    {
        var refused = Assert.Throws<Refused>(() => FundSimulation.Run(Inputs(null), scenarios, 1, new SimulationOptions(confidence)));
        Assert.Equal(field, refused.Field);
        Assert.Equal(code, refused.Code);
        var request = Assert.Throws<Refused>(() => FundSimulations.Check(new SimulationRequest(scenarios, 1, confidence)));
        Assert.Equal(field, request.Field);
    }

    [Fact]
    public void The_sampler_draws_Gamma_Beta_and_Poisson_with_their_means_and_variances()
    {
        var random = new Sampler(3);
        const int n = 200_000;
        foreach (var (draw, mean, variance) in new (Func<double>, double, double)[]
        {
            (() => random.Gamma(0.5, 2), 0.25, 0.125), (() => random.Gamma(7, 0.5), 14, 28),
            (() => random.Beta(2, 5), 2.0 / 7, 10.0 / (49 * 8)), (() => random.Poisson(4), 4, 4), (() => random.Poisson(200), 200, 200),
        })
        {
            double sum = 0, squares = 0;
            for (var i = 0; i < n; i++)
            {
                var x = draw();
                sum += x;
                squares += x * x;
            }
            var m = sum / n;
            Assert.True(Math.Abs(m - mean) <= 5 * Math.Sqrt(variance / n), $"mean {m} vs {mean}");
            Assert.True(Math.Abs(squares / n - m * m - variance) <= 0.02 * variance, $"variance {squares / n - m * m} vs {variance}");
        }
    }

    private static double BetaDensity(double a, double b, double x) =>
        Math.Exp((a - 1) * Math.Log(x) + (b - 1) * Math.Log(1 - x) - LogBeta(a, b));

    private static double LogBeta(double a, double b)
    {
        // Integer parameters here: B(a, b) = (a − 1)! (b − 1)! / (a + b − 1)!
        double LogFactorial(double k) { var s = 0.0; for (var i = 2; i <= k; i++) s += Math.Log(i); return s; }
        return LogFactorial(a - 1) + LogFactorial(b - 1) - LogFactorial(a + b - 1);
    }

    /// <summary>The Beta quantile by bisection on the CDF, the CDF by Simpson's rule on 2.000 intervals.</summary>
    private static double BetaQuantile(double a, double b, double q)
    {
        double Cdf(double x)
        {
            const int steps = 2000;
            var h = x / steps;
            var s = BetaDensity(a, b, 1e-12) + BetaDensity(a, b, x);
            for (var i = 1; i < steps; i++) s += (i % 2 == 1 ? 4 : 2) * BetaDensity(a, b, i * h);
            return s * h / 3;
        }
        double lo = 0, hi = 1;
        for (var i = 0; i < 50; i++)
        {
            var mid = (lo + hi) / 2;
            if (Cdf(mid) < q) lo = mid; else hi = mid;
        }
        return (lo + hi) / 2;
    }
}
