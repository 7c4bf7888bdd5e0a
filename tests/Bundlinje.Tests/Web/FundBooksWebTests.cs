using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Bundlinje.Fund;
using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Tests.Web;

/// <summary>The fund books through the pages, the /api exports and the `bundlinje fund` commands, on each database.</summary>
public abstract class FundBooksWebTests : AppTests
{
    private static string PublishedCsv =>
        Path.Combine(TranslationTests.RepositoryRoot(), "src", "Bundlinje", "Fund", "aarhus-published-2024.csv");

    [Fact]
    public async Task The_council_sees_the_whole_table_and_a_provider_only_its_own_rows()
    {
        var council = await (await Login.AsAsync(Factory, Login.Email(Roles.CouncilMember))).GetStringAsync("/Funds/aarhus/Economics",
            TestContext.Current.CancellationToken);
        Assert.Contains(">12.885</a>", council);
        Assert.Contains("Honorar til Rådet", council);
        Assert.Contains("Råderum til nye investeringer", council);

        var provider = await (await Login.AsAsync(Factory, Login.Email(Roles.Provider))).GetStringAsync("/Funds/aarhus/Economics",
            TestContext.Current.CancellationToken);
        Assert.Contains("Dialog mod Vold", provider);
        Assert.DoesNotContain("UngiFokus", provider);
        Assert.DoesNotContain("Honorar til Rådet", provider);
        Assert.DoesNotContain("Restbeløb i Fonden", provider);
        Assert.DoesNotContain("Råderum", provider);
    }

    [Fact]
    public async Task Effect_changes_the_budget_years_and_never_the_accounts_years()
    {
        var client = await Login.AsAsync(Factory, Login.Email(Roles.CouncilMember));
        async Task<JsonElement> Json(int effect) =>
            JsonDocument.Parse(await client.GetStringAsync($"/api/funds/aarhus/economics?effect={effect}")).RootElement;
        var (at80, at100, at0) = (await Json(80), await Json(100), await Json(0));
        decimal[] Row(JsonElement json, string name) => json.GetProperty(name).EnumerateArray().Select(e => e.GetDecimal()).ToArray();
        Assert.Equal(Row(at80, "total")[..5], Row(at100, "total")[..5]);
        Assert.Equal(Row(at80, "balance")[..5], Row(at0, "balance")[..5]);
        Assert.All(Enumerable.Range(5, 5), i => Assert.True(Row(at100, "balance")[i] > Row(at80, "balance")[i]));
        Assert.All(Enumerable.Range(5, 5), i => Assert.True(Row(at0, "balance")[i] < Row(at80, "balance")[i]));
        Assert.Equal(12_885_000m, Row(at80, "total")[2]);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await client.GetAsync("/api/funds/aarhus/economics?format=pdf", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_cell_drills_down_to_the_postings_that_sum_to_it()
    {
        var client = await Login.AsAsync(Factory, Login.Email(Roles.CouncilMember));
        var html = await client.GetStringAsync("/Funds/aarhus/Ledger?effect=80&laterFrom=2029&column=R%202022",
            TestContext.Current.CancellationToken);
        Assert.Contains("I alt, R 2022", html);
        Assert.Contains("12.885 (1.000 kr.)", html);
        var payment = await client.GetStringAsync(
            "/Funds/aarhus/Ledger?effect=100&laterFrom=2029&column=B%202025&row=ResultPayment&reference=ungifokus",
                TestContext.Current.CancellationToken);
        Assert.Contains("UngiFokus – resultatbetaling, B 2025", payment);
        Assert.Contains("-1.701 (1.000 kr.)", payment);
    }

    [Fact]
    public async Task A_ledger_link_whose_later_years_the_books_have_passed_shows_the_ledger_at_the_funds_default()
    {
        var client = await Login.AsAsync(Factory, Login.Email(Roles.CouncilMember));
        // 2020 is an accounts year: the economics table refuses it as "later years from"; an old link still opens.
        var response = await client.GetAsync("/Funds/aarhus/Ledger?laterFrom=2020&column=R%202022",
            TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("12.885 (1.000 kr.)", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Exports_are_the_same_table_as_csv_xlsx_and_cli()
    {
        var client = await Login.AsAsync(Factory, Login.Email(Roles.Secretariat));
        var csv = await client.GetAsync("/api/funds/aarhus/economics?format=csv", TestContext.Current.CancellationToken);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var csvText = (await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).TrimStart('\uFEFF');
        Assert.StartsWith("1.000 DKK,R 2020,R 2021,R 2022,R 2023,R 2024,B 2025,B 2026,B 2027,B 2028,Efterfølgende år i alt\n", csvText);
        Assert.Contains("\nI alt,322,3725,12885,14804,564,", csvText);

        var (exit, output, _) = await Factory.CliAsync("fund", "economics", "--fund", "aarhus", "--format", "csv");
        Assert.Equal(0, exit);
        Assert.Equal(csvText.TrimEnd('\n'), output.TrimEnd('\n'));

        var xlsx = await client.GetByteArrayAsync("/api/funds/aarhus/economics?format=xlsx&effect=100",
            TestContext.Current.CancellationToken);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        Assert.Contains("Restbeløb i Fonden ult. året (100% effekt)", workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.InnerText);

        var file = Path.Combine(Path.GetTempPath(), $"economics-{Guid.NewGuid():N}.xlsx");
        try
        {
            Assert.Equal(0, (await Factory.CliAsync("fund", "economics", "--fund", "aarhus", "--format", "xlsx", "--out", file)).Exit);
            using var fromCli = SpreadsheetDocument.Open(file, false);
            Assert.Single(fromCli.WorkbookPart!.WorksheetParts.Single().DrawingsPart!.ChartParts);
        }
        finally { File.Delete(file); }
        var (badExit, _, badError) = await Factory.CliAsync("fund", "economics", "--fund", "aarhus", "--effect", "151");
        Assert.Equal((1, "bundlinje: Effekten skal være mellem 0 og 150 %."), (badExit, badError.Trim()));
    }

    [Fact]
    public async Task Reconciliation_by_upload_and_by_cli_lists_what_differs()
    {
        var client = await Login.AsAsync(Factory, Login.Email(Roles.CouncilMember));
        var page = await UploadAsync(client, "offentliggjort.csv",
            await File.ReadAllBytesAsync(PublishedCsv, TestContext.Current.CancellationToken), "1");
        Assert.Contains("<td>I alt</td><td>R 2022</td><td class=\"number\">12.844</td><td class=\"number\">12.885</td><td " +
            "class=\"number\">-41</td>", page);
        Assert.DoesNotContain("<td>I alt</td><td>R 2021</td>", page); // 3.724 vs 3.725: within the tolerance

        var xlsx = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(xlsx,
            new[] { new { row = "I alt", column = "R 2022", value = 12844 }, new { row = "I alt", column = "R 2021", value = 3724 } });
        var fromXlsx = await UploadAsync(client, "tabel.xlsx", xlsx.ToArray(), "0");
        Assert.Contains("2 af 2 offentliggjorte celler afviger", fromXlsx);

        var bad = await UploadAsync(client, "tabel.csv", "row,column,value\n\"I alt\",\"R 2022\",tolv\n"u8.ToArray(), "1");
        Assert.Contains("Fil &#x27;tabel.csv&#x27;: Linje 2, value: &#x27;tolv&#x27; er ikke et tal", bad);

        var (exit, output, _) = await Factory.CliAsync("fund", "reconcile", "--fund", "aarhus", "--published", PublishedCsv);
        Assert.Equal(0, exit);
        Assert.Contains("I alt | R 2022: published 12844, computed 12885, difference -41", output);
        Assert.DoesNotContain("R 2021", output.Split('\n').Where(l => l.StartsWith("I alt")).Aggregate("", string.Concat));
    }

    [Fact]
    public async Task The_secretariat_posts_reverses_and_closes_years_in_the_ui_and_a_closed_year_refuses()
    {
        var client = await Login.AsAsync(Factory, Login.Email(Roles.Secretariat));
        async Task<HttpResponseMessage> Post(string url, Dictionary<string, string> form)
        {
            form["__RequestVerificationToken"] = await Login.TokenAsync(client, url.Split('?')[0]);
            return await client.PostAsync(url, new FormUrlEncodedContent(form));
        }
        Dictionary<string, string> Line(string year, string amount) => new()
        {
            ["Line.Pot"] = "InvestmentFund", ["Line.Kind"] = "RunningCost", ["Line.Basis"] = "Actual", ["Line.FiscalYear"] = year,
            ["AmountText"] = amount, ["Line.Category"] = "Øvrig drift af Rådet", ["Line.Text"] = "Mødeforplejning",
        };
        var posted = await Post("/Funds/aarhus/Ledger/Post", Line("2025", "12.345,50"));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var posting = Factory.With(db => db.LedgerPostings.AsNoTracking().OrderByDescending(p => p.Id).First());
        Assert.Equal((12_345.50m, Login.Email(Roles.Secretariat), LedgerSource.Manual), (posting.Amount, posting.PostedBy, posting.Source));
        Assert.Contains(Factory.With(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "LedgerPosting" && a.EntityId == posting.Id).Select(a => a.User).ToList()),
            u => u == Login.Email(Roles.Secretariat));

        var garbled = await (await Post("/Funds/aarhus/Ledger/Post", Line("2025", "12.34.5,5,5"))).Content.ReadAsStringAsync(
            TestContext.Current.CancellationToken);
        Assert.Contains("Beløb: skriv et beløb i kr.", garbled);

        var noReason = await (await Post("/Funds/aarhus/Ledger?handler=Reverse",
            new() { ["PostingId"] = posting.Id.ToString(), ["Reason"] = "" })).Content.ReadAsStringAsync(
                TestContext.Current.CancellationToken);
        Assert.Contains("En tilbageførsel skal have en begrundelse.", noReason);
        var reversed = await (await Post("/Funds/aarhus/Ledger?handler=Reverse",
            new() { ["PostingId"] = posting.Id.ToString(), ["Reason"] = "Bogført på forkert år" })).Content.ReadAsStringAsync(
                TestContext.Current.CancellationToken);
        Assert.Contains($"Postering {posting.Id} er tilbageført", reversed);
        Assert.Equal(-12_345.50m, Factory.With(db => db.LedgerPostings.Single(p => p.Reverses == posting.Id).Amount));

        var demoClosed = await (await Post("/Funds/aarhus/Ledger/Post", Line("2024", "100"))).Content.ReadAsStringAsync(
            TestContext.Current.CancellationToken);
        Assert.Contains("Regnskabsåret 2024 blev lukket af system", demoClosed); // the demo's accounts up to 2024 are final
        Assert.Equal(HttpStatusCode.Redirect, (await Post("/Funds/aarhus/Ledger/Close", new() { ["Year"] = "2025" })).StatusCode);
        var refused = await (await Post("/Funds/aarhus/Ledger/Post", Line("2025", "100"))).Content.ReadAsStringAsync(
            TestContext.Current.CancellationToken);
        Assert.Contains($"Regnskabsåret 2025 blev lukket af {Login.Email(Roles.Secretariat)}", refused);
        var again = await (await Post("/Funds/aarhus/Ledger/Close", new() { ["Year"] = "2025" })).Content.ReadAsStringAsync(
            TestContext.Current.CancellationToken);
        Assert.Contains("Regnskabsåret 2025 blev lukket", again);
        var economics = JsonDocument.Parse(
            await client.GetStringAsync("/api/funds/aarhus/economics", TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal("R 2025", economics.GetProperty("columns")[5].GetString()); // a closed year becomes an accounts column

        var (exit, _, error) = await Factory.CliAsync("fund", "close", "--fund", "aarhus", "--year", "2025");
        Assert.Equal(1, exit);
        Assert.StartsWith("bundlinje: Regnskabsåret 2025 blev lukket", error);
    }

    [Fact]
    public async Task A_ledger_file_imports_all_or_nothing_from_the_cli_and_feeds_the_outcome_fund()
    {
        var before = Factory.With(db => db.LedgerPostings.Count());
        var file = Path.Combine(Path.GetTempPath(), $"ledger-{Guid.NewGuid():N}.json");
        try
        {
            await File.WriteAllTextAsync(file, """
                { "format": "bundlinje-ledger/1", "fund": "aarhus", "entries": [
                  { "pot": "outcomeFund", "fiscalYear": 2025, "kind": "commitment", "basis": "budget", "amount": 1500000, "investment": "dialog-mod-vold", "metric": "Volden er ophørt" },
                  { "pot": "outcomeFund", "fiscalYear": 2025, "kind": "payout", "basis": "actual", "amount": 250000, "investment": "no-such" } ] }
                """, TestContext.Current.CancellationToken);
            var (exit, _, error) = await Factory.CliAsync("fund", "ledger", "import", file);
            Assert.Equal(1, exit);
            Assert.Contains("$.entries[1].investment: ukendt investering 'no-such'", error);
            Assert.Equal(before, Factory.With(db => db.LedgerPostings.Count()));

            await File.WriteAllTextAsync(file,
                (await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken)).Replace("no-such", "dialog-mod-vold"),
                    TestContext.Current.CancellationToken);
            Assert.Equal(0, (await Factory.CliAsync("fund", "ledger", "import", file)).Exit);
        }
        finally { File.Delete(file); }
        var page = await (await Login.AsAsync(Factory, Login.Email(Roles.CouncilMember))).GetStringAsync("/Funds/aarhus/OutcomeFund",
            TestContext.Current.CancellationToken);
        Assert.Contains("27.000.000 kr.", page);   // 25 mio. (2021) + 2 mio. (2025)
        Assert.Contains("25.500.000 kr.", page);   // not committed
        Assert.Contains("1.250.000 kr.", page);    // outstanding
        Assert.Contains("Volden er ophørt", page);
    }

    private static async Task<string> UploadAsync(HttpClient client, string name, byte[] content, string tolerance)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(await Login.TokenAsync(client, "/Funds/aarhus/Reconcile")), "__RequestVerificationToken" },
            { new StringContent(tolerance), "Tolerance" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "Published", name);
        return await (await client.PostAsync("/Funds/aarhus/Reconcile", form)).Content.ReadAsStringAsync();
    }
}

public sealed class SqliteFundBooksWebTests : FundBooksWebTests
{
    protected override Task<BundlinjeFactory?> CreateFactoryAsync() => Task.FromResult<BundlinjeFactory?>(BundlinjeFactory.Sqlite());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresFundBooksWebTests(PostgresCluster cluster) : FundBooksWebTests
{
    protected override async Task<BundlinjeFactory?> CreateFactoryAsync()
    {
        if (cluster.Unavailable is { } reason) { Requirement.Missing(reason); return null; }
        return BundlinjeFactory.Postgres(await cluster.CreateDatabaseAsync());
    }
}
