using Bundlinje.FollowUps;
using Bundlinje.Payments;
using Bundlinje.Reports.FactSheets;

namespace Bundlinje.Tests.Reports;

/// <summary>The payment model in words (a fact sheet's "Investeringsmodel"): one small hand-written metric per kind, its
/// Danish and English sentence checked word for word.</summary>
public sealed class PaymentModelInWordsTests
{
    private static Measure M(string code, string da, string en, MeasureUnit unit, int decimals = 0) =>
        new() { Code = code, NameDa = da, NameEn = en, Unit = unit, Decimals = decimals };

    private static readonly Measure Shelter = M("shelter-days", "Dage på forsorgshjem", "Days in a shelter", MeasureUnit.Days);
    private static readonly Measure Exam = M("fsa-passed", "Bestået 9.-klasseprøve", "Passed the 9th grade exam", MeasureUnit.YesNo);
    private static readonly Measure HbA1c = M("hba1c", "HbA1c", "HbA1c", MeasureUnit.MmolPerMol, 1);
    private static readonly Measure Income = M("transfer-income", "Overførselsindkomst", "Transfer income", MeasureUnit.Kroner);
    private static readonly Measure Dropout = M("dropout", "Frafaldet", "Dropout", MeasureUnit.Events, 4);

    private static readonly Metric ConditionInWindow = new("bolig", "Stabil bolig", MetricKind.ConditionInWindow, "shelter-days", 10_000m,
        PriceBasis.PerParticipant, [new("SFB", 1m)], ToMonth: 6, Comparison: Comparison.AtMost, Threshold: 5m, Repeats: 8,
        RepeatEveryMonths: 6);

    private static readonly Metric Milestone = new("fsa", "FSA", MetricKind.Milestone, "fsa-passed", 20_000m, PriceBasis.PerParticipant,
        [new("SFB", 0.5m), new("Børn og Unge", 0.5m)], ToMonth: 24, Threshold: 1m);

    private static readonly Metric ChangeFromBaseline = new("hba1c", "HbA1c", MetricKind.ChangeFromBaseline, "hba1c", 80_000m,
        PriceBasis.PerParticipant, [new("Sundhed og Omsorg", 1m)], Threshold: 0.085m, IsolatedSaving: 60_000m);

    private static readonly Metric CohortMeanChange = new("mean", "Gennemsnit", MetricKind.CohortMeanChange, "hba1c", 5_000m,
        PriceBasis.PerTreatedPerson, [new("Sundhed og Omsorg", 1m)], Threshold: 0.05m, MinimumEffect: 0.02m);

    private static readonly Metric TreatmentVsControl = new("ydelser", "Ydelser", MetricKind.TreatmentVsControl, "transfer-income", 0m,
        PriceBasis.PerParticipant, [new("SFB", 1m)], ToMonth: 36, MinimumEffect: 0.05m, Share: 0.5m, CapPerMetric: 1_000_000m,
        Scope: Scope.PerCohortAndPooled, CohortMinimumEffect: 0.1m);

    private static readonly Metric RateVsBaseline = new("frafald", "Frafald", MetricKind.RateVsBaseline, "dropout", 0m,
        PriceBasis.PerAvoidedEvent, [new("SOSU Østjylland", 1m)], ToMonth: 6, Tiers: [new(0.10m, 40_000m), new(0.05m, 33_000m)],
        BaselineRate: 0.131m);

    [Fact]
    public void A_condition_in_a_window_is_paid_per_participant_per_repeated_window()
    {
        Assert.Equal("Der udbetales 10.000 kr. pr. deltager, hvis summen af »Dage på forsorgshjem« er højst 5 dage i måned 0–6 efter " +
            "start, gentaget 8 gange med 6 måneders mellemrum; betales af SFB (100 %).",
            PaymentModelInWords.Metric(ConditionInWindow, "da", Shelter));
        Assert.Equal("10.000 kr. is paid per participant if the sum of “Days in a shelter” is at most 5 days in months 0–6 after " +
            "enrolment, repeated 8 times every 6 months; paid by SFB (100 %).",
                PaymentModelInWords.Metric(ConditionInWindow, "en", Shelter));
    }

    [Fact]
    public void A_milestone_names_its_payers_and_their_shares()
    {
        Assert.Equal("Der udbetales 20.000 kr. pr. deltager, hvis »Bestået 9.-klasseprøve« på et tidspunkt er mindst 1 i måned 0–24 " +
            "efter start; betales af SFB (50 %) og Børn og Unge (50 %).", PaymentModelInWords.Metric(Milestone, "da", Exam));
        Assert.Equal("20.000 kr. is paid per participant if “Passed the 9th grade exam” is at some point at least 1 in months 0–24 " +
            "after enrolment; paid by SFB (50 %) and Børn og Unge (50 %).", PaymentModelInWords.Metric(Milestone, "en", Exam));
    }

    [Fact]
    public void A_change_from_baseline_states_the_fall_and_the_isolated_saving()
    {
        Assert.Equal("Der udbetales 80.000 kr. pr. deltager, hvis »HbA1c« i måned 0–12 efter start er faldet mindst 8,5 % fra " +
            "niveauet ved start; prisen er højst den isolerede besparelse på 60.000 kr.; betales af Sundhed og Omsorg (100 %).",
            PaymentModelInWords.Metric(ChangeFromBaseline, "da", HbA1c));
        Assert.Equal("80.000 kr. is paid per participant if “HbA1c” in months 0–12 after enrolment has fallen at least 8,5 % from its " +
            "level at enrolment; the price is at most the isolated saving of 60.000 kr.; paid by Sundhed og Omsorg (100 %).",
            PaymentModelInWords.Metric(ChangeFromBaseline, "en", HbA1c));
    }

    [Fact]
    public void A_cohorts_mean_change_is_paid_per_treated_participant_above_the_minimum_effect()
    {
        Assert.Equal("Der udbetales 5.000 kr. pr. behandlet deltager, når kohortens gennemsnitlige fald i »HbA1c« i måned 0–12 efter " +
            "start fra niveauet ved start er mindst 5 %; intet udbetales under en effekt på 2 %; betales af Sundhed og Omsorg (100 %).",
            PaymentModelInWords.Metric(CohortMeanChange, "da", HbA1c));
        Assert.Equal("5.000 kr. is paid per treated participant when the cohort's mean fall in “HbA1c” in months 0–12 after enrolment " +
            "from its level at enrolment is at least 5 %; nothing is paid below an effect of 2 %; paid by Sundhed og Omsorg (100 %).",
            PaymentModelInWords.Metric(CohortMeanChange, "en", HbA1c));
    }

    [Fact]
    public void Treatment_against_control_pays_a_share_of_the_saving_per_cohort_and_pooled_with_a_cap()
    {
        Assert.Equal("Der udbetales 50 % af besparelsen, når indsatsgruppen har mindre »Overførselsindkomst« end kontrolgruppen i " +
            "måned 0–36 efter start (forskellen pr. behandlet deltager); intet udbetales under en effekt på 5 %; opgøres pr. kohorte " +
            "(fra en effekt på 10 %) og samlet; højst 1.000.000 kr. i alt for effektmålet; betales af SFB (100 %).",
            PaymentModelInWords.Metric(TreatmentVsControl, "da", Income));
        Assert.Equal("50 % of the saving is paid when the treatment group has less “Transfer income” than the control group in " +
            "months 0–36 after enrolment (the difference per treated participant); nothing is paid below an effect of 5 %; settled " +
            "per cohort (from an effect of 10 %) and pooled; at most 1.000.000 kr. in total for this metric; paid by SFB (100 %).",
            PaymentModelInWords.Metric(TreatmentVsControl, "en", Income));
    }

    [Fact]
    public void A_rate_against_a_baseline_is_paid_per_avoided_event_by_tier()
    {
        Assert.Equal("Der udbetales prisen efter trin (fra en effekt på 5 %: 33.000 kr., fra en effekt på 10 %: 40.000 kr.) pr. " +
            "undgået hændelse, når andelen af deltagere med »Frafaldet« i måned 0–6 efter start er lavere end grundniveauet på " +
            "13,1 %; betales af SOSU Østjylland (100 %).", PaymentModelInWords.Metric(RateVsBaseline, "da", Dropout));
        Assert.Equal("The price by tier (from an effect of 5 %: 33.000 kr., from an effect of 10 %: 40.000 kr.) is paid per " +
            "avoided event when the share of participants with “Dropout” in months 0–6 after enrolment is below the baseline of " +
            "13,1 %; paid by SOSU Østjylland (100 %).", PaymentModelInWords.Metric(RateVsBaseline, "en", Dropout));
    }

    [Fact]
    public void Counted_events_and_an_unmeasurable_metric_say_so()
    {
        var metric = ConditionInWindow with
        {
            Basis = PriceBasis.PerEvent,
            CountEvents = true,
            Measurable = false,
            AssumedRate = 0.4m,
            Repeats = 1,
            RepeatEveryMonths = null,
        };
        Assert.Equal("Der udbetales 10.000 kr. pr. hændelse, hvis summen af »Dage på forsorgshjem« er højst 5 dage i måned 0–6 efter " +
            "start; hver hændelse tælles; kan ikke måles: betales ud fra en antaget succesrate på 40 %; betales af SFB (100 %).",
            PaymentModelInWords.Metric(metric, "da", Shelter));
        Assert.Equal("10.000 kr. is paid per event if the sum of “Days in a shelter” is at most 5 days in months 0–6 after " +
            "enrolment; each event counts; cannot be measured: paid on an assumed success rate of 40 %; paid by SFB (100 %).",
            PaymentModelInWords.Metric(metric, "en", Shelter));
    }

    [Fact]
    public void The_models_caps_and_instalments_are_one_sentence_after_the_metrics()
    {
        var model = new PaymentModel("x", 1, [ConditionInWindow, Milestone], CapPerParticipant: 50_000m, CapContract: 2_000_000m,
            RepaymentYears: 3);
        var measures = new Dictionary<string, Measure> { [Shelter.Code] = Shelter, [Exam.Code] = Exam };
        Assert.Equal([PaymentModelInWords.Metric(ConditionInWindow, "da", Shelter), PaymentModelInWords.Metric(Milestone, "da", Exam),
            "Loft pr. deltager 50.000 kr.; loft for hele aftalen 2.000.000 kr.; godkendte beløb betales i 3 årlige rater."],
            PaymentModelInWords.Describe(model, "da", measures));
        Assert.Equal("Cap per participant 50.000 kr.; cap for the whole agreement 2.000.000 kr.; approved amounts are paid in 3 " +
            "yearly instalments.", PaymentModelInWords.Caps(model, "en"));
        Assert.Equal("Loft pr. deltager 50.000 kr.", PaymentModelInWords.Caps(model with { CapContract = null, RepaymentYears = 1 }, "da"));
        Assert.Null(PaymentModelInWords.Caps(model with { CapPerParticipant = null, CapContract = null, RepaymentYears = 1 }, "da"));
    }

    [Fact]
    public void Every_metric_kind_has_a_sentence_here_and_each_test_model_is_a_valid_model_file()
    {
        var metrics = new[] { ConditionInWindow, Milestone, ChangeFromBaseline, CohortMeanChange, TreatmentVsControl, RateVsBaseline };
        Assert.Equal(Enum.GetValues<MetricKind>().Order(), metrics.Select(m => m.Kind).Order());
        // the hand-written metrics are ones the model file accepts (no field a kind does not use)
        var model = PaymentModelFile.Read(PaymentModelFile.Write(new PaymentModel("x", 1, metrics)));
        Assert.Equal(metrics.Length, model.Metrics.Count);
    }
}
