using Bundlinje.BusinessCases;
using Bundlinje.FollowUps;
using Bundlinje.Payments;

namespace Bundlinje.Forecasts;

/// <summary>Where a metric's assumed success rate comes from.</summary>
public enum AssumedFrom
{
    /// <summary>The business case's outcome of the same key or measure (several parts: weighted by their participants).</summary>
    BusinessCase,
    /// <summary>The payment model's own assumed rate (<see cref="Metric.AssumedRate"/>).</summary>
    PaymentModel,
    /// <summary>No assumed rate: a flat prior, Beta(1, 1).</summary>
    Nothing,
}

/// <summary>What we believe about one outcome metric of an investment's payment model (docs/forecasts.md, "Usikkerhed om
/// effekter"). A per-participant metric has <see cref="Success"/>: a Beta on the share achieving it, centred on the assumed
/// rate and updated with the latest approved run's achieved among eligible. A comparison metric (against a baseline or a
/// control group) has <see cref="Effect"/> when the run's counts give its sampling distribution.</summary>
/// <param name="Successes">Achieved in the latest approved run (0 without one).</param>
/// <param name="Observed">Eligible in the latest approved run (0 without one).</param>
/// <param name="ResultsAsOf">The as-of date of the approved run the belief includes; null without one.</param>
/// <param name="Note">Why a metric has no distribution or is not updated: "notMeasurable" (paid at its assumed rate),
/// "noSpread" (a control-group or cohort-mean metric: the run keeps no spread to give a standard error), "noResults"
/// (a comparison metric before any approved run).</param>
public sealed record OutcomeBelief(string MetricKey, string MetricName, MetricKind Kind, double? AssumedRate, AssumedFrom AssumedFrom,
    BetaBelief? Success, NormalEffect? Effect, int Successes, int Observed, DateOnly? ResultsAsOf, string? Note);

public static class OutcomeBeliefs
{
    /// <summary>The beliefs for each metric of <paramref name="model"/>, in its order.</summary>
    /// <param name="cases">The investment's current business cases (one per part).</param>
    /// <param name="latestApproved">The latest approved run's result: runs settle cumulatively, so the latest counts
    /// everyone observed so far (adding the runs would count a participant twice).</param>
    /// <param name="strength">How many observed persons the assumed rate is worth.</param>
    public static IReadOnlyList<OutcomeBelief> Of(PaymentModel model, IReadOnlyList<BusinessCase> cases, RunResult? latestApproved,
        double strength = ForecastSettings.DefaultOutcomePriorStrength) =>
        model.Metrics.Select(m => Of(m, cases, latestApproved, strength)).ToList();

    public static OutcomeBelief Of(Metric metric, IReadOnlyList<BusinessCase> cases, RunResult? latestApproved, double strength)
    {
        var (assumed, from) = Assumed(metric, cases);
        var (eligible, achieved) = Counts(metric, latestApproved);
        var asOf = eligible > 0 ? latestApproved?.AsOf : null;
        if (MetricFields.IsAggregate(metric.Kind))
        {
            if (metric.Kind == MetricKind.RateVsBaseline && metric.BaselineRate is { } baseline)
                return eligible > 0
                    ? new(metric.Key, metric.Name, metric.Kind, assumed, from, null,
                        NormalEffect.AgainstBaseline((double)baseline, achieved, eligible), achieved, eligible, asOf, null)
                    : new(metric.Key, metric.Name, metric.Kind, assumed, from, null, null, 0, 0, null, "noResults");
            return new(metric.Key, metric.Name, metric.Kind, assumed, from, null, null, 0, eligible, asOf, "noSpread");
        }
        var prior = assumed is { } rate ? BetaBelief.Around(rate, strength) : new BetaBelief(1, 1);
        if (!metric.Measurable)
            return new(metric.Key, metric.Name, metric.Kind, assumed, from, prior, null, 0, 0, null, "notMeasurable");
        return new(metric.Key, metric.Name, metric.Kind, assumed, from, prior.Observe(achieved, eligible), null, achieved, eligible,
            asOf, null);
    }

    /// <summary>The business case's rate for the metric's key or measure, else the model's assumed rate, else none.</summary>
    public static (double? Rate, AssumedFrom From) Assumed(Metric metric, IReadOnlyList<BusinessCase> cases)
    {
        var matching = cases.SelectMany(c => c.Outcomes.Where(o => o.Key == metric.Key || o.Key == metric.Measure)
            .Select(o => (o.SuccessRate, Weight: Math.Max(1, c.Participants.Sum(p => p.Count))))).ToList();
        if (matching.Count > 0)
            return ((double)(matching.Sum(m => m.SuccessRate * m.Weight) / matching.Sum(m => m.Weight)), AssumedFrom.BusinessCase);
        return metric.AssumedRate > 0 ? ((double)metric.AssumedRate, AssumedFrom.PaymentModel) : (null, AssumedFrom.Nothing);
    }

    /// <summary>Eligible and achieved for the metric in a run: the pooled line ("Alle") where there is one, else the sum over
    /// the cohorts' lines.</summary>
    public static (int Eligible, int Achieved) Counts(Metric metric, RunResult? run)
    {
        var lines = run?.Metrics.Where(r => r.Key == metric.Key).ToList() ?? [];
        var pooled = lines.Where(l => l.Cohort == MetricEvaluator.AllCohorts).ToList();
        var use = pooled.Count > 0 ? pooled : lines;
        return (use.Sum(l => l.Eligible), use.Sum(l => l.Achieved));
    }
}
