using Bundlinje.Common;
using Bundlinje.Payments;
using Bundlinje.Portfolio;
using Bundlinje.Tests.Infrastructure;

namespace Bundlinje.Tests.Payments;

/// <summary>Every aggregate kind takes the pricing vocabulary (issue #11, defect 2): per avoided event, per treated person,
/// share of the saving, flat; tiers on the effect, a minimum effect, the isolated saving as a cap. Amounts are hand-computed;
/// the prison-bond example is the worked example in docs/payment-models.md.</summary>
public sealed class PricedComparisonTests
{
    private static readonly DateOnly Jan2024 = new(2024, 1, 1);
    private static readonly DateOnly AsOf = new(2024, 12, 31);
    private static readonly PayerShare[] Payer = [new("Kriminalforsorgen", 1m)];

    private static Person P(string id, ParticipantGroup group = ParticipantGroup.Treatment) => new(id, "1", group, Jan2024);

    private static Observation O(string person, string measure, int month, decimal value) =>
        new(person, measure, Jan2024.AddMonths(month), Jan2024.AddMonths(month + 1).AddDays(-1), value);

    private static MetricResult Run(Metric metric, IEnumerable<Person> people, IEnumerable<Observation> data) =>
        Assert.Single(MetricEvaluator.Evaluate(metric, people.ToList(), new InMemoryObservations(data), AsOf));

    private static string Model(string metric) => $$"""
        { "format": "bundlinje-payment-model/1", "model": { "investment": "x", "agreementVersion": 1, "metrics": [ {{metric}} ] } }
        """;

    /// <summary>8 released persons in the programme, 10 in the comparison group; each control reconvicted twice (20, mean 2);
    /// t1–t4 twice and t5–t8 once (<paramref name="treatedOnce"/> of them once, the rest twice).</summary>
    private static (List<Person> People, List<Observation> Data) Prison(int treatedOnce = 4)
    {
        var people = Enumerable.Range(1, 8).Select(i => P($"t{i}"))
            .Concat(Enumerable.Range(1, 10).Select(i => P($"c{i}", ParticipantGroup.Control))).ToList();
        var data = Enumerable.Range(1, 10).Select(i => O($"c{i}", "reconvictions", 3, 2))
            .Concat(Enumerable.Range(1, 8).Select(i => O($"t{i}", "reconvictions", 5, i > 8 - treatedOnce ? 1 : 2))).ToList();
        return (people, data);
    }

    private const string PrisonBond = """
        { "key": "domme", "name": "Undgåede nye domme", "kind": "treatmentVsControl", "measure": "reconvictions", "basis": "perAvoidedEvent",
          "tiers": [ { "fromEffect": 0.10, "price": 30000 }, { "fromEffect": 0.20, "price": 40000 } ], "minimumEffect": 0.10,
          "fromMonth": 0, "toMonth": 12, "payers": [ { "payer": "Kriminalforsorgen", "share": 1 } ] }
        """;

    [Fact]
    public void A_prison_bond_pays_per_avoided_reconviction_at_the_tier_of_the_relative_reduction()
    {
        var bond = PaymentModelFile.Read(Model(PrisonBond)).Metrics.Single();
        // Controls 20 over 10 = 2 per person; treated 4 × 2 + 4 × 1 = 12 over 8 = 1,5. Scaled: 2 × 8 = 16 expected, 12 seen:
        // 4 avoided; reduction (2 − 1,5) / 2 = 25 % ≥ 20 % → 40.000 per avoided reconviction: 160.000.
        var (people, data) = Prison(treatedOnce: 4);
        var result = Run(bond, people, data);
        Assert.Equal((8, 4m, 0.25m, 40_000m, 160_000m), (result.Eligible, result.Events, result.Effect, result.Price, result.Amount));
        Assert.Contains("4 undgåede × 40.000 kr.", result.Explanation);

        // 2 of the treated once: 14 over 8 = 1,75; 2 avoided; 12,5 % → the 10 % tier, 30.000: 60.000.
        var lower = Run(bond, Prison(treatedOnce: 2));
        Assert.Equal((2m, 0.125m, 30_000m, 60_000m), (lower.Events, lower.Effect, lower.Price, lower.Amount));

        // 1 of the treated once: 15 over 8 = 1,875; reduction 6,25 % is below the minimum effect of 10 %: nothing, though 1 was avoided.
        var below = Run(bond, Prison(treatedOnce: 1));
        Assert.Equal((1m, 0.0625m, 0m, 0m), (below.Events, below.Effect, below.Price, below.Amount));
        Assert.Contains("under minimumseffekten 10,0 %", below.Explanation);

        // The isolated saving per reconviction (35.000) caps the tier price: 4 × 35.000.
        Assert.Equal(140_000m, Run(bond with { IsolatedSaving = 35_000m }, people, data).Amount);
    }

    private static MetricResult Run(Metric metric, (List<Person> People, List<Observation> Data) input) =>
        Run(metric, input.People, input.Data);

    [Fact]
    public void Treatment_vs_control_pays_per_treated_person_or_a_flat_sum_when_the_reduction_reaches_the_minimum()
    {
        var perTreated = new Metric("domme", "Domme", MetricKind.TreatmentVsControl, "reconvictions", 10_000m, PriceBasis.PerTreatedPerson,
            Payer, MinimumEffect: 0.10m);
        Assert.Equal(80_000m, Run(perTreated, Prison(4)).Amount);                                   // 8 treated × 10.000 at 25 %
        Assert.Equal(0m, Run(perTreated, Prison(1)).Amount);                                        // 6,25 % < 10 %
        var flat = perTreated with { Basis = PriceBasis.Flat, Price = 0m, Tiers = [new(0.10m, 100_000m), new(0.20m, 250_000m)] };
        Assert.Equal((250_000m, 250_000m), (Run(flat, Prison(4)).Price, Run(flat, Prison(4)).Amount)); // 25 % → 250.000 once
        Assert.Equal(100_000m, Run(flat, Prison(2)).Amount);                                        // 12,5 % → 100.000 once
        Assert.Equal(0m, Run(flat with { MinimumEffect = null }, Prison(0)).Amount);                // no reduction: nothing, even flat
    }

    [Fact]
    public void Treatment_vs_control_without_a_basis_still_pays_the_share_of_the_saving_and_honours_the_minimum_effect()
    {
        // UngiFokus as stored before priced comparisons: no basis (perParticipant, the neutral default) is shareOfSaving.
        var stored = PaymentModelFile.Read(Model("""
            { "key": "overforsel", "name": "Overførsel", "kind": "treatmentVsControl", "measure": "transfer-income", "share": 0.5,
              "payers": [ { "payer": "SFB", "share": 1 } ] }
            """)).Metrics.Single();
        Assert.Equal((PriceBasis.PerParticipant, PriceBasis.ShareOfSaving), (stored.Basis, MetricFields.Effective(stored)));
        Person[] people = [P("t1"), P("t2"), P("c1", ParticipantGroup.Control), P("c2", ParticipantGroup.Control)];
        Observation[] data =
            [O("t1", "transfer-income", 0, 100_000), O("t2", "transfer-income", 1, 80_000), O("c1", "transfer-income", 0, 120_000),
                O("c2", "transfer-income", 3, 100_000)];
        var result = Run(stored, people, data);
        Assert.Equal((20_000m, 20_000m), (result.Price, result.Amount)); // (110.000 − 90.000) × 2 × 50 %
        Assert.Equal(result.Amount, Run(stored with { Basis = PriceBasis.ShareOfSaving }, people, data).Amount);
        Assert.Equal(0m, Run(stored with { MinimumEffect = 0.20m }, people, data).Amount); // saving 18,2 % < 20 %
    }

    [Fact]
    public void Rate_vs_baseline_pays_per_avoided_event_per_treated_person_or_flat()
    {
        // 20 pupils, 4 drop out (20 %) against a baseline of 30 %: 10 percentage points, 30 % × 20 − 4 = 2 avoided dropouts.
        var people = Enumerable.Range(1, 20).Select(i => P($"p{i}")).ToList();
        var data = Enumerable.Range(1, 4).Select(i => O($"p{i}", "dropout", 4, 1)).ToList();
        var dropout = new Metric("frafald", "Frafald", MetricKind.RateVsBaseline, "dropout", 33_000m, PriceBasis.PerAvoidedEvent, Payer,
            Threshold: 1, BaselineRate: 0.30m, MinimumEffect: 0.05m);
        Assert.Equal((2m, 66_000m), (Run(dropout, people, data).Events, Run(dropout, people, data).Amount));
        Assert.Equal(66_000m, Run(dropout with { Basis = PriceBasis.PerParticipant }, people, data).Amount); // no basis = perAvoidedEvent
        Assert.Equal(20_000m, Run(dropout with { Basis = PriceBasis.PerTreatedPerson, Price = 1_000m }, people, data).Amount);
        Assert.Equal(50_000m, Run(dropout with { Basis = PriceBasis.Flat, Price = 50_000m }, people, data).Amount);
        Assert.Equal(60_000m, Run(dropout with { IsolatedSaving = 30_000m }, people, data).Amount);
        Assert.Equal(0m, Run(dropout with { MinimumEffect = 0.12m }, people, data).Amount);
        var tiered = dropout with { Price = 0m, Tiers = [new(0.05m, 20_000m), new(0.10m, 40_000m)] };
        Assert.Equal(80_000m, Run(tiered, people, data).Amount); // 10 pp reaches the 10 % tier: 2 × 40.000
    }

    private static readonly Observation[] Hba1c =
    [
        // −6: 10 %
        new("a", "hba1c", new(2023, 12, 1), new(2023, 12, 1), 60), new("a", "hba1c", new(2024, 11, 1), new(2024, 11, 1), 54),
        // −4: 5,71 %
        new("b", "hba1c", new(2023, 12, 1), new(2023, 12, 1), 70), new("b", "hba1c", new(2024, 11, 1), new(2024, 11, 1), 66),
        // −4,5: 9 %
        new("c", "hba1c", new(2023, 12, 15), new(2023, 12, 15), 50), new("c", "hba1c", new(2024, 10, 1), new(2024, 10, 1), 45.5m),
    ];

    [Fact]
    public void Cohort_mean_change_pays_per_unit_of_the_summed_fall_per_measured_person_a_share_or_flat()
    {
        var people = new[] { P("a"), P("b"), P("c") };
        var mean = new Metric("hba1c", "HbA1c", MetricKind.CohortMeanChange, "hba1c", 2_000m, PriceBasis.PerAvoidedEvent, Payer,
            FromMonth: 1, ToMonth: 12, MinimumEffect: 0.05m);
        var perUnit = Run(mean, people, Hba1c);
        Assert.Equal((3, 14.5m, 29_000m), (perUnit.Eligible, perUnit.Events, perUnit.Amount)); // (6 + 4 + 4,5) mmol/mol × 2.000
        Assert.Equal(0.0824m, decimal.Round(perUnit.Effect, 4));                                // mean of 10 %, 5,71 %, 9 %
        // 3 measured × 10.000
        Assert.Equal(30_000m, Run(mean with { Basis = PriceBasis.PerTreatedPerson, Price = 10_000m }, people, Hba1c).Amount);
        // no basis = perTreatedPerson
        Assert.Equal(30_000m, Run(mean with { Basis = PriceBasis.PerParticipant, Price = 10_000m }, people, Hba1c).Amount);
        Assert.Equal(0m, Run(mean with { MinimumEffect = 0.09m }, people, Hba1c).Amount);        // 8,24 % < 9 %

        // A cost measured in kroner: (1.000 − 800) + (1.000 − 900) = 300 saved, half of it repaid.
        Observation[] cost = [new("a", "benefit-cost", new(2023, 12, 1), new(2023, 12, 1), 1_000),
            new("a", "benefit-cost", new(2024, 6, 1), new(2024, 6, 1), 800),
            new("b", "benefit-cost", new(2023, 12, 1), new(2023, 12, 1), 1_000),
            new("b", "benefit-cost", new(2024, 6, 1), new(2024, 6, 1), 900)];
        var share = new Metric("ydelse", "Ydelse", MetricKind.CohortMeanChange, "benefit-cost", 0m, PriceBasis.ShareOfSaving, Payer,
            FromMonth: 1, ToMonth: 12, Share: 0.5m);
        Assert.Equal(150m, Run(share, people, cost).Amount);
    }

    private static IReadOnlyList<string> Refused(string metric) => Assert.Throws<Refused>(() => PaymentModelFile.Read(Model(metric)))
        .DaProblems();

    [Theory]
    [InlineData("""  "kind": "treatmentVsControl", "measure": "reconvictions", "basis": "perEvent", "price": 1000 """,
        "$.model.metrics[0].basis: perEvent kan ikke bruges af treatmentVsControl; brug shareOfSaving, perAvoidedEvent, perTreatedPerson," +
            " flat.")]
    [InlineData("""  "kind": "rateVsBaseline", "measure": "dropout", "baselineRate": 0.2, "basis": "shareOfSaving", "share": 0.5 """,
        "$.model.metrics[0].basis: shareOfSaving kan ikke bruges af rateVsBaseline; brug perAvoidedEvent, perTreatedPerson, flat.")]
    [InlineData("""  "kind": "milestone", "measure": "employed", "basis": "perAvoidedEvent", "price": 1000 """,
        "$.model.metrics[0].basis: perAvoidedEvent kan ikke bruges af milestone; brug perParticipant, perEvent, flat.")]
    [InlineData("""  "kind": "treatmentVsControl", "measure": "reconvictions", "basis": "perAvoidedEvent", "price": 1000, "share": 0.5 """,
        "$.model.metrics[0].share: feltet bruges ikke af treatmentVsControl med basis perAvoidedEvent og afvises; fjern det.")]
    [InlineData("""  "kind": "treatmentVsControl", "measure": "transfer-income", "share": 1.5 """,
        "$.model.metrics[0].share: skal ligge over 0 og højst være 1, ikke 1,5.")]
    [InlineData("""  "kind": "cohortMeanChange", "measure": "benefit-cost", "basis": "shareOfSaving", "share": 0.5, "tiers": [ """ +
        """{ "fromEffect": 0.1, "price": 5 } ] """,
        "$.model.metrics[0].tiers: feltet bruges ikke af cohortMeanChange med basis shareOfSaving og afvises; fjern det.")]
    [InlineData("""  "kind": "treatmentVsControl", "measure": "reconvictions", "basis": "flat", "price": 1000, "isolatedSaving": 500 """,
        "$.model.metrics[0].isolatedSaving: feltet bruges ikke af treatmentVsControl med basis flat og afvises; fjern det.")]
    [InlineData("""  "kind": "treatmentVsControl", "measure": "reconvictions", "basis": "flat", "price": 1000, "cohortMinimumEffect": """ +
        """0.1 """,
        "$.model.metrics[0].cohortMinimumEffect: bruges kun med scope perCohortAndPooled og afvises; fjern det eller angiv scope.")]
    [InlineData("""  "kind": "milestone", "measure": "employed", "price": 1000, "scope": "perCohortAndPooled" """,
        "$.model.metrics[0].scope: perCohortAndPooled gælder kun treatmentVsControl, rateVsBaseline og cohortMeanChange (en deltager " +
            "betales på sit eget resultat).")]
    [InlineData("""  "kind": "rateVsBaseline", "measure": "dropout", "baselineRate": 0.2, "price": """ +
        """1000, "scope": "perCohortAndPooled", "minimumEffect": 0.075, "cohortMinimumEffect": 0.05 """,
        "$.model.metrics[0].cohortMinimumEffect: kohortens tærskel (0,05) skal være mindst den samlede minimumEffect (0,075).")]
    public void A_basis_or_field_the_kind_does_not_take_with_its_basis_is_refused_with_its_path(string fields, string expected) =>
        Assert.Equal([expected], Refused($$"""{ "key": "m", "name": "M", {{fields}}, "payers": [ { "payer": "SFB", "share": 1 } ] }"""));

    [Fact]
    public void The_prison_bond_reads_back_with_the_same_hash()
    {
        var model = PaymentModelFile.Read(Model(PrisonBond));
        Assert.Equal(PaymentModelFile.Hash(model), PaymentModelFile.Hash(PaymentModelFile.Read(PaymentModelFile.Write(model))));
    }
}
