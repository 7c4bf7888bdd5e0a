using Bundlinje.FollowUps;
using Bundlinje.Investments;
using Bundlinje.Organisations;
using Bundlinje.Payments;
using Bundlinje.Reports;
using Bundlinje.Reports.FactSheets;

namespace Bundlinje.Tests.Reports;

/// <summary>The fact sheet built from loaded facts, without a database: what the page shows of a small hand-made investment.</summary>
public sealed class FactSheetDocumentTests
{
    private static readonly DateOnly AsOf = new(2024, 12, 31);

    private static FactSheetFacts Facts(params ReportNarrative[] narratives)
    {
        var investment = new Investment
        {
            Id = 1, Key = "ung", Name = "Unge i job", FundId = 1, PeriodStart = new(2023, 1, 1), PeriodEnd = new(2026, 12, 31),
            TargetGroup = "Unge under 30", PlannedParticipants = 100, PlannedPerYear = 25,
            Enrolment = [new() { AsOf = new(2023, 12, 31), Enrolled = 20 }, new() { AsOf = new(2024, 12, 31), Enrolled = 45 },
                new() { AsOf = new(2025, 6, 30), Enrolled = 60 }],
        };
        Organisation Org(string key, string name, OrganisationKind kind) => new() { Key = key, Name = name, Kind = kind };
        investment.Parties =
        [
            new() { Id = 1, Role = PartyRole.Investor, Capital = 2_000_000m, Organisation = Org("rsi", "RSI", OrganisationKind.Investor) },
            new() { Id = 2, Role = PartyRole.Authority, Organisation = Org("sfb", "SFB", OrganisationKind.Department) },
            new() { Id = 3, Role = PartyRole.Provider, Organisation = Org("lev", "Leverandøren", OrganisationKind.Provider) },
        ];
        var metric = new Metric("job", "Job", MetricKind.Milestone, "employed", 12_000m, PriceBasis.PerParticipant, [new("SFB", 1m)],
            Threshold: 1m);
        var model = new StoredPaymentModel
        {
            Id = 1, InvestmentId = 1, AgreementVersion = 1, Json = PaymentModelFile.Write(new PaymentModel("ung", 1, [metric])), Hash = "h",
        };
        var set = new NarrativeSet("factsheet/ung/2024-2", narratives.ToDictionary(n => n.Key, StringComparer.Ordinal));
        return new FactSheetFacts(investment, investment.Parties, null, model, new Dictionary<string, Measure>(), null, [], set, AsOf);
    }

    private static ReportNarrative Text(string key, string text) =>
        new() { Scope = "factsheet/ung/2024-2", Key = key, Revision = 1, Text = text, WrittenBy = "test" };

    [Fact]
    public void The_sheet_shows_the_facts_the_model_in_words_enrolment_up_to_the_date_and_the_quote()
    {
        var facts = Facts(Text("citat", "Det virker."), Text("citat-af", "Rådmanden"));
        var document = FactSheetDocument.Document(facts, "da");
        var section = Assert.Single(document.Sections);
        var values = section.Blocks.OfType<FactList>().SelectMany(f => f.Facts).ToDictionary(f => f.Label, f => f.Value);
        Assert.Equal("01-01-2023 – 31-12-2026", values["Periode"]);
        Assert.Equal("2.000.000 kr.", values["Indskudskapital"]);
        Assert.Equal("2.000.000 kr.", values["heraf RSI"]);
        Assert.Equal("Unge under 30; planlagt 100 deltagere (25 pr. år)", values["Målgruppe"]);
        Assert.Equal(("SFB", "Leverandøren", "RSI", "SFB"), (values["Myndighed"], values["Leverandør"], values["Investorer"],
            values["Betalende forvaltninger"]));
        Assert.Equal(PaymentModelInWords.Metric(facts.Model!.Model.Metrics[0], "da"), values["Investeringsmodel"]);
        // the count of 30-06-2025 is after the date; the plan's straight line at 31-12-2024 is 25 × 2 years = 50
        Assert.Equal("45 optaget af 50 planlagt (90 %)", values["Tilgang pr. 31-12-2024"]);
        var chart = Assert.Single(section.Blocks.OfType<ReportChart>());
        Assert.DoesNotContain("60</title>", chart.Svg);
        var quote = section.Blocks.OfType<NarrativeText>().Single(n => n.Key == "citat");
        Assert.Equal(("Det virker.", true), (quote.Text, quote.IsQuote));
        Assert.Contains("Rådmanden", document.PlainText());
        Assert.DoesNotContain("erfaringer", document.PlainText()); // not written yet: no text
    }

    [Fact]
    public void In_English_the_labels_and_the_model_are_English()
    {
        var facts = Facts();
        var values = FactSheetDocument.Document(facts, "en").Sections[0].Blocks.OfType<FactList>().SelectMany(f => f.Facts)
            .ToDictionary(f => f.Label, f => f.Value);
        Assert.Equal("2.000.000 kr.", values["Invested capital"]);
        Assert.Equal("Unge under 30; planned 100 participants (25 per year)", values["Target group"]);
        Assert.Equal(PaymentModelInWords.Metric(facts.Model!.Model.Metrics[0], "en"), values["Investment model"]);
        Assert.Equal("45 enrolled of 50 planned (90 %)", values["Enrolment as of 31-12-2024"]);
        Assert.Equal("none yet", values["Latest approved follow-up"]);
    }
}
