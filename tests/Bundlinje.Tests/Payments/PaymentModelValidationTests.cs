using Bundlinje.Common;
using Bundlinje.Payments;
using Bundlinje.Portfolio;
using Bundlinje.Tests.Infrastructure;

namespace Bundlinje.Tests.Payments;

/// <summary>A payment model file is refused with the JSON path of every bad field (issue #11, defects 2 and 5).</summary>
public sealed class PaymentModelValidationTests
{
    private static string Model(string metric) => $$"""
        { "format": "bundlinje-payment-model/1", "model": { "investment": "ungifokus", "agreementVersion": 1, "metrics": [ {{metric}} ] } }
        """;

    private static string Job(string payers) => Model($$"""
        { "key": "job", "name": "Job", "kind": "conditionInWindow", "measure": "employed", "price": 10000, "basis": "perParticipant",
          "threshold": 1, "payers": [ {{payers}} ] }
        """);

    private static string Transfer(string extra) => Model($$"""
        { "key": "overforsel", "name": "Overførsel", "kind": "treatmentVsControl", "measure": "transfer-income",
          "payers": [ { "payer": "SFB", "share": 1 } ] {{extra}} }
        """);

    private static IReadOnlyList<string> Refused(string json)
    {
        var e = Assert.Throws<Refused>(() => PaymentModelFile.Read(json));
        Assert.StartsWith($"Betalingsmodellen er afvist ({e.Problems.Count} fejl): ", e.Da());
        return e.DaProblems();
    }

    [Theory]
    [InlineData("""{ "payer": "SFB", "share": 1.5 }, { "payer": "MSB", "share": -0.5 }""",
        "$.model.metrics[0].payers[0].share: skal ligge over 0 og højst være 1, ikke 1,5.",
            "$.model.metrics[0].payers[1].share: skal ligge over 0 og højst være 1, ikke -0,5.")]
    [InlineData("""{ "payer": "SFB", "share": 0.6 }, { "payer": "MSB", "share": 0 }""",
        "$.model.metrics[0].payers[1].share: mangler (angiv share mellem 0 og 1 eller weight).")]
    [InlineData("""{ "payer": "SFB", "share": 0.6 }, { "payer": "MSB" }""",
        "$.model.metrics[0].payers[1].share: mangler (angiv share mellem 0 og 1 eller weight).")]
    [InlineData("""{ "payer": "SFB", "share": 0.5, "weight": 15 }, { "payer": "MSB", "weight": 12 }""",
        "$.model.metrics[0].payers[0]: angiv enten share eller weight, ikke begge.")]
    [InlineData("""{ "payer": "SFB", "weight": 15 }, { "payer": "MSB", "weight": 0 }""",
        "$.model.metrics[0].payers[1].weight: skal være større end 0, ikke 0.")]
    [InlineData("""{ "payer": "SFB", "weight": 15 }, { "payer": "MSB", "share": 0.5 }""",
        "$.model.metrics[0].payers: brug enten share for alle betalere eller weight for alle betalere.")]
    [InlineData("""{ "payer": "SFB", "share": 0.5 }, { "payer": "MSB", "share": 0.4 }""",
        "$.model.metrics[0].payers: andelene summer til 0,9, ikke 1.")]
    public void Payer_shares_outside_zero_to_one_or_not_summing_to_one_are_refused_with_their_path(string payers,
        params string[] expected) =>
        Assert.Equal(expected, Refused(Job(payers)));

    [Fact]
    public void Weights_are_normalised_to_shares_that_sum_to_exactly_one()
    {
        var payers = PaymentModelFile.Read(Job("""{ "payer": "SFB", "weight": 15 }, { "payer": "MSB", "weight": 12 }""")).Metrics.Single()
            .Payers;
        Assert.Equal(["SFB", "MSB"], payers.Select(p => p.Payer));
        Assert.Equal(15m / 27m, payers[0].Share);
        Assert.Equal(1m, payers.Sum(p => p.Share));
        Assert.All(payers, p => Assert.Null(p.Weight));

        var thirds = PaymentModelFile.Read(
            Job("""{ "payer": "A", "weight": 1 }, { "payer": "B", "weight": 1 }, { "payer": "C", "weight": 1 }""")).Metrics.Single().Payers;
        Assert.Equal(1m, thirds.Sum(p => p.Share)); // 1/3 does not add up in decimal: the last payer takes the rest
        var model = PaymentModelFile.Read(
            Job("""{ "payer": "A", "weight": 1 }, { "payer": "B", "weight": 1 }, { "payer": "C", "weight": 1 }"""));
        // stored as shares, same hash when read back
        Assert.Equal(PaymentModelFile.Hash(model), PaymentModelFile.Hash(PaymentModelFile.Read(PaymentModelFile.Write(model))));
    }

    [Theory]
    [InlineData(""", "share": 1.5""", "$.model.metrics[0].share: skal ligge over 0 og højst være 1, ikke 1,5.")]
    [InlineData(""", "share": 0""", "$.model.metrics[0].share: skal ligge over 0 og højst være 1, ikke 0.")]
    [InlineData(""", "share": -0.5""", "$.model.metrics[0].share: skal ligge over 0 og højst være 1, ikke -0,5.")]
    [InlineData(""", "share": 0.5, "price": 50000""",
        "$.model.metrics[0].price: feltet bruges ikke af treatmentVsControl med basis shareOfSaving og afvises; fjern det.")]
    [InlineData(""", "basis": "perEvent" """,
        "$.model.metrics[0].basis: perEvent kan ikke bruges af treatmentVsControl; brug shareOfSaving, perAvoidedEvent, perTreatedPerson," +
            " flat.")]
    [InlineData(""", "tiers": [ { "fromEffect": 0.1, "price": 1000 } ]""",
        "$.model.metrics[0].tiers: feltet bruges ikke af treatmentVsControl med basis shareOfSaving og afvises; fjern det.")]
    [InlineData(""", "countEvents": true""",
        "$.model.metrics[0].countEvents: feltet bruges ikke af treatmentVsControl og afvises; fjern det.")]
    [InlineData(""", "baselineRate": 0.2, "threshold": 3""",
        "$.model.metrics[0].threshold: feltet bruges ikke af treatmentVsControl og afvises; fjern det.",
            "$.model.metrics[0].baselineRate: feltet bruges ikke af treatmentVsControl og afvises; fjern det.")]
    public void Treatment_vs_control_refuses_a_share_outside_zero_to_one_and_fields_it_does_not_use(string extra,
        params string[] expected) =>
        Assert.Equal(expected, Refused(Transfer(extra)));

    [Fact]
    public void Treatment_vs_control_with_only_the_fields_it_uses_is_accepted_and_reads_back_the_same()
    {
        var model = PaymentModelFile.Read(Transfer(""", "share": 0.5, "minimumEffect": 0.05"""));
        Assert.Equal(0.5m, model.Metrics.Single().Share);
        Assert.Equal(PaymentModelFile.Hash(model), PaymentModelFile.Hash(PaymentModelFile.Read(PaymentModelFile.Write(model))));
    }

    [Fact]
    public void Fields_used_by_another_kind_are_refused_on_per_person_kinds_too()
    {
        Assert.Equal(["$.model.metrics[0].baselineRate: feltet bruges ikke af conditionInWindow og afvises; fjern det.",
                "$.model.metrics[0].share: feltet bruges ikke af conditionInWindow og afvises; fjern det."],
            Refused(Model("""
                { "key": "job", "name": "Job", "kind": "conditionInWindow", "measure": "employed", "price": 10000, "threshold": 1,
                  "baselineRate": 0.2, "share": 0.5, "payers": [ { "payer": "SFB", "share": 1 } ] }
                """)));
        Assert.Equal(["$.model.metrics[0].aggregate: feltet bruges ikke af milestone og afvises; fjern det."],
            Refused(Model("""
                { "key": "m", "name": "M", "kind": "milestone", "measure": "employed", "price": 10000, "threshold": 1,
                  "aggregate": "max", "payers": [ { "payer": "SFB", "share": 1 } ] }
                """)));
    }

    [Fact]
    public void Every_kind_in_the_table_and_every_table_field_is_a_known_optional_field()
    {
        Assert.Equal(Enum.GetValues<MetricKind>().OrderBy(k => k), MetricFields.UsedBy.Keys.OrderBy(k => k));
        var optional = MetricFields.Optional.Select(f => f.Field).ToHashSet();
        Assert.All(MetricFields.UsedBy.Values.SelectMany(v => v), f => Assert.Contains(f, optional));
    }

    [Fact]
    public void A_syntax_error_in_a_payment_model_says_it_is_the_payment_model_that_is_refused()
    {
        var e = Assert.Throws<Refused>(() =>
            PaymentModelFile.Read("""{ "format": "bundlinje-payment-model/1", "model": { "investment": 3 } }"""));
        Assert.StartsWith("Betalingsmodellen er afvist (1 fejl): $.model.investment: ", e.Da());
        Assert.StartsWith("Porteføljefilen er afvist", Assert.Throws<Refused>(() => PortfolioJson.Read("{ \"x\": 1 }")).Da());
    }

    [Theory]
    [InlineData("reconvictions",
        "Kontrolgruppen 0,2857 hændelser pr. person, behandlingsgruppen 0,1429 hændelser; forskel 0,1429 hændelser × 7")]
    [InlineData("womens-shelter", "Kontrolgruppen 0,2857 dage pr. person, behandlingsgruppen 0,1429 dage; forskel 0,1429 dage × 7")]
    [InlineData("transfer-income", "Kontrolgruppen 0 kr. pr. person, behandlingsgruppen 0 kr.; forskel 0 kr. × 7")]
    public void Explanations_show_events_and_days_in_their_unit_with_decimals_and_only_kroner_as_kroner(string measure, string expected)
    {
        var metric = new Metric("m", "M", MetricKind.TreatmentVsControl, measure, 0m, PriceBasis.PerParticipant, [new("SFB", 1m)]);
        var start = new DateOnly(2024, 1, 1);
        var people = Enumerable.Range(1, 7)
            .SelectMany(i => new[] { new Person($"t{i}", "1", ParticipantGroup.Treatment, start),
                new Person($"c{i}", "1", ParticipantGroup.Control, start) }).ToList();
        var events = new[] { "t1", "c1", "c2" }.Select(id => new Observation(id, measure, start.AddMonths(2), start.AddMonths(2), 1))
            .ToArray();
        var result = Assert.Single(MetricEvaluator.Evaluate(metric, people, new InMemoryObservations(events), new DateOnly(2024, 12, 31)));
        Assert.StartsWith(expected, result.Explanation);
        if (measure != "transfer-income") Assert.DoesNotContain("kr.", result.Explanation);
    }
}
