using Bundlinje.BusinessCases;
using Bundlinje.Common;
using Bundlinje.Payments;

namespace Bundlinje.Tests.Payments;

/// <summary>The payment-model editor's form model and its preview: the one conversion to and from <see cref="PaymentModel"/>,
/// the JSON paths of refusals mapped to the form's fields, and the preview's amounts through the engine.</summary>
public sealed class PaymentModelFormTests
{
    public static TheoryData<string> DemoModels() => new(typeof(PaymentModel).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith("Bundlinje.Payments.demo-models.", StringComparison.Ordinal)).Order(StringComparer.Ordinal));

    private static string Resource(string name)
    {
        using var stream = typeof(PaymentModel).Assembly.GetManifestResourceStream(name)!;
        return new StreamReader(stream).ReadToEnd();
    }

    [Theory]
    [MemberData(nameof(DemoModels))]
    public void Every_demo_model_comes_back_from_the_form_unchanged(string resource)
    {
        var model = PaymentModelFile.Read(Resource(resource));
        var back = PaymentModelForm.From(model).ToModel();
        Assert.Equal(PaymentModelFile.Write(model), PaymentModelFile.Write(back));
        Assert.Equal(PaymentModelFile.Hash(model), PaymentModelFile.Hash(back));
    }

    [Fact]
    public void The_demo_models_use_four_of_the_kinds_and_every_kind_round_trips()
    {
        var kinds = DemoModels().Select(r => (string)r.Data).SelectMany(r => PaymentModelFile.Read(Resource(r)).Metrics).Select(m => m.Kind)
            .ToHashSet();
        Assert.Superset(new HashSet<MetricKind> { MetricKind.ConditionInWindow, MetricKind.Milestone, MetricKind.ChangeFromBaseline,
            MetricKind.CohortMeanChange, MetricKind.RateVsBaseline }, kinds);
        // The kind no demo model has (treatmentVsControl, UngiFokus) with a share of the saving and the per-cohort-and-pooled scope.
        var ungifokus = new PaymentModel("ungifokus", 1, [new Metric("overforsel", "Overførsel", MetricKind.TreatmentVsControl,
            "transfer-income", 0, PriceBasis.PerParticipant, [new PayerShare("SFB", 0.6m), new PayerShare("Beskæftigelse", 0.4m)],
            Share: 0.5m, MinimumEffect: 0.05m, Scope: Scope.PerCohortAndPooled, CohortMinimumEffect: 0.1m, CapPerMetric: 1_000_000m)],
            CapContract: 5_000_000m, RepaymentYears: 3);
        Assert.Empty(PaymentModelFile.Problems(ungifokus));
        Assert.Equal(PaymentModelFile.Hash(ungifokus), PaymentModelFile.Hash(PaymentModelForm.From(ungifokus).ToModel()));
    }

    [Fact]
    public void A_field_the_kind_does_not_use_is_dropped_and_spare_rows_are_left_out()
    {
        var form = PaymentModelForm.From(PaymentModelFile.Read(Resource("Bundlinje.Payments.demo-models.dialog-mod-vold.json")));
        var row = form.Metrics[0];
        row.Kind = MetricKind.TreatmentVsControl; // still holds the milestone's threshold and price
        row.Payers.Insert(0, new PayerForm());
        row.Tiers.Add(new TierForm());
        var metric = form.ToModel().Metrics[0];
        Assert.Equal(0m, metric.Threshold);
        Assert.Single(metric.Payers);
        Assert.Null(metric.Tiers);
        Assert.Contains("share", row.Shown());
        Assert.DoesNotContain("threshold", row.Shown());
    }

    [Fact]
    public void A_refusal_path_names_the_form_field_counting_the_rows_the_form_shows()
    {
        var form = new PaymentModelForm
        {
            Investment = "x",
            Metrics = [new MetricForm(), new MetricForm
            {
                Payers = [new PayerForm(), new PayerForm { Payer = "SFB", Share = 2 }],
                Tiers = [new TierForm(), new TierForm(), new TierForm { FromEffect = 0.1m, Price = 0.001m }],
            }],
        };
        Assert.Equal("Form.Metrics[1].Price", form.FieldOf("$.model.metrics[1].price"));
        Assert.Equal("Form.Metrics[1].Payers[1].Share", form.FieldOf("$.model.metrics[1].payers[0].share"));
        Assert.Equal("Form.Metrics[1].Tiers[2].Price", form.FieldOf("$.model.metrics[1].tiers[0].price"));
        Assert.Equal("Form.CapContract", form.FieldOf("$.model.capContract"));
        Assert.Equal("Form.Metrics", form.FieldOf("$.model.metrics"));
        Assert.Null(form.FieldOf("$.model.investment"));
        Assert.Null(form.FieldOf("$.format"));
        // the file's own checks name those paths
        var problems = PaymentModelFile.Problems(form.ToModel()).Select(p => form.FieldOf(p.Field)).ToList();
        Assert.Contains("Form.Metrics[1].Payers[1].Share", problems);
        Assert.Contains("Form.Metrics[1].Tiers[2].Price", problems);
    }

    private static BusinessCase Case(params Outcome[] outcomes) => new("x", 1, null, "Test", 2025, 10, 2025, null,
        [new YearCount(2025, 10), new YearCount(2026, 20)], [], [new BudgetHolder("k", "MSB", true, PublicLevel.Municipality,
            CeilingType.Service, true)], outcomes, ["test"]);

    private static Outcome Outcome(string key, decimal rate) => new(key, key, rate, 1, 1, 0.5m, []);

    private static Metric Job(string key = "job", decimal price = 1000m) => new(key, "Job", MetricKind.ConditionInWindow, "employed",
        price, PriceBasis.PerParticipant, [new PayerShare("SFB", 0.75m), new PayerShare("MSB", 0.25m)], ToMonth: 12,
        Aggregate: Aggregate.Max, Threshold: 1);

    [Fact]
    public void The_preview_pays_the_planned_cohorts_successes_in_the_year_their_window_ends()
    {
        // Cohort 2025 (10, enrolled 1 July 2025): window ends 1 July 2026 → round(10 × 0,35) = 4 × 1.000 in 2026;
        // cohort 2026 (20): round(20 × 0,35) = 7 × 1.000 in 2027. Split 75/25.
        var model = new PaymentModel("x", 1, [Job()]);
        var preview = ModelPreview.Expected(model, [Case(Outcome("job", 0.35m))]);
        Assert.Equal([(2026, 4000m), (2027, 7000m)], preview.Years.Select(y => (y.Year, y.Payable)));
        Assert.Equal(11_000m, preview.Total);
        Assert.Equal([new PayerPayment("MSB", 2750m), new PayerPayment("SFB", 8250m)], preview.ByPayer);
        Assert.Equal("key", preview.Links[0].MatchedBy);
    }

    [Fact]
    public void The_preview_matches_an_outcome_by_position_applies_the_caps_and_tiers_and_leaves_out_what_it_cannot_price()
    {
        var tiered = Job("andet", 0) with { Tiers = [new Tier(0.5m, 2000m), new Tier(0.8m, 3000m)] };
        var model = new PaymentModel("x", 1, [tiered], CapContract: 25_000m);
        // position: metric 1 ↔ outcome 1; effect 0,8 reaches the 3.000 tier: 8 × 3.000 = 24.000 in 2026, then 16 × 3.000
        // = 48.000 in 2027, capped by what is left of the contract (1.000).
        var preview = ModelPreview.Expected(model, [Case(Outcome("bolig", 0.8m))]);
        Assert.Equal("position", preview.Links[0].MatchedBy);
        Assert.Equal([(2026, 24_000m), (2027, 1_000m)], preview.Years.Select(y => (y.Year, y.Payable)));
        var share = new Metric("saving", "Besparelse", MetricKind.TreatmentVsControl, "benefit-cost", 0, PriceBasis.ShareOfSaving,
            [new PayerShare("SFB", 1)], Share: 0.5m);
        var none = ModelPreview.Expected(new PaymentModel("x", 1, [share]), [Case(Outcome("saving", 0.5m))]);
        Assert.Equal(0m, none.Total);
        Assert.Contains(none.Notes, n => n.Contains("andel af en målt besparelse"));
    }

    [Fact]
    public void A_metric_paid_at_its_assumed_rate_takes_no_outcome_and_a_huge_plan_is_not_previewed()
    {
        var assumed = Job("familie", 500m) with { Measurable = false, AssumedRate = 0.5m, Threshold = 0 };
        var preview = ModelPreview.Expected(new PaymentModel("x", 1, [assumed, Job("andet")]), [Case(Outcome("bolig", 0.35m))]);
        // the position is the metric's place in the model: the 2nd metric has no 2nd outcome, and is left out
        Assert.Equal(["assumed", null], preview.Links.Select(l => l.MatchedBy));
        Assert.Contains(preview.Notes, n => n.StartsWith("Job: intet udfald", StringComparison.Ordinal));
        // 10 × 0,5 × 500 in 2026; 20 × 0,5 × 500 in 2027
        Assert.Equal([(2026, 2500m), (2027, 5000m)], preview.Years.Select(y => (y.Year, y.Payable)));
        var huge = Case(Outcome("job", 0.5m)) with { Participants = [new YearCount(2025, ModelPreview.MaxParticipants + 1)] };
        var none = ModelPreview.Expected(new PaymentModel("x", 1, [Job()]), [huge]);
        Assert.Empty(none.Years);
        Assert.Contains(none.Notes, n => n.Contains("højst 20.000"));
    }

    [Fact]
    public void A_run_line_is_repriced_with_the_models_prices()
    {
        var line = new Bundlinje.FollowUps.RunMetric("job", "Job", "Alle", 10, 4, 4, 0.4m, 500m, 2000m, 2000m, "", 2000m);
        var run = new Bundlinje.FollowUps.RunResult("x", new DateOnly(2025, 12, 31), 1, [line], 2000m, 2000m, 0m, 2000m, [], [], []);
        var preview = ModelPreview.OnRun(new PaymentModel("x", 1, [Job(price: 1250m), Job("ny")]), run);
        Assert.Equal(5000m, preview.Entitled); // 4 × 1.250
        Assert.Equal(2000m, preview.RunEntitled);
        Assert.Equal(["Job"], preview.Missing);
        Assert.Equal([new PayerPayment("MSB", 1250m), new PayerPayment("SFB", 3750m)], preview.ByPayer);
    }
}
