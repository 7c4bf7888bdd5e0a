using Bundlinje.BusinessCases;
using Bundlinje.Payments;

namespace Bundlinje.Forecasts.Simulation;

/// <summary>How an investment pays back, priced by the engine before the scenarios: the response curve, and per metric (or
/// outcome) its business-case success rate and its share of the expected payments. <see cref="Source"/>: "model" (the
/// payment model through <see cref="ModelPreview.Expected"/>) or "case" (the business case's own outcome payments through
/// <see cref="BusinessCaseMath.Compute"/>, which the budget booking books).</summary>
public sealed record ModelResponse(ResponseCurve Curve, IReadOnlyDictionary<string, double> AnchorRates,
    IReadOnlyDictionary<string, double> Weights, decimal ExpectedTotal, string Source);

/// <summary>
/// Prices an investment's payments at its business cases' success rates times each multiplier of <see cref="Grid"/>: through
/// the payment model (<see cref="ModelPreview.Expected"/> runs <see cref="MetricEvaluator"/> and <see cref="Settler.Settle"/>
/// year by year, caps and tiers included) or, for an investment without one, through the business case's repayments
/// (<see cref="BusinessCaseMath.Compute"/>, repayment caps included). Done once per investment, never inside the scenarios.
/// </summary>
public static class ResponseCurves
{
    /// <summary>The achiever multipliers the payments are priced at (1 = the business case).</summary>
    public static readonly double[] Grid = [0, 0.25, 0.5, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 2, 3];

    /// <summary>Through the payment model; null when it pays nothing at the cases' rates (nothing to scale).</summary>
    public static ModelResponse? Of(PaymentModel model, IReadOnlyList<BusinessCase> cases)
    {
        if (cases.Count == 0) return null;
        decimal Total(IReadOnlyList<BusinessCase> at) => ModelPreview.Expected(model, at).Total;
        var rates = ModelPreview.Link(model, cases[0]).Where(l => l.Outcome is { SuccessRate: > 0 })
            .ToDictionary(l => l.Metric.Key, l => (double)l.Outcome!.SuccessRate);
        var alone = model.Metrics.ToDictionary(m => m.Key, m => ModelPreview.Expected(model with { Metrics = [m] }, cases).Total);
        return Build(Total, cases, rates, alone, "model");
    }

    /// <summary>Through the business cases' own repayments (each case with its resolved unit prices).</summary>
    public static ModelResponse? OfCases(IReadOnlyList<(BusinessCase Case, PriceBook Prices)> cases, DiscountRates discount)
    {
        if (cases.Count == 0) return null;
        var prices = cases.Select(c => c.Prices).ToList();
        decimal Total(IReadOnlyList<BusinessCase> at) =>
            at.Select((c, i) => BusinessCaseMath.Compute(c, (o, q) => prices[i][o, q], discount).Payments.Sum(p => p.Amount)).Sum();
        var plain = cases.Select(c => c.Case).ToList();
        var rates = new Dictionary<string, double>();
        foreach (var o in plain.SelectMany(c => c.Outcomes).Where(o => o.SuccessRate > 0)) rates.TryAdd(o.Key, (double)o.SuccessRate);
        // An outcome's part: the repayments with every other outcome at a success rate of 0.
        var alone = rates.Keys.ToDictionary(k => k, k => Total(plain.Select(c => c with
        {
            Outcomes = c.Outcomes.Select(o => o.Key == k ? o : o with { SuccessRate = 0 }).ToList(),
        }).ToList()));
        return Build(Total, plain, rates, alone, "case");
    }

    private static ModelResponse? Build(Func<IReadOnlyList<BusinessCase>, decimal> total, IReadOnlyList<BusinessCase> cases,
        Dictionary<string, double> rates, Dictionary<string, decimal> alone, string source)
    {
        var expected = total(cases);
        if (expected <= 0) return null;
        var ratios = Grid.Select(x => x == 1 ? 1.0 : (double)(total(Scaled(cases, (decimal)x)) / expected)).ToArray();
        var sum = alone.Values.Sum();
        var weights = alone.ToDictionary(a => a.Key, a => sum > 0 ? (double)(a.Value / sum) : 0);
        return new(new ResponseCurve([.. Grid], ratios), rates, weights, expected, source);
    }

    private static List<BusinessCase> Scaled(IReadOnlyList<BusinessCase> cases, decimal x) =>
        cases.Select(c => c with { Outcomes = c.Outcomes.Select(o => o with { SuccessRate = Math.Min(1m, o.SuccessRate * x) }).ToList() })
            .ToList();
}
