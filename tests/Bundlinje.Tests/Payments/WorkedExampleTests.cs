using Bundlinje.Payments;

namespace Bundlinje.Tests.Payments;

/// <summary>One hand-checked example per metric kind, shaped on the Aarhus portfolio (domain.md §3). Prices are
/// illustrative: the sources publish the models, not the contracts' unit prices.</summary>
public sealed class WorkedExampleTests
{
    private static readonly DateOnly Jan2024 = new(2024, 1, 1);
    private static readonly DateOnly AsOf = new(2024, 12, 31);
    private static readonly PayerShare[] Sfb = [new("SFB", 1m)];

    private static Person P(string id, DateOnly? enrolled = null, string cohort = "1",
        ParticipantGroup group = ParticipantGroup.Treatment) =>
        new(id, cohort, group, enrolled ?? Jan2024);

    private static Observation O(string person, string measure, int month, decimal value) =>
        new(person, measure, Jan2024.AddMonths(month), Jan2024.AddMonths(month + 1).AddDays(-1), value);

    private static List<MetricResult> Run(Metric metric, IEnumerable<Person> people, params Observation[] observations) =>
        MetricEvaluator.Evaluate(metric, people.ToList(), new InMemoryObservations(observations), AsOf).ToList();

    [Fact]
    public void Housing_first_pays_per_young_person_meeting_each_condition_within_six_months_capped_per_person()
    {
        var shelter = new Metric("bolig", "Højst 5 dage på forsorgshjem", MetricKind.ConditionInWindow, "shelter-days", 20_000m,
            PriceBasis.PerParticipant, Sfb,
            ToMonth: 6, Aggregate: Aggregate.Sum, Comparison: Comparison.AtMost, Threshold: 5);
        var job = new Metric("job", "Beskæftigelsesgrad ≥ 25 %", MetricKind.ConditionInWindow, "employment-degree", 15_000m,
            PriceBasis.PerParticipant,
            [new("SFB", 0.5m), new("Beskæftigelse", 0.5m)], ToMonth: 6, Aggregate: Aggregate.Max, Threshold: 0.25m);
        var education = new Metric("uddannelse", "SU-berettiget uddannelse", MetricKind.Milestone, "su-education", 10_000m,
            PriceBasis.PerParticipant, Sfb, ToMonth: 6, Threshold: 1);
        var people = new[] { P("a"), P("b"), P("c"), P("d", new DateOnly(2024, 9, 1)) }; // d's window ends after the as-of date
        Observation[] data =
        [
            O("a", "shelter-days", 0, 2), O("a", "shelter-days", 1, 2), O("a", "shelter-days", 2, 1), O("a", "employment-degree", 3, 0.30m),
            O("b", "shelter-days", 0, 3), O("b", "shelter-days", 4, 3), O("b", "su-education", 2, 1),
            O("b", "shelter-days", 7, 30), // after the window: does not count
        ];
        var results = new[] { shelter, job, education }.SelectMany(m => Run(m, people, data)).ToList();
        Assert.Equal([(3, 2, 40_000m), (3, 1, 15_000m), (3, 1, 10_000m)], results.Select(r => (r.Eligible, r.Achieved, r.Amount)));

        var model = new PaymentModel("housing-first", 1, [shelter, job, education], CapPerParticipant: 30_000m);
        var settled = Settler.Settle(model, results,
            [new Investor("Den Sociale Investeringsfond", 1_500_000m), new Investor("Fonden", 500_000m)]);
        Assert.Equal(65_000m, settled.Gross);
        Assert.Equal(60_000m, settled.Capped); // a: 20.000 + 15.000 capped at 30.000
        // a's 5.000 over the cap comes off the later metric (job), which Beskæftigelse shares 50/50
        Assert.Equal([new PayerPayment("Beskæftigelse", 5_000m), new PayerPayment("SFB", 55_000m)], settled.ByPayer);
        Assert.Equal([45_000m, 15_000m], settled.ByInvestor.Select(i => i.Amount));
    }

    [Fact]
    public void Laer_for_livet_pays_per_milestone_reached()
    {
        var exam = new Metric("fsa", "Bestået 9.-klasseprøve", MetricKind.Milestone, "fsa-passed", 50_000m, PriceBasis.PerParticipant, Sfb,
            ToMonth: 12, Threshold: 1);
        var result = Assert.Single(
            Run(exam, [P("a"), P("b"), P("c")], O("a", "fsa-passed", 5, 1), O("b", "fsa-passed", 5, 0), O("c", "fsa-passed", 11, 1)));
        Assert.Equal((3, 2, 100_000m), (result.Eligible, result.Achieved, result.Amount));
    }

    private static readonly Metric Hba1c = new("hba1c", "HbA1c reduceret ≥ 8,5 %", MetricKind.ChangeFromBaseline, "hba1c", 25_000m,
        PriceBasis.PerParticipant, Sfb,
        FromMonth: 1, ToMonth: 12, Threshold: 0.085m, AssumedRate: 0.31m, MinimumEffect: 0.31m,
            Tiers: [new(0.31m, 25_000m), new(0.5m, 30_000m)]);

    private static readonly Observation[] Hba1cData =
    [
        new("a", "hba1c", new(2023, 12, 1), new(2023, 12, 1), 60), new("a", "hba1c", new(2024, 11, 1), new(2024, 11, 1), 54),     // −10 %
        new("b", "hba1c", new(2023, 12, 1), new(2023, 12, 1), 70), new("b", "hba1c", new(2024, 11, 1), new(2024, 11, 1), 66),     // −5,7 %
        new("c", "hba1c", new(2023, 12, 15), new(2023, 12, 15), 50), new("c", "hba1c", new(2024, 10, 1), new(2024, 10, 1), 45.5m), // −9 %
    ];

    [Fact]
    public void Diabetes_pays_per_citizen_whose_hba1c_fell_at_the_step_tier_the_cohort_reached()
    {
        var result = Assert.Single(Run(Hba1c, [P("a"), P("b"), P("c")], Hba1cData));
        Assert.Equal((2, 30_000m, 60_000m), (result.Achieved, result.Price, result.Amount)); // 2 of 3 = 67 % ≥ 50 % tier
        var belowMinimum = Assert.Single(Run(Hba1c with { MinimumEffect = 0.7m }, [P("a"), P("b"), P("c")], Hba1cData));
        Assert.Equal(0m, belowMinimum.Amount);
    }

    [Fact]
    public void Diabetes_collective_metric_pays_on_the_cohorts_mean_reduction()
    {
        var mean = new Metric("hba1c-mean", "Gennemsnitlig HbA1c-reduktion", MetricKind.CohortMeanChange, "hba1c", 0m, PriceBasis.Flat, Sfb,
            FromMonth: 1, ToMonth: 12, MinimumEffect: 0.05m, Tiers: [new(0.05m, 100_000m), new(0.08m, 150_000m), new(0.10m, 200_000m)]);
        var result = Assert.Single(Run(mean, [P("a"), P("b"), P("c")], Hba1cData));
        Assert.Equal(0.0824m, decimal.Round(result.Effect, 4)); // (10 % + 5,714 % + 9 %) / 3
        Assert.Equal(150_000m, result.Amount);
    }

    [Fact]
    public void Ungifokus_repays_the_agreed_share_of_the_treatment_groups_saving_against_the_control_group()
    {
        var transfer = new Metric("overforsel", "Overførselsindkomst mod kontrolgruppe", MetricKind.TreatmentVsControl, "transfer-income",
            0m, PriceBasis.PerParticipant,
            [new("Beskæftigelse", 1m)], ToMonth: 12, Share: 0.5m);
        Person[] people = [P("t1"), P("t2"), P("c1", group: ParticipantGroup.Control), P("c2", group: ParticipantGroup.Control)];
        var result = Assert.Single(Run(transfer, people,
            O("t1", "transfer-income", 0, 60_000), O("t1", "transfer-income", 6, 40_000), O("t2", "transfer-income", 1, 80_000),
            O("c1", "transfer-income", 0, 120_000), O("c2", "transfer-income", 3, 100_000)));
        Assert.Equal((20_000m, 20_000m), (result.Price, result.Amount)); // (110.000 − 90.000) × 2 treated × 50 %
        var worse = Assert.Single(Run(transfer, people, O("t1", "transfer-income", 0, 200_000), O("c1", "transfer-income", 0, 10_000)));
        Assert.Equal(0m, worse.Amount);
    }

    [Fact]
    public void Flere_kloge_haender_pays_per_avoided_dropout_when_the_rate_falls_five_points_below_baseline()
    {
        var dropout = new Metric("frafald", "Frafald efter 6 måneder", MetricKind.RateVsBaseline, "dropout", 33_000m,
            PriceBasis.PerAvoidedEvent, Sfb,
            ToMonth: 6, Threshold: 1, BaselineRate: 193m / 1475m, MinimumEffect: 0.05m);
        var students = Enumerable.Range(0, 1475).Select(i => P($"s{i}")).ToList();
        var dropouts = Enumerable.Range(0, 83).Select(i => O($"s{i}", "dropout", 3, 1)).ToArray();
        var result = Assert.Single(Run(dropout, students, dropouts));
        Assert.Equal((1475, 83, 110m, 3_630_000m), (result.Eligible, result.Achieved, result.Events, result.Amount));
        Assert.Equal(7.46m, decimal.Round(result.Effect * 100, 2)); // percentage points below the 2019–2021 baseline
        var tooFew = Assert.Single(Run(dropout, students, Enumerable.Range(0, 150).Select(i => O($"s{i}", "dropout", 3, 1)).ToArray()));
        Assert.Equal(0m, tooFew.Amount); // 2,9 pp: below the 5 pp threshold
    }

    [Fact]
    public void Dialog_mod_vold_caps_unit_prices_at_the_municipal_saving_and_pays_an_unmeasurable_metric_at_the_assumed_rate()
    {
        var ceased = new Metric("ophoert", "Volden er ophørt", MetricKind.Milestone, "violence-ceased", 40_000m, PriceBasis.PerParticipant,
            Sfb,
            ToMonth: 12, Threshold: 1, IsolatedSaving: 30_000m);
        var noEr = new Metric("skadestue", "Intet skadestuebesøg for vold i hjemmet", MetricKind.ConditionInWindow, "er-visits-dv", 8_000m,
            PriceBasis.PerParticipant,
            [new("Sundhed", 1m)], ToMonth: 12, Comparison: Comparison.AtMost, Threshold: 0);
        var otherTreatment = new Metric("anden-behandling", "Ingen anden familiebehandling", MetricKind.ConditionInWindow,
            "family-treatment", 10_000m, PriceBasis.PerParticipant,
            Sfb, ToMonth: 12, Measurable: false, AssumedRate: 0.4m);
        var families = Enumerable.Range(0, 10).Select(i => P($"f{i}")).ToList();
        var data = new[] { O("f0", "violence-ceased", 11, 1), O("f1", "violence-ceased", 6, 1), O("f2", "violence-ceased", 2, 1),
            O("f0", "er-visits-dv", 4, 1), O("f5", "er-visits-dv", 2, 2) };
        var results = new[] { ceased, noEr, otherTreatment }.SelectMany(m => Run(m, families, data)).ToList();
        Assert.Equal([(3, 30_000m, 90_000m), (8, 8_000m, 64_000m), (0, 10_000m, 40_000m)],
            results.Select(r => (r.Achieved, r.Price, r.Amount)));
        Assert.Contains("antagne succesrate", results[2].Explanation);

        var model = new PaymentModel("dialog-mod-vold", 2, [ceased, noEr, otherTreatment], CapContract: 2_000_000m);
        var settled = Settler.Settle(model, results, [new Investor("RSI", 1_700_000m)], alreadyPaid: 1_900_000m, donation: 10_000m);
        Assert.Equal((194_000m, 100_000m, 10_000m, 90_000m), (settled.Gross, settled.Capped, settled.Donation, settled.Payable));
        Assert.Equal(90_000m, settled.ByPayer.Sum(p => p.Amount));
    }
}
