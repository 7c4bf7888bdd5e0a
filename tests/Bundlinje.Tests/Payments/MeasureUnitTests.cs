using Bundlinje.FollowUps;
using Bundlinje.Participants;
using Bundlinje.Payments;

namespace Bundlinje.Tests.Payments;

/// <summary>Explanations print a measure's values in the unit and precision of the fund's catalogue, handed to the pure core
/// on the metric (<see cref="Metric.Format"/>).</summary>
public sealed class MeasureUnitTests
{
    private static readonly DateOnly Start = new(2024, 1, 1);

    /// <summary>7 treated and 7 controls; the given people have one observation each of the given value.</summary>
    private static string Explain(string measure, MeasureFormat? format, params (string Person, decimal Value)[] observations)
    {
        var metric = new Metric("m", "M", MetricKind.TreatmentVsControl, measure, 0m, PriceBasis.PerParticipant,
            [new("SFB", 1m)])
        { Format = format };
        var people = Enumerable.Range(1, 7)
            .SelectMany(i => new[] { new Person($"t{i}", "1", ParticipantGroup.Treatment, Start),
                new Person($"c{i}", "1", ParticipantGroup.Control, Start) }).ToList();
        var rows = observations.Select(o => new Observation(o.Person, measure, Start.AddMonths(2), Start.AddMonths(2), o.Value)).ToArray();
        return Assert.Single(MetricEvaluator.Evaluate(metric, people, new InMemoryObservations(rows), new DateOnly(2024, 12, 31)))
            .Explanation;
    }

    [Fact]
    public void Events_are_printed_with_the_catalogue_precision_not_as_kroner()
    {
        // Controls 2 events / 7 = 0,2857…; treated 1 / 7 = 0,1428…; difference 0,1428… — two decimals in this fund's catalogue.
        var text = Explain("reconvictions", new MeasureFormat(MeasureUnit.Events, 2), ("t1", 1), ("c1", 1), ("c2", 1));
        Assert.StartsWith("Kontrolgruppen 0,29 hændelser pr. person, behandlingsgruppen 0,14 hændelser; forskel 0,14 hændelser × 7", text);
        Assert.DoesNotContain("kr.", text);
    }

    [Fact]
    public void Days_are_printed_in_days_with_the_catalogue_precision()
    {
        // Controls (14 + 10,5) / 7 = 3,5 days; treated 7 / 7 = 1 day; difference 2,5 days.
        var text = Explain("womens-shelter", new MeasureFormat(MeasureUnit.Days, 1), ("t1", 7), ("c1", 14), ("c2", 10.5m));
        Assert.StartsWith("Kontrolgruppen 3,5 dage pr. person, behandlingsgruppen 1 dage; forskel 2,5 dage × 7", text);
    }

    [Fact]
    public void A_unit_changed_in_the_catalogue_changes_the_explanation_and_without_a_catalogue_the_seed_applies()
    {
        var observations = new[] { ("t1", 7m), ("c1", 14m), ("c2", 10.5m) };
        Assert.StartsWith("Kontrolgruppen 3,5 dage", Explain("womens-shelter", null, observations)); // seed: days, 4 decimals
        // 3,5 rounds to 4 kr.
        Assert.StartsWith("Kontrolgruppen 4 kr.", Explain("womens-shelter", new MeasureFormat(MeasureUnit.Kroner, 0), observations));
    }

    [Theory]
    [InlineData(MeasureUnit.Kroner, 0, 3_630_000.4, "3.630.000 kr.")]
    [InlineData(MeasureUnit.Events, 2, 0.145, "0,15 hændelser")]
    [InlineData(MeasureUnit.Days, 4, 3.5, "3,5 dage")]
    [InlineData(MeasureUnit.Percent, 1, 0.125, "12,5 %")]
    [InlineData(MeasureUnit.Persons, 0, 1475, "1.475 personer")]
    [InlineData(MeasureUnit.MmolPerMol, 1, 53.25, "53,3 mmol/mol")]
    public void A_value_is_printed_in_its_unit_rounded_half_away_from_zero_to_the_precision(MeasureUnit unit, int decimals, double value,
        string expected) =>
        Assert.Equal(expected, new MeasureFormat(unit, decimals).Text((decimal)value));

    [Fact]
    public void The_seed_catalogue_has_unique_codes_and_keeps_todays_list()
    {
        Assert.Equal(18, Measures.Seed.Select(s => s.Code).Distinct().Count());
        Assert.Equal(18, Measures.Seed.Count);
        Assert.Contains(Measures.Seed, s => s is { Code: "transfer-income", Unit: MeasureUnit.Kroner, Decimals: 0 });
        Assert.Contains(Measures.Seed, s => s is { Code: "reconvictions", Unit: MeasureUnit.Events, Source: MeasureSource.Register });
    }
}
