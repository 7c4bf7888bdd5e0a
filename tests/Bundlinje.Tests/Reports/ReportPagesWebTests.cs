using System.Net;
using Bundlinje.Reports;
using Bundlinje.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Tests.Reports;

/// <summary>The report pages end to end on each database, as the secretariat, the council, a provider and a department's
/// analyst use them: write a text, see it in the preview, issue the annual report as DOCX and read it back, issue it again
/// from the same inputs (same inputs digest, same text), two issues at once, a stale text save, copying last year's texts,
/// and who reads which report.</summary>
public abstract class ReportPagesWebTests : IAsyncLifetime
{
    protected BundlinjeFactory Factory { get; private set; } = null!;
    protected abstract Task<BundlinjeFactory?> CreateFactoryAsync();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Annual = "/Funds/aarhus/Reports/Annual/2024";

    public async ValueTask InitializeAsync() => Factory = (await CreateFactoryAsync())!;

    public async ValueTask DisposeAsync()
    {
        if (Factory is not null) await Factory.DisposeAsync();
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, params (string, string)[] fields)
    {
        var form = fields.ToDictionary(f => f.Item1, f => f.Item2);
        form["__RequestVerificationToken"] = await Login.TokenAsync(client, "/Portfolio");
        return await client.PostAsync(url, new FormUrlEncodedContent(form), Ct);
    }

    private static async Task<string> TextAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>Refused: 403, or the access-denied page a refused page sends the browser to.</summary>
    private static void AssertDenied(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || (response.StatusCode == HttpStatusCode.Redirect
            && response.Headers.Location!.OriginalString.Contains("/Account/AccessDenied", StringComparison.Ordinal)),
            $"{response.RequestMessage!.RequestUri}: {response.StatusCode} {response.Headers.Location}");

    private static string NarrativeUrl(string scope, string field) =>
        $"/Funds/aarhus/Reports/Narrative?scope={Uri.EscapeDataString(scope)}&field={field}&back={Uri.EscapeDataString(Annual)}";

    private List<ReportRecord> Records() => Factory.With(db => db.Reports.AsNoTracking().OrderBy(r => r.Id).ToList());

    private static string DocxText(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return string.Join('\n', document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Select(p => p.InnerText));
    }

    [Fact]
    public async Task A_written_foreword_is_in_the_preview_and_in_the_issued_docx_and_issuing_again_gives_the_same_text()
    {
        if (Factory is null) return;
        if (!File.Exists(ChromiumApp.Chromium)) Requirement.Missing("Chromium is needed to draw the charts of the DOCX.");
        using var secretariat = await Login.AsAsync(Factory, "sekretariat@demo.bundlinje.dk");
        var empty = await TextAsync(secretariat, Annual);
        Assert.Contains("Forord", empty);
        var save = await PostAsync(secretariat, NarrativeUrl("annual/2024", "forord"), ("Text", "Rådet takker for et år med æ, ø og å."),
            ("BasedOn", "0"));
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.Contains("Rådet takker for et år med æ, ø og å.", await TextAsync(secretariat, Annual));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(secretariat, Annual + "?handler=Issue", ("Format", "docx"),
            ("Language", "da"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(secretariat, Annual + "?handler=Issue", ("Format", "docx"),
            ("Language", "da"))).StatusCode);
        var records = Records();
        Assert.Equal([1, 2], records.Select(r => r.Number));
        Assert.All(records, r => Assert.Equal((ReportKind.AnnualReport, "2024", ReportFormat.Docx, "sekretariat@demo.bundlinje.dk"),
            (r.Kind, r.Period, r.Format, r.GeneratedBy)));
        Assert.Equal(records[0].InputsSha256, records[1].InputsSha256);
        Assert.Equal(DocxText(records[0].Content), DocxText(records[1].Content));

        var list = await TextAsync(secretariat, "/Funds/aarhus/Reports");
        Assert.Contains(records[1].FileName, list);
        Assert.Contains(records[1].InputsSha256[..12], list);
        var file = await secretariat.GetAsync($"/Funds/aarhus/Reports/{records[1].Id}", Ct);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            file.Content.Headers.ContentType!.MediaType);
        var text = DocxText(await file.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains("Rådet takker for et år med æ, ø og å.", text);

        // A new revision of a text changes the report's inputs: the next issue has another digest.
        await PostAsync(secretariat, NarrativeUrl("annual/2024", "forord"), ("Text", "Ny tekst."), ("BasedOn", "1"));
        await PostAsync(secretariat, Annual + "?handler=Issue", ("Format", "docx"), ("Language", "da"));
        Assert.NotEqual(records[0].InputsSha256, Records()[^1].InputsSha256);
    }

    [Fact]
    public async Task The_annual_report_lists_the_figures_of_the_stored_published_table_that_differ_and_a_new_upload_replaces_it()
    {
        if (Factory is null) return;
        using var secretariat = await Login.AsAsync(Factory, "sekretariat@demo.bundlinje.dk");
        // The demo keeps the council's published 2024 table: the report lists the cells the books do not give.
        var expected = await Factory.WithAsync(async db =>
        {
            var fund = await db.Funds.SingleAsync(f => f.Key == "aarhus", Ct);
            var stored = await db.PublishedEconomicsTables.Where(t => t.FundId == fund.Id && t.Year == 2024).SingleAsync(Ct);
            return stored.Read();
        });
        Assert.NotEmpty(expected);
        var preview = await TextAsync(secretariat, Annual);
        Assert.Contains("tal i den offentliggjorte tabel afviger", preview);

        // A published table saying the total of R 2024 was 1 (thousand kr.): the report names that cell with 1 beside it.
        var form = new MultipartFormDataContent
        {
            { new StringContent(await Login.TokenAsync(secretariat, "/Funds/aarhus/Reconcile")), "__RequestVerificationToken" },
            { new StringContent("2024"), "Year" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("row,column,value\n\"I alt\",\"R 2024\",1\n")), "Published",
                "t.csv" },
        };
        var store = await secretariat.PostAsync("/Funds/aarhus/Reconcile?handler=Store", form, Ct);
        var stored = WebUtility.HtmlDecode(await store.Content.ReadAsStringAsync(Ct));
        Assert.True(stored.Contains("t.csv: 2024 (2)", StringComparison.Ordinal),
            stored[stored.IndexOf("<main", StringComparison.Ordinal)..]);
        preview = await TextAsync(secretariat, Annual);
        Assert.Contains("1 tal i den offentliggjorte tabel afviger", preview);

        using var council = await Login.AsAsync(Factory, "raad@demo.bundlinje.dk");
        var refused = new MultipartFormDataContent
        {
            { new StringContent(await Login.TokenAsync(council, "/Funds/aarhus/Reconcile")), "__RequestVerificationToken" },
            { new StringContent("2024"), "Year" },
            { new ByteArrayContent("row,column,value\n\"I alt\",\"R 2024\",2\n"u8.ToArray()), "Published", "t.csv" },
        };
        AssertDenied(await council.PostAsync("/Funds/aarhus/Reconcile?handler=Store", refused, Ct));
        Assert.Equal(2, Factory.With(db => db.PublishedEconomicsTables.Count()));
    }

    [Fact]
    public async Task A_text_saved_on_an_older_revision_is_refused_and_the_newer_text_stays()
    {
        if (Factory is null) return;
        using var secretariat = await Login.AsAsync(Factory, "sekretariat@demo.bundlinje.dk");
        var url = NarrativeUrl("annual/2024", "indledning");
        await PostAsync(secretariat, url, ("Text", "Første"), ("BasedOn", "0"));
        var stale = await PostAsync(secretariat, url, ("Text", "Overskriver"), ("BasedOn", "0"));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("ændret af en anden", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync(Ct)));
        var history = Factory.With(db => db.ReportNarratives.Where(n => n.Key == "indledning").Select(n => n.Text).ToList());
        Assert.Equal(["Første"], history);
        var tooLong = await PostAsync(secretariat, url, ("Text", new string('x', ReportNarrativeLimits.MaxLength + 1)), ("BasedOn", "1"));
        Assert.Contains("for lang", WebUtility.HtmlDecode(await tooLong.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task Two_issues_at_once_get_different_numbers_or_one_is_told()
    {
        if (Factory is null) return;
        if (!File.Exists(ChromiumApp.Chromium)) Requirement.Missing("Chromium is needed to draw the charts of the DOCX.");
        using var one = await Login.AsAsync(Factory, "sekretariat@demo.bundlinje.dk");
        using var two = await Login.AsAsync(Factory, "sekretariat@demo.bundlinje.dk");
        var url = "/Investments/ungifokus/FactSheet?asOf=2024-12-31&handler=Issue";
        var responses = await Task.WhenAll(PostAsync(one, url, ("Format", "docx")), PostAsync(two, url, ("Format", "docx")));
        var records = Records();
        Assert.Equal(records.Count, records.Select(r => r.Number).Distinct().Count());
        Assert.Equal(records.Count, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Redirect))
            Assert.Contains("samtidig", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task Last_years_texts_are_copied_as_a_starting_point_without_overwriting_this_years()
    {
        if (Factory is null) return;
        using var secretariat = await Login.AsAsync(Factory, "sekretariat@demo.bundlinje.dk");
        await PostAsync(secretariat, NarrativeUrl("annual/2023", "forord"), ("Text", "Forord 2023"), ("BasedOn", "0"));
        await PostAsync(secretariat, NarrativeUrl("annual/2023", "danmark"), ("Text", "Danmark 2023"), ("BasedOn", "0"));
        await PostAsync(secretariat, NarrativeUrl("annual/2024", "danmark"), ("Text", "Danmark 2024"), ("BasedOn", "0"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(secretariat, Annual + "?handler=CopyPrevious")).StatusCode);
        var current = Factory.With(db => db.ReportNarratives.Where(n => n.Scope == "annual/2024").OrderBy(n => n.Key)
            .Select(n => new { n.Key, n.Text, n.CopiedFrom }).ToList());
        Assert.Equal(["danmark:Danmark 2024:", "forord:Forord 2023:annual/2023"], current.Select(n => $"{n.Key}:{n.Text}:{n.CopiedFrom}"));
    }

    [Fact]
    public async Task Each_reader_reads_the_reports_that_are_theirs_and_only_the_secretariat_issues()
    {
        if (Factory is null) return;
        using var council = await Login.AsAsync(Factory, "raad@demo.bundlinje.dk");
        Assert.Contains("Forord", await TextAsync(council, Annual));
        AssertDenied(await PostAsync(council, Annual + "?handler=Issue", ("Format", "docx")));
        AssertDenied(await PostAsync(council, NarrativeUrl("annual/2024", "forord"), ("Text", "x"),
            ("BasedOn", "0")));

        using var provider = await Login.AsAsync(Factory, Login.Email(Bundlinje.Security.Roles.Provider));
        Assert.Equal(HttpStatusCode.OK, (await provider.GetAsync("/Investments/dialog-mod-vold/FactSheet?asOf=2024-12-31", Ct)).StatusCode);
        AssertDenied(await provider.GetAsync("/Investments/ungifokus/FactSheet?asOf=2024-12-31", Ct));
        AssertDenied(await provider.GetAsync(Annual, Ct));
        AssertDenied(await PostAsync(provider, "/Investments/dialog-mod-vold/FactSheet?asOf=2024-12-31&handler=Issue", ("Format", "pdf")));
        var list = await TextAsync(provider, "/Funds/aarhus/Reports");
        Assert.DoesNotContain("/Funds/aarhus/Reports/Annual/", list);
        Assert.Contains("/Investments/dialog-mod-vold/FactSheet", list);
        Assert.DoesNotContain("/Investments/ungifokus/FactSheet", list);

        using var analyst = await Login.AsAsync(Factory, Login.Email(Bundlinje.Security.Roles.DepartmentAnalyst));
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/Funds/aarhus/Reports/Departments/sfb?asOf=2024-12-31", Ct)).StatusCode);
        AssertDenied(await analyst.GetAsync("/Funds/aarhus/Reports/Departments/mbu?asOf=2024-12-31", Ct));
        AssertDenied(await analyst.GetAsync(Annual, Ct));
    }

    [Fact]
    public async Task A_hostile_scope_or_field_is_not_found_and_nothing_is_written()
    {
        if (Factory is null) return;
        using var secretariat = await Login.AsAsync(Factory, "sekretariat@demo.bundlinje.dk");
        foreach (var (scope, field) in new[]
        {
            ("annual/2024", "../forord"), ("annual/2024", "<script>"), ("factsheet/no-such-investment/2024-2", "status"),
            ("anything", "forord"), ("annual/1999", "forord"),
        })
        {
            var url = $"/Funds/aarhus/Reports/Narrative?scope={Uri.EscapeDataString(scope)}&field={Uri.EscapeDataString(field)}";
            Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync(url, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(secretariat, url, ("Text", "x"), ("BasedOn", "0"))).StatusCode);
        }
        var back = await PostAsync(secretariat, NarrativeUrl("annual/2024", "forord").Replace(Uri.EscapeDataString(Annual),
            Uri.EscapeDataString("https://evil.example/"), StringComparison.Ordinal), ("Text", "x"), ("BasedOn", "0"));
        Assert.StartsWith("/Funds/aarhus/Reports", back.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(1, Factory.With(db => db.ReportNarratives.Count()));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(secretariat, Annual + "?handler=Issue", ("Format", "exe"))).StatusCode);
        Assert.Empty(Records());
    }
}

public sealed class SqliteReportPagesWebTests : ReportPagesWebTests
{
    protected override Task<BundlinjeFactory?> CreateFactoryAsync() => Task.FromResult<BundlinjeFactory?>(BundlinjeFactory.Sqlite());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresReportPagesWebTests(PostgresCluster cluster) : ReportPagesWebTests
{
    protected override async Task<BundlinjeFactory?> CreateFactoryAsync()
    {
        if (cluster.Unavailable is { } reason) { Requirement.Missing(reason); return null; }
        return BundlinjeFactory.Postgres(await cluster.CreateDatabaseAsync());
    }
}
