using Bundlinje.Common;
using Bundlinje.Fund;
using Bundlinje.Investments;
using Bundlinje.Proposals;
using Bundlinje.Reports;
using Bundlinje.Reports.Annual;
using Bundlinje.Tests.Fund;

namespace Bundlinje.Tests.Reports;

/// <summary>The annual report's document from loaded facts, without a database: the Aarhus ledger behind the 2024 report
/// (<see cref="AarhusLedger"/>) and two investments as facts.</summary>
public sealed class AnnualReportBuilderTests
{
    private static readonly EconomicsOptions Options2024 = new(LastActualYear: 2024, LaterFrom: 2029);

    private static AnnualFacts Facts(string language = "da", NarrativeSet? narratives = null)
    {
        var names = AarhusLedger.Entries.Where(e => e.Investment is not null).Select(e => e.Investment!).Distinct()
            .ToDictionary(k => k, k => k);
        var table = EconomicsTable.Build(AarhusLedger.Entries, Options2024).WithInvestmentNames(names);
        var economics = new EconomicsReport("aarhus", "Aarhus", Options2024, table, AarhusLedger.Entries, names, false, 2029);
        InvestmentFacts Investment(string key, DateOnly? end, decimal capital) => new(key, key, InvestmentStatus.Active,
            new DateOnly(2021, 6, 1), end, [new CapitalShare("Rådet", capital)], ["Leverandør A"], ["Afdeling B"], "Unge", null, null,
            []);
        return new AnnualFacts("aarhus", "Aarhus", 2024, language, new ProposalStatistics(53, 19, 21, 1, 9, 3, 12, 2, 4),
            [Investment("ungifokus", new DateOnly(2025, 12, 31), 14_400_000m),
                Investment("laer-for-livet", new DateOnly(2035, 4, 30), 8_700_000m)],
            economics, null, narratives ?? NarrativeSet.Empty(NarrativeScope.Annual(2024)));
    }

    private static NarrativeSet Written(string key, string text) => new(NarrativeScope.Annual(2024),
        new Dictionary<string, ReportNarrative>
        {
            [key] = new() { Scope = NarrativeScope.Annual(2024), Key = key, Revision = 1, Text = text, WrittenBy = "sekretariatet" },
        });

    [Fact]
    public void Unwritten_narratives_are_empty_fields_and_leave_nothing_in_the_text()
    {
        var document = AnnualReportBuilder.Build(Facts());
        var narratives = document.Sections.SelectMany(s => s.Blocks).OfType<NarrativeText>().ToList();
        Assert.Contains(narratives, n => n.Key == "investment/ungifokus");
        Assert.All(narratives, n => Assert.Equal("", n.Text));
        var withoutNarratives = new[] { document.Title, document.Subtitle ?? "" }.Concat(document.Sections.SelectMany(s =>
            new[] { s.Heading }.Concat(s.Blocks.Where(b => b is not NarrativeText).SelectMany(b => b.PlainText()))));
        Assert.Equal(string.Join('\n', withoutNarratives), document.PlainText());
    }

    [Fact]
    public void A_written_narrative_appears_in_its_chapter_and_nowhere_else()
    {
        var document = AnnualReportBuilder.Build(Facts(narratives: Written("oekonomi", "Udgifterne var 11,9 mio. kr.")));
        var economics = document.Sections.Single(s => s.Heading == "Økonomi");
        Assert.Equal("Udgifterne var 11,9 mio. kr.", economics.Blocks.OfType<NarrativeText>().Single().Text);
        Assert.Single(document.PlainText().Split('\n'), l => l == "Udgifterne var 11,9 mio. kr.");
    }

    [Fact]
    public void The_same_facts_give_the_same_text()
    {
        Assert.Equal(AnnualReportBuilder.Build(Facts()).PlainText(), AnnualReportBuilder.Build(Facts()).PlainText());
        Assert.NotEqual(AnnualReportBuilder.Build(Facts()).PlainText(),
            AnnualReportBuilder.Build(Facts(narratives: Written("forord", "God læselyst!"))).PlainText());
    }

    [Fact]
    public void English_headings_and_generated_texts_with_danish_numbers()
    {
        var document = AnnualReportBuilder.Build(Facts("en"));
        Assert.Equal("Annual report 2024", document.Title);
        Assert.Equal(["Foreword", "Introduction", "The council's work in 2024", "Social investments in Denmark",
            "Status of the investments launched", "A look at 2025", "Economics"],
            document.Sections.Where(s => s.Level == 1).Select(s => s.Heading));
        var introduction = document.Sections[1].Blocks.OfType<GeneratedText>().Single().Text;
        Assert.Contains("has launched 2 social investments", introduction);
        Assert.Contains(Kroner.Format(23_100_000m), introduction); // 14,4 + 8,7 mio. kr. committed, printed da-DK
        Assert.Contains("23.100.000 kr.", introduction);
        Assert.DoesNotContain(document.Sections.Where(s => s.Level == 1), s => s.Heading.Contains("Økonomi"));
    }

    [Fact]
    public void Chapter_5_lists_the_investments_whose_agreement_ends_next_year()
    {
        var chapter = AnnualReportBuilder.Build(Facts()).Sections.Single(s => s.Heading == "Et blik ind i 2025");
        var table = chapter.Blocks.OfType<ReportTable>().Single();
        Assert.Equal(["ungifokus"], table.Rows.Select(r => r.Cells[0].Text));
        Assert.Equal(["31-12-2025", "14.400.000 kr."], table.Rows[0].Cells.Skip(1).Take(2).Select(c => c.Text));
    }

    [Fact]
    public void The_economics_chapter_prints_the_table_in_thousands_with_total_and_balance_rows()
    {
        var facts = Facts();
        var table = AnnualReportBuilder.Build(facts).Sections.Single(s => s.Heading == "Økonomi").Blocks.OfType<ReportTable>().Single();
        var printed = facts.Economics.PrintedRows().ToList();
        Assert.Equal(printed.Select(p => (p.Label, p.Indented)), table.Rows.Select(r => (r.Cells[0].Text, r.Indented)));
        Assert.Equal([false, true, true], new[] { table.Rows[0].Total, table.Rows[^2].Total, table.Rows[^1].Total });
        Assert.Equal(facts.Economics.Table!.Total.Select(Kroner.Thousands), table.Rows[^2].Cells.Skip(1).Select(c => c.Text));
        Assert.Equal("/Funds/aarhus/Ledger?effect=80&laterFrom=2029&column=R%202022&balance=true", table.Rows[^1].Cells[3].Source);
    }
}
