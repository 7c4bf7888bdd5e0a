using System.Text;
using Bundlinje.Common;
using Bundlinje.Data.Documents;
using Bundlinje.Reports;
using Bundlinje.Tests.Infrastructure;
using Bundlinje.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Tests.Reports;

/// <summary>The PDF as Chromium prints the standalone page, read back with poppler. The first page of each is written to
/// artifacts/report-pages/ (annual-1.png, factsheet-1.png, beside the PDFs and DOCX files) for a person to look at.</summary>
public class RenderingPdfTests
{
    [Fact]
    public async Task The_annual_report_prints_as_an_A4_pdf_with_its_danish_text_and_numbers()
    {
        if (RenderingTools.Files() is not { } files || !RenderingTools.Poppler()) return;
        var doc = RenderingDocument.Annual();
        var pdf = await files.PdfAsync(doc, TestContext.Current.CancellationToken);
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        var path = Path.Combine(RenderingTools.Pages, "annual.pdf");
        await File.WriteAllBytesAsync(path, pdf, TestContext.Current.CancellationToken);

        var text = await RenderingTools.RunAsync("pdftotext", "-layout", path, "-");
        Assert.Contains("Økonomi", text);
        Assert.Contains("1 Økonomi", text);
        Assert.Contains("2.1 Ung i fokus", text);
        Assert.Contains("Fonden har", text);
        Assert.Contains(Kroner.Format(15_933_563m), text); // MSB's fact sheet (shared/seeds/002): Indskudskapital
        var total = RenderingDocument.Economics.Total.Select(Kroner.Thousands).ToList();
        Assert.Contains(total, n => n.Contains('.'));
        Assert.All(total, n => Assert.Contains(n, text));
        Assert.Contains("<script>alert('æøå')</script>", text);
        Assert.DoesNotContain("ikke skrevet endnu", text);
        Assert.Contains("Pages:", await RenderingTools.RunAsync("pdfinfo", path));

        var (width, height) = await FirstPageAsync(path, "annual");
        Assert.InRange(width, 490, 500); // A4 at 60 dpi: 210 mm = 496 px, 297 mm = 702 px
        Assert.InRange(height, 697, 707);
    }

    [Fact]
    public async Task A_landscape_document_prints_on_landscape_pages()
    {
        if (RenderingTools.Files() is not { } files || !RenderingTools.Poppler()) return;
        var pdf = await files.PdfAsync(RenderingDocument.FactSheet(), TestContext.Current.CancellationToken);
        var path = Path.Combine(RenderingTools.Pages, "factsheet.pdf");
        await File.WriteAllBytesAsync(path, pdf, TestContext.Current.CancellationToken);
        var info = await RenderingTools.RunAsync("pdfinfo", path);
        var size = info.Split('\n').Single(l => l.StartsWith("Page size:")).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var (w, h) = (double.Parse(size[2], System.Globalization.CultureInfo.InvariantCulture),
            double.Parse(size[4], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(w > h, info);
        Assert.InRange(w, 840, 843); // A4 landscape: 841.89 x 595.28 pt
        Assert.Matches(@"Pages:\s+1\n", info);
        var (width, height) = await FirstPageAsync(path, "factsheet");
        Assert.True(width > height, $"{width} x {height}");
        Assert.Contains("Fakta om projektet", await RenderingTools.RunAsync("pdftotext", path, "-"));
    }

    [Fact]
    public async Task Without_chromium_the_files_are_refused_with_a_reason()
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Bundlinje:Chromium"] = "/nonexistent/chromium" }).Build();
        var files = new ReportFiles(new ChromiumPrinter(config));
        var refused = await Assert.ThrowsAsync<Refused>(() =>
            files.PdfAsync(RenderingDocument.Annual(), TestContext.Current.CancellationToken));
        Assert.Equal("report.chromiumMissing", refused.Problems.Single().Code);
        Assert.Contains("/nonexistent/chromium", refused.Problems.Single().Da());
        await Assert.ThrowsAsync<Refused>(() => files.DocxAsync(RenderingDocument.Annual(), TestContext.Current.CancellationToken));
        // Chromium only draws the charts: a document without any is written as DOCX all the same.
        var noCharts = RenderingDocument.Annual() with { Sections = [.. RenderingDocument.Annual().Sections.Skip(2)] };
        var docx = await files.DocxAsync(noCharts, TestContext.Current.CancellationToken);
        Assert.Equal(noCharts.PlainText().Split('\n').Where(l => !string.IsNullOrWhiteSpace(l)), RenderingDocxTests.Lines(docx));
    }

    [Fact]
    public void The_app_gets_the_report_files_from_its_services_with_the_configured_chromium()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bundlinje:Database:Provider"] = "Sqlite", ["Bundlinje:DataFolder"] = Path.GetTempPath(),
            ["Bundlinje:Chromium"] = "/opt/chromium/chrome",
        }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(config)
            .AddBundlinje(config).BuildServiceProvider();
        using var scope = services.CreateScope();
        Assert.IsType<ReportFiles>(scope.ServiceProvider.GetRequiredService<IReportFiles>());
        Assert.Equal("/opt/chromium/chrome", scope.ServiceProvider.GetRequiredService<ChromiumPrinter>().Program);
    }

    [Fact]
    public async Task A_cancelled_print_stops_chromium_and_leaves_no_temporary_folder()
    {
        if (RenderingTools.Files() is not { } files) return;
        var marker = Guid.NewGuid().ToString("N");
        using var cancel = new CancellationTokenSource();
        var print = files.PdfAsync(RenderingDocument.Annual() with { Title = marker }, cancel.Token);
        // Other tests print at the same time: this print's folder is the one whose page has the marker as its title.
        string? folder = null;
        for (var wait = 0; folder is null && wait < 200 && !print.IsCompleted; wait++)
        {
            folder = Directory.GetDirectories(Path.GetTempPath(), "bundlinje-report-*").FirstOrDefault(d =>
                File.Exists(Path.Combine(d, "page.html")) && File.ReadAllText(Path.Combine(d, "page.html")).Contains(marker));
            if (folder is null) await Task.Delay(20, TestContext.Current.CancellationToken);
        }
        Assert.NotNull(folder);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => print);
        Assert.False(Directory.Exists(folder), folder);
        Assert.DoesNotContain(System.Diagnostics.Process.GetProcessesByName("chromium"), p =>
            File.Exists($"/proc/{p.Id}/cmdline") && File.ReadAllText($"/proc/{p.Id}/cmdline").Contains(folder));
    }

    private static async Task<(int Width, int Height)> FirstPageAsync(string pdf, string name)
    {
        var prefix = Path.Combine(RenderingTools.Pages, name);
        foreach (var old in Directory.GetFiles(RenderingTools.Pages, name + "-*.png")) File.Delete(old);
        await RenderingTools.RunAsync("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", pdf, prefix);
        var page = Directory.GetFiles(RenderingTools.Pages, name + "-*.png").Single();
        var png = await File.ReadAllBytesAsync(page, TestContext.Current.CancellationToken);
        Assert.InRange(png.Length, 5_000, 2_000_000);
        return RenderingTools.PngSize(png);
    }
}
