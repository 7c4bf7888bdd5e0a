namespace Bundlinje.Payments;

/// <summary>Settling an agreement that ends early, up front: each metric paid at its assumed success rate for the
/// participants actually enrolled (as Diabetes in 2024), instead of waiting for the cohorts' outcomes.</summary>
public static class EarlyTermination
{
    public static IReadOnlyList<(Metric Metric, decimal Amount)> UpFront(PaymentModel model, int participants) =>
        model.Metrics.Where(m => m.Basis is PriceBasis.PerParticipant or PriceBasis.PerEvent)
            .Select(m => (m, participants * m.AssumedRate * MetricEvaluator.PriceAt(m, m.AssumedRate,
                Math.Min(m.Price, m.IsolatedSaving ?? decimal.MaxValue))))
            .ToList();

    /// <summary>At a termination as of a date (the last approved run's), the treated participants whose window of a metric
    /// had not ended are settled up front at its assumed rate (<see cref="UpFront"/>); those whose window had ended were
    /// paid on their results by the run.</summary>
    public static IReadOnlyList<(Metric Metric, int Open, decimal Amount)> ForOpenWindows(PaymentModel model,
        IReadOnlyCollection<Person> people, DateOnly asOf) =>
        [.. model.Metrics.Select(m =>
        {
            var open = people.Count(p => p.Group == ParticipantGroup.Treatment && p.EnrolledOn.AddMonths(m.ToMonth) > asOf.AddDays(1));
            return UpFront(model with { Metrics = [m] }, open) is [var line] ? (m, open, MetricEvaluator.Ore(line.Amount)) : default;
        }).Where(l => l.m is not null)];
}
