using System.Globalization;
using Bundlinje.Common;
using Bundlinje.Data;
using Bundlinje.Data.Documents;
using Bundlinje.Fund;
using Bundlinje.Reports;
using Bundlinje.Reports.FactSheets;
using Bundlinje.Tests.FollowUps;
using Bundlinje.Tests.Infrastructure;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Tests.Reports;

/// <summary>The demo's real reports as files, through the app's <see cref="IReportFiles"/> (SQLite is enough: the figures
/// are tested on both databases in AnnualReportTests/FactSheetTests): the 2024 annual report (da, en), the fact sheets of all
/// demo investments and every paying department's bundle as of 31-12-2024 are valid DOCX files that read back as the
/// document; the annual report, a fact sheet and a bundle print as PDFs (a fact sheet on ONE landscape page), whose pages
/// are written to artifacts/report-pages/demo-*.png for a person to look at.</summary>
public sealed class DemoReportFilesTests(SqliteDemoApp app) : IClassFixture<SqliteDemoApp>
{
    private static readonly DateOnly EndOf2024 = new(2024, 12, 31);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<T> With<T>(Func<IServiceProvider, BundlinjeDb, Task<T>> use)
    {
        if (app.Unavailable is { } reason) Requirement.Missing(reason);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<BundlinjeDb>());
    }

    private Task<Bundlinje.Fund.Fund> AarhusAsync() => With((_, db) => db.Funds.AsNoTracking().SingleAsync(f => f.Key == "aarhus", Ct));

    private Task<byte[]> DocxAsync(ReportDocument document) =>
        With((sp, _) => sp.GetRequiredService<IReportFiles>().DocxAsync(document, Ct));

    private Task<byte[]> PdfAsync(ReportDocument document) => With((sp, _) => sp.GetRequiredService<IReportFiles>().PdfAsync(document, Ct));

    /// <summary>The DOCX passes the Open XML validator and reads back (paragraphs, table cells) as the document's text.</summary>
    private static List<string> Valid(byte[] docx, ReportDocument document)
    {
        using (var package = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(package, Ct).ToList();
            Assert.True(errors.Count == 0, $"{document.Title}: " +
                string.Join("\n", errors.Select(e => $"{e.Path?.XPath} {e.Node?.LocalName}: {e.Description}")));
        }
        var lines = RenderingDocxTests.Lines(docx);
        Assert.Equal(document.PlainText().Split('\n').Where(l => !string.IsNullOrWhiteSpace(l)), lines);
        Assert.All(document.Sections, s => Assert.Contains(lines, l => l.Contains(s.Heading, StringComparison.Ordinal)));
        return lines;
    }

    [Fact]
    public async Task The_2024_annual_report_in_danish_and_english_is_a_valid_docx_with_the_economics_table_of_FundEconomics()
    {
        if (RenderingTools.Files() is null) return;
        var fund = await AarhusAsync();
        var economics = await With((sp, _) => sp.GetRequiredService<FundEconomics>().BuildAsync(fund, new EconomicsQuery(), null, Ct));
        foreach (var language in new[] { "da", "en" })
        {
            var built = await With((sp, _) => sp.GetRequiredService<ReportGenerator>().AnnualAsync(fund, 2024, language, Ct));
            var docx = await DocxAsync(built.Document);
            await File.WriteAllBytesAsync(Path.Combine(RenderingTools.Pages, $"demo-annual-2024-{language}.docx"), docx, Ct);
            var lines = Valid(docx, built.Document);
            Assert.Contains(lines, l => l.StartsWith(language == "en" ? "Table 2" : "Tabel 2", StringComparison.Ordinal));
            // every printed row of the fund's economics (FundEconomics, not the builder) is a row of a table in the file (the
            // labels in Danish; in English the figures)
            foreach (var (label, _, cells) in economics.PrintedRows())
            {
                var figures = string.Join('\t', cells.Select(Kroner.Thousands));
                Assert.Contains(lines, l => language == "da" ? l == label + "\t" + figures
                    : l.EndsWith("\t" + figures, StringComparison.Ordinal));
            }
            using var package = WordprocessingDocument.Open(new MemoryStream(docx), false);
            Assert.Equal(ReportDocx.Charts(built.Document).Count, package.MainDocumentPart!.ImageParts.Count());
            Assert.NotEmpty(package.MainDocumentPart.ImageParts);
        }
    }

    [Fact]
    public async Task The_fact_sheet_of_every_demo_investment_is_a_valid_docx_with_its_facts()
    {
        if (RenderingTools.Files() is null) return;
        var investments = await With((_, db) => db.Investments.AsNoTracking().Include(i => i.Fund).OrderBy(i => i.Key).ToListAsync(Ct));
        Assert.Equal(11, investments.Count);
        foreach (var investment in investments)
        {
            var built = await With((sp, _) => sp.GetRequiredService<ReportGenerator>().FactSheetAsync(investment, EndOf2024, "da", Ct));
            var docx = await DocxAsync(built.Document);
            var lines = Valid(docx, built.Document);
            Assert.Equal(investment.Name, built.Document.Sections[0].Heading);
            var facts = built.Document.Sections.SelectMany(s => s.Blocks).OfType<FactList>().SelectMany(f => f.Facts).ToList();
            Assert.Contains(facts, f => f.Label == "Indskudskapital");
            Assert.All(facts, f => Assert.Contains(lines, l => l.Contains(f.Label, StringComparison.Ordinal)
                && l.Contains(f.Value, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task Every_paying_departments_bundle_is_a_valid_docx_with_each_of_its_fact_sheets()
    {
        if (RenderingTools.Files() is null) return;
        var fund = await AarhusAsync();
        var departments = await With((sp, _) => sp.GetRequiredService<DepartmentBundles>().PayingDepartmentsAsync(fund, Ct));
        Assert.True(departments.Count >= 2);
        foreach (var (key, name) in departments)
        {
            var built = await With((sp, _) => sp.GetRequiredService<ReportGenerator>().DepartmentAsync(fund, key, EndOf2024, "da", Ct));
            var lines = Valid(await DocxAsync(built.Document), built.Document);
            Assert.Equal(name, built.Document.Sections[0].Heading);
            Assert.True(built.Document.Sections.Count >= 2, key);
            Assert.Contains(lines, l => l.StartsWith("Indskudskapital", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_annual_report_a_fact_sheet_and_a_bundle_print_and_every_fact_sheet_fits_one_landscape_page()
    {
        if (RenderingTools.Files() is null || !RenderingTools.Poppler()) return;
        var fund = await AarhusAsync();
        var annual = await With((sp, _) => sp.GetRequiredService<ReportGenerator>().AnnualAsync(fund, 2024, "da", Ct));
        var annualPdf = await PrintAsync(annual.Document, "demo-annual-2024");
        Assert.False(Landscape(annualPdf.Info), annualPdf.Info);
        Assert.True(annualPdf.Pages >= 6, annualPdf.Info);
        Assert.Contains("6 Økonomi", annualPdf.Text);
        Assert.DoesNotContain("6 6 Økonomi", annualPdf.Text); // the chapters carry their numbers; none is numbered twice
        Assert.Contains("Tabel 2", annualPdf.Text);

        var ungifokus = await With((_, db) => db.Investments.AsNoTracking().Include(i => i.Fund)
            .SingleAsync(i => i.Key == "ungifokus", Ct));
        var sheet = await With((sp, _) => sp.GetRequiredService<ReportGenerator>().FactSheetAsync(ungifokus, EndOf2024, "da", Ct));
        var sheetPdf = await PrintAsync(sheet.Document, "demo-factsheet-ungifokus");
        Assert.True(Landscape(sheetPdf.Info) && sheetPdf.Pages == 1, sheetPdf.Info);
        Assert.Contains("Indskudskapital", sheetPdf.Text);

        // Each sheet of a bundle starts a new page: a bundle of n sheets that prints on 1 + n pages has each sheet on one page,
        // and the bundles together hold every investment with a paying department.
        foreach (var (key, _) in await With((sp, _) => sp.GetRequiredService<DepartmentBundles>().PayingDepartmentsAsync(fund, Ct)))
        {
            var bundle = await With((sp, _) => sp.GetRequiredService<ReportGenerator>().DepartmentAsync(fund, key, EndOf2024, "da", Ct));
            var pdf = await PrintAsync(bundle.Document, $"demo-department-{key}");
            var overflowing = bundle.Document.Sections.Skip(1).Select(s => s.Heading).Where(h => !pdf.Text.Contains(h)).ToList();
            Assert.True(Landscape(pdf.Info) && pdf.Pages == bundle.Document.Sections.Count,
                $"{key}: {bundle.Document.Sections.Count - 1} fact sheets on {pdf.Pages - 1} pages ({pdf.Info})");
            Assert.Empty(overflowing);
        }
    }

    private static async Task<(string Info, int Pages, string Text)> PrintAsync(ReportDocument document, string name)
    {
        var files = RenderingTools.Files()!;
        var pdf = await files.PdfAsync(document, Ct);
        var path = Path.Combine(RenderingTools.Pages, name + ".pdf");
        await File.WriteAllBytesAsync(path, pdf, Ct);
        foreach (var old in Directory.GetFiles(RenderingTools.Pages, name + "-*.png")) File.Delete(old);
        await RenderingTools.RunAsync("pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "8", path, Path.Combine(RenderingTools.Pages, name));
        var info = await RenderingTools.RunAsync("pdfinfo", path);
        var pages = int.Parse(info.Split('\n').Single(l => l.StartsWith("Pages:")).Split(':')[1].Trim(), CultureInfo.InvariantCulture);
        return (info, pages, await RenderingTools.RunAsync("pdftotext", path, "-"));
    }

    private static bool Landscape(string info)
    {
        var size = info.Split('\n').Single(l => l.StartsWith("Page size:")).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return double.Parse(size[2], CultureInfo.InvariantCulture) > double.Parse(size[4], CultureInfo.InvariantCulture);
    }
}
