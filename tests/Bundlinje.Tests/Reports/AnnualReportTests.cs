using System.Text.Json;
using Bundlinje.Common;
using Bundlinje.Data;
using Bundlinje.Fund;
using Bundlinje.Reports;
using Bundlinje.Reports.Annual;
using Bundlinje.Tests.FollowUps;
using Bundlinje.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Tests.Reports;

public sealed class SqliteAnnualReportTests(SqliteDemoApp app) : AnnualReportTests(app), IClassFixture<SqliteDemoApp>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresAnnualReportTests(PostgresDemoApp app) : AnnualReportTests(app), IClassFixture<PostgresDemoApp>;

/// <summary>The 2024 annual report of the Aarhus demo (11 investments, synthetic follow-ups) on each database: its figures
/// are the services' own (FundEconomics, `proposals stats`, the stored agreements), and the inputs digest follows the facts.</summary>
public abstract class AnnualReportTests(DemoApp app)
{
    private static readonly DateOnly End2024 = new(2024, 12, 31);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private BundlinjeFactory Factory
    {
        get
        {
            if (app.Unavailable is { } reason) Requirement.Missing(reason);
            return app.Factory;
        }
    }

    private async Task<BuiltReport> BuildAsync(string language = "da", IReadOnlyList<PublishedCell>? published = null)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BundlinjeDb>();
        var fund = await db.Funds.AsNoTracking().SingleAsync(f => f.Key == "aarhus", Ct);
        var narratives = await scope.ServiceProvider.GetRequiredService<ReportNarratives>()
            .CurrentAsync(fund.Id, NarrativeScope.Annual(2024), Ct);
        var reports = scope.ServiceProvider.GetRequiredService<AnnualReports>();
        return published is null ? await reports.BuildAsync(fund, 2024, narratives, language, Ct)
            : await reports.BuildAsync(fund, 2024, narratives, language, published, Ct);
    }

    private async Task<EconomicsReport> EconomicsAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BundlinjeDb>();
        var fund = await db.Funds.AsNoTracking().SingleAsync(f => f.Key == "aarhus", Ct);
        return await scope.ServiceProvider.GetRequiredService<FundEconomics>().BuildAsync(fund, new EconomicsQuery(), null, Ct);
    }

    /// <summary>A chapter by the number the renderers give it ("6 " is the sixth numbered chapter), or an unnumbered one by
    /// its heading ("Forord").</summary>
    private static ReportSection Chapter(ReportDocument document, string numberOrHeading)
    {
        var numbers = ReportHtml.SectionNumbers(document);
        return document.Sections.Where((s, i) => s.Level == 1 && (numbers[i] == numberOrHeading.Trim() || s.Heading == numberOrHeading))
            .Single();
    }

    [Fact]
    public async Task The_2024_economics_table_is_FundEconomics_table_cell_for_cell()
    {
        var document = (await BuildAsync()).Document;
        var economics = await EconomicsAsync();
        var table = Chapter(document, "6 ").Blocks.OfType<ReportTable>().First();
        Assert.StartsWith("Tabel 2", table.Caption);
        Assert.Equal("1.000 kr.", table.Unit);
        Assert.Equal(2024, economics.Options.LastActualYear);
        Assert.Equal(economics.Table!.Columns.Select(c => c.Label), table.Header.Skip(1));
        var printed = economics.PrintedRows().ToList();
        Assert.Equal(printed.Count, table.Rows.Count);
        for (var i = 0; i < printed.Count; i++)
        {
            var (label, indented, cells) = printed[i];
            var row = table.Rows[i];
            Assert.Equal(label, row.Cells[0].Text);
            Assert.Equal(indented, row.Indented);
            Assert.Equal(label == Reconciliation.TotalRow || label == economics.BalanceLabel, row.Total);
            Assert.Equal(cells.Select(Kroner.Thousands), row.Cells.Skip(1).Select(c => c.Text));
            Assert.All(row.Cells.Skip(1), c => Assert.StartsWith("/Funds/aarhus/Ledger?effect=80&laterFrom=2029&column=", c.Source));
        }
        var room = economics.Room!;
        Assert.Contains(Chapter(document, "6 ").Blocks.OfType<GeneratedText>(), t => t.Text.Contains(Kroner.Format(room.Amount)));
        Assert.Equal(2, Chapter(document, "6 ").Blocks.OfType<ReportChart>()
            .Count(c => c.Svg.StartsWith("<svg", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_proposals_table_is_what_proposals_stats_prints_for_31_12_2024()
    {
        var (exit, output, _) = await Factory.CliAsync("proposals", "stats", "--fund", "aarhus", "--as-of", "2024-12-31");
        Assert.Equal(0, exit);
        var stats = JsonDocument.Parse(output).RootElement;
        string[] keys = ["ordinary", "directRejection", "rejectedAfterAssessment", "donation", "launched", "pending", "call",
            "callLaunched",
            "newThisYear"];
        var table = Chapter((await BuildAsync()).Document, "2 ").Blocks.OfType<ReportTable>().Single();
        Assert.Equal(keys.Length, table.Rows.Count);
        for (var i = 0; i < keys.Length; i++)
        {
            Assert.Equal(stats.GetProperty(keys[i]).GetInt32().ToString(Kroner.Danish), table.Rows[i].Cells[1].Text);
            Assert.Equal("/Funds/aarhus/Proposals?asOf=2024-12-31", table.Rows[i].Cells[1].Source);
        }
        Assert.True(stats.GetProperty("ordinary").GetInt32() > 0);
    }

    [Fact]
    public async Task Every_demo_investment_has_a_section_and_those_ending_in_2025_are_listed_in_chapter_5()
    {
        var document = (await BuildAsync()).Document;
        var (investments, laterVersions) = await Factory.WithAsync(async db => (
            await db.Investments.AsNoTracking().Where(i => i.Fund!.Key == "aarhus").OrderBy(i => i.Id)
                .Select(i => new { i.Key, i.Name, i.PeriodEnd }).ToListAsync(Ct),
            await db.AgreementVersions.CountAsync(v => v.EffectiveOn > End2024, Ct)));
        Assert.Equal(11, investments.Count);
        Assert.Equal(0, laterVersions); // so the stored terms are the terms as of 31-12-2024
        var chapter4 = document.Sections.SkipWhile(s => s != Chapter(document, "4 ")).Skip(1)
            .TakeWhile(s => s.Level == 2).ToList();
        Assert.Equal(investments.Select(i => i.Name), chapter4.Select(s => s.Heading));
        Assert.All(chapter4, s => Assert.Contains(s.Blocks, b => b is FactList));

        var ending = investments.Where(i => i.PeriodEnd?.Year == 2025).Select(i => i.Name).ToList();
        Assert.NotEmpty(ending);
        var table = Chapter(document, "5 ").Blocks.OfType<ReportTable>().Single();
        Assert.Equal(ending, table.Rows.Select(r => r.Cells[0].Text));
        Assert.All(table.Rows, r => Assert.StartsWith("/Investments/", r.Cells[0].Source));
    }

    [Fact]
    public async Task An_approved_run_shows_its_payment_with_a_link_to_the_run()
    {
        var run = await Factory.WithAsync(db => (from r in db.FollowUpRuns
                                                 join i in db.Investments on r.InvestmentId equals i.Id
                                                 where i.Key == "flere-kloge-haender" && r.AsOf <= End2024
                                                       && db.FollowUpApprovals.Any(a => a.RunId == r.Id)
                                                 select new { r.Id, r.Payable, i.Name }).SingleAsync(Ct));
        var section = (await BuildAsync()).Document.Sections.Single(s => s.Level == 2 && s.Heading == run.Name);
        var total = section.Blocks.OfType<ReportTable>().Single().Rows.Single(r => r.Total);
        Assert.Equal(Kroner.Format(run.Payable), total.Cells[^1].Text);
        Assert.Equal($"/Investments/flere-kloge-haender/FollowUp/Runs/{run.Id}", total.Cells[^1].Source);
    }

    [Fact]
    public async Task The_same_inputs_give_the_same_text_and_digest_and_a_new_posting_or_narrative_revision_changes_the_digest()
    {
        var first = await BuildAsync();
        var second = await BuildAsync();
        Assert.Equal(first.Document.PlainText(), second.Document.PlainText());
        Assert.Equal(first.InputsSha256, second.InputsSha256);

        await Factory.WithAsync(db => new Ledger(db, new FixedUser("test"), TimeProvider.System).PostAsync("aarhus", new LedgerLine
        {
            FiscalYear = 2026, Kind = LedgerKind.RunningCost, Basis = LedgerBasis.Budget, Amount = 1_000m,
            Category = "Øvrig drift af Rådet", Text = "Årsrapporttest",
        }, ct: Ct));
        var posted = await BuildAsync();
        Assert.NotEqual(first.InputsSha256, posted.InputsSha256);

        await SaveNarrativeAsync("naeste-aar", "Rådet ser frem til 2025.");
        var written = await BuildAsync();
        Assert.NotEqual(posted.InputsSha256, written.InputsSha256);
        Assert.Contains("Rådet ser frem til 2025.", written.Document.PlainText());
    }

    [Fact]
    public async Task An_unwritten_narrative_is_empty_and_a_written_one_appears_in_its_chapter()
    {
        await SaveNarrativeAsync("forord", "Sociale investeringer har fokus på den dobbelte bundlinje.");
        var document = (await BuildAsync()).Document;
        var foreword = Assert.IsType<NarrativeText>(Chapter(document, "Forord").Blocks.Single());
        Assert.Equal("Sociale investeringer har fokus på den dobbelte bundlinje.", foreword.Text);
        Assert.False(Chapter(document, "Forord").Numbered);
        var denmark = Assert.IsType<NarrativeText>(Chapter(document, "3 ").Blocks.Single());
        Assert.Equal(("danmark", ""), (denmark.Key, denmark.Text));
        Assert.Empty(denmark.PlainText());
    }

    [Fact]
    public async Task The_english_report_has_english_headings_and_danish_numbers()
    {
        var document = (await BuildAsync("en")).Document;
        Assert.Equal("en", document.Language);
        Assert.Equal(["Foreword", "Introduction", "The council's work in 2024", "Social investments in Denmark",
            "Status of the investments launched", "A look at 2025", "Economics"], document.Sections.Where(s => s.Level == 1)
                .Select(s => s.Heading));
        var economics = await EconomicsAsync();
        var total = Chapter(document, "6 ").Blocks.OfType<ReportTable>().First().Rows.Single(r => r.Cells[0].Text == "Total");
        Assert.Equal(economics.Table!.Total.Select(Kroner.Thousands), total.Cells.Skip(1).Select(c => c.Text));
    }

    [Fact]
    public async Task The_reconciliation_note_lists_the_published_2024_figures_that_differ()
    {
        // The published 2024 table exists only as a file to upload on the Reconcile page; read it where the tests read it.
        var path = Path.Combine(Web.TranslationTests.RepositoryRoot(), "src", "Bundlinje", "Fund", "aarhus-published-2024.csv");
        var published = PublishedTable.ReadCsv(await File.ReadAllTextAsync(path, Ct));
        var expected = Reconciliation.Compare((await EconomicsAsync()).Table!, published);
        Assert.NotEmpty(expected);
        var note = Chapter((await BuildAsync(published: published)).Document, "6 ").Blocks.OfType<ReportTable>()
            .Single(t => t.Caption == "Afvigelser fra den offentliggjorte tabel");
        Assert.Equal(expected.Select(d => (d.Row, d.Column)), note.Rows.Select(r => (r.Cells[0].Text, r.Cells[1].Text)));
        Assert.DoesNotContain(Chapter((await BuildAsync()).Document, "6 ").Blocks.OfType<ReportTable>(),
            t => t.Caption == "Afvigelser fra den offentliggjorte tabel");
    }

    [Fact]
    public async Task Every_generated_number_links_to_a_page_that_opens()
    {
        var document = (await BuildAsync()).Document;
        var blocks = document.Sections.SelectMany(s => s.Blocks).ToList();
        var cells = blocks.OfType<ReportTable>().SelectMany(t => t.Rows).SelectMany(r => r.Cells).Where(c => c.Numeric).ToList();
        Assert.NotEmpty(cells);
        Assert.All(cells, c => Assert.NotNull(c.Source));
        Assert.All(blocks.OfType<FactList>().SelectMany(l => l.Facts), f => Assert.NotNull(f.Source));
        var sources = cells.Select(c => c.Source!).Concat(blocks.OfType<FactList>().SelectMany(l => l.Facts).Select(f => f.Source!))
            .Concat(blocks.OfType<GeneratedText>().Select(t => t.Source!)).ToList();
        var client = await Login.AsAsync(Factory, Login.Email(Bundlinje.Security.Roles.Secretariat));
        foreach (var source in sources.DistinctBy(s => s.Split('?')[0]))
        {
            var response = await client.GetAsync(source, Ct);
            Assert.True(response.IsSuccessStatusCode, $"{source}: {(int)response.StatusCode}");
        }
    }

    private async Task SaveNarrativeAsync(string key, string text) => await Factory.WithAsync(async db =>
    {
        var narratives = new ReportNarratives(db, new FixedUser("sekretariat@aarhus.dk"), TimeProvider.System);
        var fund = await db.Funds.AsNoTracking().SingleAsync(f => f.Key == "aarhus", Ct);
        var current = await narratives.CurrentAsync(fund.Id, NarrativeScope.Annual(2024), Ct);
        var basedOn = current.Current.TryGetValue(key, out var n) ? n.Revision : 0;
        return await narratives.SaveAsync(fund.Id, NarrativeScope.Annual(2024), key, text, basedOn, Ct);
    });
}
