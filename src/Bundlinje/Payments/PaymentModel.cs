namespace Bundlinje.Payments;

/// <summary>How a metric decides what is achieved (docs/payment-models.md has an example of each from the portfolio).</summary>
public enum MetricKind
{
    /// <summary>Per participant: an aggregate of a measure within a window after enrolment meets a condition (Housing First).</summary>
    ConditionInWindow,
    /// <summary>Per participant: a milestone reached (any value ≥ threshold) within the window (Lær for Livet).</summary>
    Milestone,
    /// <summary>Per participant: relative reduction of a measure from its baseline at enrolment ≥ threshold (Diabetes, HbA1c).</summary>
    ChangeFromBaseline,
    /// <summary>The cohort's mean relative reduction from baseline (Diabetes, collective).</summary>
    CohortMeanChange,
    /// <summary>Control group's mean summed cost minus the treatment group's, per treated person (UngiFokus).</summary>
    TreatmentVsControl,
    /// <summary>The cohort's event rate against a baseline rate, in percentage points (Flere kloge hænder).</summary>
    RateVsBaseline,
}

public enum Aggregate { Sum, Max, Min, Mean, Last }

public enum Comparison { AtMost, AtLeast }

/// <summary>What the price is paid per: each achieving participant, each counted event, each avoided event, once, each
/// treated person, or (comparisons in kroner) a <see cref="Metric.Share"/> of the saving. Which basis each kind takes:
/// <see cref="MetricFields.Bases"/>; <see cref="PerParticipant"/>, the neutral default, means the kind's default basis
/// (<see cref="MetricFields.Effective"/>).</summary>
public enum PriceBasis { PerParticipant, PerEvent, PerAvoidedEvent, Flat, PerTreatedPerson, ShareOfSaving }

/// <summary>Per cohort, all cohorts pooled, or (aggregate kinds) both: each cohort is paid early on its own result at
/// <see cref="Metric.CohortMinimumEffect"/>, and the pooled line pays only what the pool is entitled to beyond what the
/// cohorts received (docs/payment-models.md, "Per cohort and pooled, netted").</summary>
public enum Scope { PerCohort, Pooled, PerCohortAndPooled }

/// <summary>From an effect (rate, reduction or percentage points, as a fraction) upwards, this price applies.</summary>
public sealed record Tier(decimal FromEffect, decimal Price);

/// <summary>A payer's part of a metric: a <see cref="Share"/> in (0, 1], or in a model file a <see cref="Weight"/> instead
/// (15 and 12 for 15/27 and 12/27), which <see cref="PaymentModelFile.Read"/> normalises to shares.</summary>
public sealed record PayerShare(string Payer, decimal Share = 0, decimal? Weight = null);

/// <summary>
/// One metric of an outcome payment model. Effects and shares are fractions (0,085 = 8,5 %). Windows are months after
/// enrolment, [FromMonth, ToMonth). Price rules: <see cref="Tiers"/> if any (the highest tier reached applies), else
/// <see cref="Price"/>; nothing below <see cref="MinimumEffect"/>. A per-participant metric can repeat its window
/// over the payment period (<see cref="Repeats"/> windows, each <see cref="RepeatEveryMonths"/> later), paid per window met.
/// </summary>
public sealed record Metric(
    string Key,
    string Name,
    MetricKind Kind,
    string Measure,
    decimal Price,
    PriceBasis Basis,
    IReadOnlyList<PayerShare> Payers,
    int FromMonth = 0,
    int ToMonth = 12,
    Aggregate Aggregate = Aggregate.Sum,
    Comparison Comparison = Comparison.AtLeast,
    decimal Threshold = 0,
    decimal AssumedRate = 0,
    bool Measurable = true,
    decimal? MinimumEffect = null,
    IReadOnlyList<Tier>? Tiers = null,
    decimal? BaselineRate = null,
    decimal Share = 1,
    decimal? IsolatedSaving = null,
    decimal? CapPerMetric = null,
    Scope Scope = Scope.Pooled,
    bool CountEvents = false,
    int Repeats = 1,
    int? RepeatEveryMonths = null,
    decimal? CohortMinimumEffect = null)
{
    /// <summary>The unit and precision of <see cref="Measure"/> in the fund's measure catalogue, handed in by the runner
    /// (not part of the model file or its hash); without it explanations use the seed catalogue's (docs/measures.md).</summary>
    [System.Text.Json.Serialization.JsonIgnore] public FollowUps.MeasureFormat? Format { get; init; }
}

/// <summary>A payment model as agreed in an agreement version: its metrics, the caps across them, and the repayment
/// period (an approved amount is paid in <see cref="RepaymentYears"/> yearly instalments, apart from delivery).</summary>
public sealed record PaymentModel(
    string Investment,
    int AgreementVersion,
    IReadOnlyList<Metric> Metrics,
    decimal? CapPerParticipant = null,
    decimal? CapPerPeriod = null,
    decimal? CapContract = null,
    int RepaymentYears = 1);
