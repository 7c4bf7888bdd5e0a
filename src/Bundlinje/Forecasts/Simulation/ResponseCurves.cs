using Bundlinje.BusinessCases;
using Bundlinje.Payments;

namespace Bundlinje.Forecasts.Simulation;

/// <summary>An investment's payment model priced at its business cases by the engine's preview: the response curve, and per
/// metric its business-case success rate and its share of the expected payments.</summary>
public sealed record ModelResponse(ResponseCurve Curve, IReadOnlyDictionary<string, double> AnchorRates,
    IReadOnlyDictionary<string, double> Weights, decimal ExpectedTotal);

/// <summary>
/// Prices a payment model through <see cref="ModelPreview.Expected"/> (which runs <see cref="MetricEvaluator"/> and
/// <see cref="Settler.Settle"/> year by year, caps and tiers included) at the business cases' success rates times each
/// multiplier of <see cref="Grid"/>; this is done once per investment before the scenarios, never inside them.
/// </summary>
public static class ResponseCurves
{
    /// <summary>The achiever multipliers the model is priced at (1 = the business case).</summary>
    public static readonly double[] Grid = [0, 0.25, 0.5, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 2, 3];

    /// <summary>Null when the model pays nothing at the cases' rates (nothing to scale).</summary>
    public static ModelResponse? Of(PaymentModel model, IReadOnlyList<BusinessCase> cases)
    {
        if (cases.Count == 0) return null;
        var expected = ModelPreview.Expected(model, cases).Total;
        if (expected <= 0) return null;
        var ratios = Grid.Select(x => x == 1 ? 1.0 : (double)(ModelPreview.Expected(model, Scaled(cases, (decimal)x)).Total / expected))
            .ToArray();
        var links = ModelPreview.Link(model, cases[0]);
        var rates = links.Where(l => l.Outcome is { SuccessRate: > 0 })
            .ToDictionary(l => l.Metric.Key, l => (double)l.Outcome!.SuccessRate);
        var alone = model.Metrics.ToDictionary(m => m.Key, m => (double)ModelPreview.Expected(model with { Metrics = [m] }, cases).Total);
        var sum = alone.Values.Sum();
        var weights = alone.ToDictionary(a => a.Key, a => sum > 0 ? a.Value / sum : 0);
        return new(new ResponseCurve([.. Grid], ratios), rates, weights, expected);
    }

    private static List<BusinessCase> Scaled(IReadOnlyList<BusinessCase> cases, decimal x) =>
        cases.Select(c => c with { Outcomes = c.Outcomes.Select(o => o with { SuccessRate = Math.Min(1m, o.SuccessRate * x) }).ToList() })
            .ToList();
}
