using System.Text.Json;

namespace Bundlinje.Payments;

/// <summary>
/// Which optional fields each metric kind uses: the one table a model is checked against. <c>key</c>, <c>name</c>,
/// <c>kind</c>, <c>measure</c>, <c>fromMonth</c>, <c>toMonth</c>, <c>scope</c>, <c>capPerMetric</c> and <c>payers</c> are used
/// by every kind. A field a kind does not use must be absent (or hold its neutral default, which is what a stored model
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
    ];

    // assumedRate: early termination (EarlyTermination.UpFront) reads it for every kind priced per participant or event.
    private static readonly string[] PerPerson = ["price", "basis", "tiers", "minimumEffect", "isolatedSaving", "threshold", "assumedRate", "measurable"];

    /// <summary>The optional fields each kind reads (MetricEvaluator): the single source for "does this kind use it".</summary>
    public static readonly IReadOnlyDictionary<MetricKind, IReadOnlySet<string>> UsedBy = new Dictionary<MetricKind, IReadOnlySet<string>>
    {
        [MetricKind.ConditionInWindow] = new HashSet<string>([.. PerPerson, "aggregate", "comparison", "countEvents", "repeats", "repeatEveryMonths"]),
        [MetricKind.Milestone] = new HashSet<string>([.. PerPerson, "comparison", "repeats", "repeatEveryMonths"]),
        [MetricKind.ChangeFromBaseline] = new HashSet<string>(PerPerson),
        [MetricKind.CohortMeanChange] = new HashSet<string>(["price", "basis", "tiers", "minimumEffect", "isolatedSaving", "threshold", "assumedRate"]),
        [MetricKind.TreatmentVsControl] = new HashSet<string>(["share", "minimumEffect"]),
        [MetricKind.RateVsBaseline] = new HashSet<string>(["price", "basis", "tiers", "minimumEffect", "isolatedSaving", "comparison", "threshold", "baselineRate", "assumedRate"]),
    };

    /// <summary>The kind's name as written in a model file (<c>treatmentVsControl</c>).</summary>
    public static string Name(MetricKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    /// <summary>"$.model.metrics[0].price: bruges ikke af treatmentVsControl …" for each given field the kind does not use.</summary>
    public static IEnumerable<string> Unused(Metric m, string path) =>
        Optional.Where(f => !UsedBy[m.Kind].Contains(f.Field) && f.IsGiven(m))
            .Select(f => $"{path}.{f.Field}: feltet bruges ikke af {Name(m.Kind)} og afvises; fjern det.");
}
