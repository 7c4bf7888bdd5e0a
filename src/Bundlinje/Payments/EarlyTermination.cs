namespace Bundlinje.Payments;

/// <summary>Settling an agreement that ends early, up front: each metric paid at its assumed success rate for the
/// participants actually enrolled (as Diabetes in 2024), instead of waiting for the cohorts' outcomes.</summary>
public static class EarlyTermination
{
    public static IReadOnlyList<(Metric Metric, decimal Amount)> UpFront(PaymentModel model, int participants) =>
        model.Metrics.Where(m => m.Basis is PriceBasis.PerParticipant or PriceBasis.PerEvent)
            .Select(m => (m, participants * m.AssumedRate * MetricEvaluator.PriceAt(m, m.AssumedRate, Math.Min(m.Price, m.IsolatedSaving ?? decimal.MaxValue))))
            .ToList();
}
