using System.Text.Json;
using Bundlinje.Common;

namespace Bundlinje.Payments;

/// <summary>
/// Which optional fields each metric kind uses: the one table a model is checked against. <c>key</c>, <c>name</c>,
/// <c>kind</c>, <c>measure</c>, <c>fromMonth</c>, <c>toMonth</c>, <c>scope</c>, <c>capPerMetric</c> and <c>payers</c> are used
/// by every kind (the scope <c>perCohortAndPooled</c> only by the aggregate kinds). A field a kind does not use with its basis must be
/// absent (or hold its neutral default, which is what a stored model
/// writes back); anything else is refused with its JSON path, never ignored.
/// </summary>
public static class MetricFields
{
    /// <summary>Each optional field with the test "is it given (not its neutral default)?".</summary>
    public static readonly IReadOnlyList<(string Field, Func<Metric, bool> IsGiven)> Optional =
    [
        ("price", m => m.Price != 0),
        ("basis", m => m.Basis != PriceBasis.PerParticipant),
        ("tiers", m => m.Tiers is not null),
        ("minimumEffect", m => m.MinimumEffect is not null),
        ("isolatedSaving", m => m.IsolatedSaving is not null),
        ("aggregate", m => m.Aggregate != Aggregate.Sum),
        ("comparison", m => m.Comparison != Comparison.AtLeast),
        ("threshold", m => m.Threshold != 0),
        ("countEvents", m => m.CountEvents),
        ("assumedRate", m => m.AssumedRate != 0),
        ("measurable", m => !m.Measurable),
        ("baselineRate", m => m.BaselineRate is not null),
        ("share", m => m.Share != 1),
        ("repeats", m => m.Repeats != 1),
        ("repeatEveryMonths", m => m.RepeatEveryMonths is not null),
        ("cohortMinimumEffect", m => m.CohortMinimumEffect is not null),
    ];

    // assumedRate: early termination (EarlyTermination.UpFront) reads it for every kind priced per participant or event.
    private static readonly string[] PerPerson =
        ["price", "basis", "tiers", "minimumEffect", "isolatedSaving", "threshold", "assumedRate", "measurable"];

    // The aggregate kinds take the same pricing vocabulary; which of these a metric uses depends on its basis (UsedWith).
    private static readonly string[] Priced =
        ["price", "basis", "tiers", "minimumEffect", "isolatedSaving", "share", "cohortMinimumEffect"];

    /// <summary>The optional fields each kind reads with some basis (MetricEvaluator): the single source for "does this kind use
    /// it".</summary>
    public static readonly IReadOnlyDictionary<MetricKind, IReadOnlySet<string>> UsedBy = new Dictionary<MetricKind, IReadOnlySet<string>>
    {
        [MetricKind.ConditionInWindow] = new HashSet<string>(
            [.. PerPerson, "aggregate", "comparison", "countEvents", "repeats", "repeatEveryMonths"]),
        [MetricKind.Milestone] = new HashSet<string>([.. PerPerson, "comparison", "repeats", "repeatEveryMonths"]),
        [MetricKind.ChangeFromBaseline] = new HashSet<string>(PerPerson),
        [MetricKind.CohortMeanChange] = new HashSet<string>([.. Priced, "threshold", "assumedRate"]),
        [MetricKind.TreatmentVsControl] = new HashSet<string>(Priced),
        [MetricKind.RateVsBaseline] = new HashSet<string>(
            [.. Priced.Except(["share"]), "comparison", "threshold", "baselineRate", "assumedRate"]),
    };

    /// <summary>The comparison kinds: priced on the group's result (avoided events, treated persons, share of saving, flat).</summary>
    public static bool IsAggregate(MetricKind kind) => kind is MetricKind.TreatmentVsControl or MetricKind.RateVsBaseline
        or MetricKind.CohortMeanChange;

    /// <summary>The bases each kind takes. <c>perParticipant</c> is also the neutral default a stored model writes back, so
    /// on an aggregate kind it means the kind's default (<see cref="Effective"/>). <c>shareOfSaving</c> needs a measure in
    /// kroner, so a rate of events (<c>rateVsBaseline</c>) does not take it.</summary>
    public static readonly IReadOnlyDictionary<MetricKind, IReadOnlyList<PriceBasis>> Bases =
        new Dictionary<MetricKind, IReadOnlyList<PriceBasis>>
        {
            [MetricKind.ConditionInWindow] = [PriceBasis.PerParticipant, PriceBasis.PerEvent, PriceBasis.Flat],
            [MetricKind.Milestone] = [PriceBasis.PerParticipant, PriceBasis.PerEvent, PriceBasis.Flat],
            [MetricKind.ChangeFromBaseline] = [PriceBasis.PerParticipant, PriceBasis.PerEvent, PriceBasis.Flat],
            [MetricKind.TreatmentVsControl] = [PriceBasis.ShareOfSaving, PriceBasis.PerAvoidedEvent, PriceBasis.PerTreatedPerson,
            PriceBasis.Flat],
            [MetricKind.RateVsBaseline] = [PriceBasis.PerAvoidedEvent, PriceBasis.PerTreatedPerson, PriceBasis.Flat],
            [MetricKind.CohortMeanChange] = [PriceBasis.PerTreatedPerson, PriceBasis.PerAvoidedEvent, PriceBasis.ShareOfSaving,
            PriceBasis.Flat],
        };

    /// <summary>The basis a metric is paid on: its own, or for an aggregate kind without one (<c>perParticipant</c>, the
    /// neutral default) the kind's first basis — <c>shareOfSaving</c> for treatmentVsControl (UngiFokus and every model
    /// stored before priced comparisons), <c>perAvoidedEvent</c> for rateVsBaseline, <c>perTreatedPerson</c> for
    /// cohortMeanChange.</summary>
    public static PriceBasis Effective(Metric m) => IsAggregate(m.Kind) && m.Basis == PriceBasis.PerParticipant ? Bases[m.Kind][0]
        : m.Basis;

    /// <summary>The fields a metric reads with its basis: <c>share</c> only with shareOfSaving, which in turn takes no
    /// price, tiers or isolated saving (the saving is measured, not priced); a flat sum is not capped per unit;
    /// <c>cohortMinimumEffect</c> only with the scope perCohortAndPooled.</summary>
    public static IReadOnlySet<string> UsedWith(Metric m)
    {
        var used = new HashSet<string>(UsedBy[m.Kind]);
        if (!IsAggregate(m.Kind)) return used;
        var basis = Effective(m);
        if (basis == PriceBasis.ShareOfSaving) used.ExceptWith(["price", "tiers", "isolatedSaving"]);
        else used.Remove("share");
        if (basis == PriceBasis.Flat) used.Remove("isolatedSaving");
        if (m.Scope != Scope.PerCohortAndPooled) used.Remove("cohortMinimumEffect");
        return used;
    }

    private static string BasisName(PriceBasis basis) => JsonNamingPolicy.CamelCase.ConvertName(basis.ToString());

    /// <summary>The kind's name as written in a model file (<c>treatmentVsControl</c>).</summary>
    public static string Name(MetricKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    /// <summary>"$.model.metrics[0].price: bruges ikke af treatmentVsControl …" for each given field the kind does not use.</summary>
    public static IEnumerable<Refusal> Unused(Metric m, string path)
    {
        if (!Bases[m.Kind].Contains(m.Basis) && !(IsAggregate(m.Kind) && m.Basis == PriceBasis.PerParticipant))
        {
            yield return Refusal.At($"{path}.basis", "paymentModel.basisNotForKind", BasisName(m.Basis), Name(m.Kind),
                string.Join(", ", Bases[m.Kind].Select(BasisName)));
            yield break; // which other fields are used depends on the basis
        }
        var used = UsedWith(m);
        foreach (var f in Optional.Where(f => !used.Contains(f.Field) && f.IsGiven(m)))
            yield return !UsedBy[m.Kind].Contains(f.Field) ? Refusal.At($"{path}.{f.Field}", "paymentModel.fieldUnused", Name(m.Kind))
                : f.Field == "cohortMinimumEffect" ? Refusal.At($"{path}.cohortMinimumEffect", "paymentModel.cohortMinimumOnlyPooled")
                : Refusal.At($"{path}.{f.Field}", "paymentModel.fieldUnusedWithBasis", Name(m.Kind), BasisName(Effective(m)));
    }
}
