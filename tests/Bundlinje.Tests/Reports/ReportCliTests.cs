using System.Security.Cryptography;
using System.Text;
using Bundlinje.Reports;
using Bundlinje.Tests.FollowUps;
using Bundlinje.Tests.Infrastructure;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Tests.Reports;

/// <summary>`bundlinje report annual|factsheet|department` in-process against the demo's database: the file is written,
/// valid, and kept as a <see cref="ReportRecord"/> whose OutputSha256 is the file's SHA-256; a wrong extension or an unknown
/// fund, investment or department is a clear message, a non-zero exit code, no file and no record.</summary>
public sealed class ReportCliTests(SqliteDemoApp app) : IClassFixture<SqliteDemoApp>, IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string folder = Directory.CreateTempSubdirectory("bundlinje-report-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private BundlinjeFactory Factory
    {
        get
        {
            if (app.Unavailable is { } reason) Requirement.Missing(reason);
            return app.Factory;
        }
    }

    private Task<List<ReportRecord>> RecordsAsync() =>
        Factory.WithAsync(db => db.Reports.AsNoTracking().OrderBy(r => r.Id).ToListAsync(Ct));

    /// <summary>Runs the command with --out FILE; it succeeds and exactly one record is added, holding the file written.</summary>
    private async Task<(ReportRecord Record, byte[] File)> IssueAsync(string file, params string[] args)
    {
        var before = (await RecordsAsync()).Count;
        var path = Path.Combine(folder, file);
        var (exit, output, error) = await Factory.CliAsync([.. args, "--out", path]);
        Assert.True(exit == 0, error);
        Assert.Contains(path, output);
        var records = await RecordsAsync();
        Assert.Equal(before + 1, records.Count);
        var record = records[^1];
        var written = await File.ReadAllBytesAsync(path, Ct);
        Assert.Equal(record.OutputSha256, Convert.ToHexStringLower(SHA256.HashData(written)));
        Assert.Equal(record.Content, written);
        Assert.Contains(record.OutputSha256[..12], output);
        Assert.Equal(file.EndsWith(".pdf", StringComparison.Ordinal) ? ReportFormat.Pdf : ReportFormat.Docx, record.Format);
        return (record, written);
    }

    private static void ValidDocx(byte[] docx)
    {
        using var package = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(package, Ct).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
    }

    private async Task<string> PdfTextAsync(byte[] pdf, string name)
    {
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        var path = Path.Combine(folder, name);
        await File.WriteAllBytesAsync(path, pdf, Ct);
        Assert.Contains("Pages:", await RenderingTools.RunAsync("pdfinfo", path));
        return await RenderingTools.RunAsync("pdftotext", path, "-");
    }

    [Fact]
    public async Task The_report_commands_write_valid_files_and_keep_each_as_a_record_with_the_files_sha256()
    {
        if (RenderingTools.Files() is null || !RenderingTools.Poppler()) return;
        var (annual, docx) = await IssueAsync("annual.docx", "report", "annual", "--fund", "aarhus", "--year", "2024");
        ValidDocx(docx);
        Assert.Equal((ReportKind.AnnualReport, "", "2024", new DateOnly(2024, 12, 31), "da"),
            (annual.Kind, annual.Subject, annual.Period, annual.AsOf, annual.Language));
        Assert.Equal("aarsrapport-aarhus-2024-1.docx", annual.FileName);

        var (annualPdf, pdf) = await IssueAsync("annual.pdf", "report", "annual", "--fund", "aarhus", "--year", "2024", "--language", "en");
        Assert.Contains("6 Economics", await PdfTextAsync(pdf, "annual.pdf"));
        Assert.Equal(("en", 1, "annual-report-aarhus-2024-1.pdf"), (annualPdf.Language, annualPdf.Number, annualPdf.FileName));

        var (sheet, sheetDocx) = await IssueAsync("ungifokus.docx", "report", "factsheet", "--investment", "ungifokus",
            "--as-of", "2024-12-31");
        ValidDocx(sheetDocx);
        Assert.Equal((ReportKind.FactSheet, "ungifokus", "2024-2"), (sheet.Kind, sheet.Subject, sheet.Period));
        Assert.Contains("UngiFokus", string.Join('\n', RenderingDocxTests.Lines(sheetDocx)));

        var (bundle, bundlePdf) = await IssueAsync("sfb.pdf", "report", "department", "--fund", "aarhus", "--department", "sfb",
            "--as-of", "2024-12-31");
        Assert.Equal((ReportKind.DepartmentBundle, "sfb", "2024-2"), (bundle.Kind, bundle.Subject, bundle.Period));
        Assert.Contains("Sociale Forhold og Beskæftigelse", await PdfTextAsync(bundlePdf, "sfb.pdf"));

        // the same annual report again is issue 2
        var (again, _) = await IssueAsync("annual-again.docx", "report", "annual", "--fund", "aarhus", "--year", "2024");
        Assert.Equal((2, annual.InputsSha256), (again.Number, again.InputsSha256));
    }

    [Theory]
    [InlineData("annual.txt", "--out must end in .docx or .pdf", "report", "annual", "--fund", "aarhus", "--year", "2024")]
    [InlineData("annual.docx", "Ukendt fond 'nowhere'", "report", "annual", "--fund", "nowhere", "--year", "2024")]
    [InlineData("x.docx", "Ukendt investering 'nowhere'", "report", "factsheet", "--investment", "nowhere", "--as-of", "2024-12-31")]
    [InlineData("x.pdf", "ingen betalende forvaltning »nowhere«", "report", "department", "--fund", "aarhus", "--department", "nowhere",
        "--as-of", "2024-12-31")]
    [InlineData("x.docx", "--language must be da or en", "report", "annual", "--fund", "aarhus", "--year", "2024", "--language", "de")]
    public async Task A_wrong_extension_or_an_unknown_subject_is_a_clear_message_and_no_record(string file, string message,
        params string[] args)
    {
        var before = await RecordsAsync();
        var path = Path.Combine(folder, file);
        var (exit, output, error) = await Factory.CliAsync([.. args, "--out", path]);
        Assert.NotEqual(0, exit);
        Assert.Contains(message, error);
        Assert.StartsWith("bundlinje: ", error);
        Assert.Equal("", output);
        Assert.False(File.Exists(path));
        Assert.Equal(before.Select(r => r.Id), (await RecordsAsync()).Select(r => r.Id));
    }
}
