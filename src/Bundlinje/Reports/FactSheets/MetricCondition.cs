using Bundlinje.Payments;

namespace Bundlinje.Reports.FactSheets;

/// <summary>What triggers a metric's payment, per kind, as the clause after "hvis"/"når" ("if"/"when") in
/// <see cref="PaymentModelInWords"/>. Every <see cref="MetricKind"/> has its Danish and English clause here.</summary>
internal static class MetricCondition
{
    /// <param name="measure">The measure's name, quoted.</param>
    /// <param name="window">"i måned 0–6 efter start" / "in months 0–6 after enrolment".</param>
    /// <param name="threshold">The threshold in the measure's unit.</param>
    public static string Text(Metric m, string measure, string window, string threshold, bool en) => m.Kind switch
    {
        MetricKind.ConditionInWindow => en
            ? $"the {Aggregate(m.Aggregate, en)} of {measure} is {Compare(m.Comparison, en)} {threshold} {window}"
            : $"{Aggregate(m.Aggregate, en)} af {measure} er {Compare(m.Comparison, en)} {threshold} {window}",
        MetricKind.Milestone => en
            ? $"{measure} is at some point {Compare(m.Comparison, en)} {threshold} {window}"
            : $"{measure} på et tidspunkt er {Compare(m.Comparison, en)} {threshold} {window}",
        MetricKind.ChangeFromBaseline => en
            ? $"{measure} {window} has fallen at least {PaymentModelInWords.Percent(m.Threshold)} from its level at enrolment"
            : $"{measure} {window} er faldet mindst {PaymentModelInWords.Percent(m.Threshold)} fra niveauet ved start",
        MetricKind.CohortMeanChange => (en
            ? $"the cohort's mean fall in {measure} {window} from its level at enrolment"
            : $"kohortens gennemsnitlige fald i {measure} {window} fra niveauet ved start")
            + (m.Threshold > 0 ? (en ? " is at least " : " er mindst ") + PaymentModelInWords.Percent(m.Threshold)
                : en ? " is above 0 %" : " er over 0 %"),
        MetricKind.TreatmentVsControl => en
            ? $"the treatment group has less {measure} than the control group {window} (the difference per treated participant)"
            : $"indsatsgruppen har mindre {measure} end kontrolgruppen {window} (forskellen pr. behandlet deltager)",
        MetricKind.RateVsBaseline => (en
            ? $"the share of participants with {measure} {window} is below the baseline of "
            : $"andelen af deltagere med {measure} {window} er lavere end grundniveauet på ")
            + PaymentModelInWords.Percent(m.BaselineRate ?? 0m) + (m.Threshold == 0 ? ""
                : en ? $" (an event: a value {Compare(m.Comparison, en)} {threshold})"
                : $" (en hændelse: en værdi {Compare(m.Comparison, en)} {threshold})"),
        _ => throw new ArgumentOutOfRangeException(nameof(m), m.Kind, null),
    };

    private static string Aggregate(Payments.Aggregate aggregate, bool en) => aggregate switch
    {
        Payments.Aggregate.Max => en ? "highest value" : "den højeste værdi",
        Payments.Aggregate.Min => en ? "lowest value" : "den laveste værdi",
        Payments.Aggregate.Mean => en ? "mean" : "gennemsnittet",
        Payments.Aggregate.Last => en ? "latest value" : "den seneste værdi",
        _ => en ? "sum" : "summen",
    };

    private static string Compare(Comparison comparison, bool en) =>
        comparison == Comparison.AtMost ? en ? "at most" : "højst" : en ? "at least" : "mindst";
}
