using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Bundlinje.BusinessCases;
using Bundlinje.Common;
using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using CaseLabels = Bundlinje.Web.Pages.Investments.BusinessCases.CaseLabels;

namespace Bundlinje.Tests.BusinessCases;

/// <summary>The business-case pages and the unit-price catalogue over HTTP against the real app (demo data on SQLite):
/// the demo's Havnen case shows the figures <see cref="BusinessCaseMath"/> computes from its stored file, a refused file
/// names its JSON paths and stores nothing, a saved file becomes the next revision, ids are read only through their own
/// investment, only editors post, and a catalogue price reaches a case through the price index.</summary>
public sealed class BusinessCasePageTests : IAsyncLifetime
{
    private BundlinjeFactory factory = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Cases = "/Investments/housing-first/BusinessCases";

    public ValueTask InitializeAsync()
    {
        factory = BundlinjeFactory.Sqlite();
        _ = factory.Services;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    private StoredBusinessCase Havnen() => factory.With(db => db.BusinessCases.AsNoTracking()
        .Where(b => b.Part == "Havnen").OrderByDescending(b => b.Revision).First());

    [Fact]
    public async Task The_havnen_case_page_shows_the_figures_computed_from_its_stored_file()
    {
        var stored = Havnen();
        var rates = factory.With(db => db.Funds.Single(f => f.Key == "aarhus").DiscountRates);
        var c = BusinessCaseFile.Read(stored.Json);
        var (catalogue, index) = factory.With(db => (db.UnitPrices.AsNoTracking().ToList(),
            db.PriceIndices.AsNoTracking().ToDictionary(p => p.Year, p => p.Value)));
        var prices = PriceBook.Resolve(c, catalogue, index);
        var expected = BusinessCaseMath.Compute(c, (o, q) => prices[o, q], rates);
        Assert.NotEqual(0m, expected.NetPresentValue);

        var client = await Login.AsAsync(factory, Login.Email(Roles.CouncilMember));
        var html = await Html(await client.GetAsync($"{Cases}/{stored.Id}", Ct));
        Assert.Contains("<h1>Havnen (Housing First)</h1>", html);
        Assert.Contains($"<span id=\"npv\">{Kroner.Format(expected.NetPresentValue)}</span>", html);
        Assert.Contains(expected.BreakEvenYear is { } year ? $"Tjener sig hjem i {year}" : "Tjener sig ikke hjem inden for horisonten",
            html);
        Assert.Contains("3,5 % for år 0–35, 2,5 % for år 36–70 og 1,5 % derefter", html);
        foreach (var y in expected.Years)
            Assert.Contains($"<tr id=\"year-{y.Year}\"><th>{y.Year}</th><td class=\"number\">{Kroner.Thousands(y.Cost)}</td>"
                + $"<td class=\"number\">{Kroner.Thousands(y.Gross)}</td><td class=\"number\">{Kroner.Thousands(y.Repayment)}</td>"
                + $"<td class=\"number\">{Kroner.Thousands(y.Net)}</td><td class=\"number\">{Kroner.Thousands(y.CumulativeNet)}</td></tr>",
                html);
        Assert.Contains("MSB, decentral, Kommune, Service", html);
        Assert.Contains("Herbergsdøgn", html);
        Assert.Contains("Fondens katalog: herberg-doegn (2023 → 2024)", html);
        Assert.Contains(c.Assumptions[0], html);
        Assert.Contains("<title id=\"tornado-title\">Nutidsværdi ved ± 20 % (1.000 kr.)</title>", html);
        Assert.Contains("<tr id=\"sensitivity-successRate\"><th>Succesrate</th>", html);
        Assert.Contains($"{Cases}/{stored.Id}?handler=Json", html);
        // A council member reads the case, but is offered no form to save one.
        Assert.DoesNotContain("Gem en ny revision", html);
        Assert.DoesNotContain("Gem business case", await Html(await client.GetAsync(Cases, Ct)));

        var download = await client.GetAsync($"{Cases}/{stored.Id}?handler=Json", Ct);
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("housing-first-havnen-aftale1-revision1.json", download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(stored.Json, await download.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Saving_a_refused_file_names_each_json_path_and_stores_nothing()
    {
        var json = JsonNode.Parse(Havnen().Json)!;
        json["case"]!["outcomes"]![0]!["successRate"] = 1.5m;
        json["case"]!["costs"]![0]!["year"] = 1999;
        var client = await Login.AsAsync(factory, Login.Email(Roles.Secretariat));
        var before = factory.With(db => db.BusinessCases.Count());

        var response = await client.PostAsync(Cases, await FormAsync(client, ("CaseJson", json.ToJsonString())), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await Html(response);
        Assert.Contains("Business casen er afvist (2 fejl):", html);
        Assert.Contains("$.case.outcomes[0].successRate: andelen skal ligge mellem 0 og 1, ikke 1,5.", html);
        Assert.Contains("$.case.costs[0].year: året 1999 ligger uden for casens horisont 2021-2030.", html);
        Assert.Equal(before, factory.With(db => db.BusinessCases.Count()));

        var empty = await Html(await client.PostAsync(Cases, await FormAsync(client), Ct));
        Assert.Contains("Vælg en JSON-fil med business casen, eller indsæt dens JSON i tekstfeltet.", empty);
        Assert.Equal(before, factory.With(db => db.BusinessCases.Count()));
    }

    [Fact]
    public async Task An_analyst_downloads_the_case_as_excel_edits_a_cell_and_saves_it_back_as_the_next_revision()
    {
        var first = Havnen();
        var client = await Login.AsAsync(factory, Login.Email(Roles.DepartmentAnalyst));
        var download = await client.GetAsync($"{Cases}/{first.Id}?handler=Xlsx", Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(BusinessCaseExchange.XlsxType, download.Content.Headers.ContentType?.MediaType);
        var xlsx = await download.Content.ReadAsByteArrayAsync(Ct);
        // Effekter!C2 is the outcome's success rate: 60 % → 50 %.
        var edited = Workbooks.Edit(xlsx, "Effekter", "C2", 0.5m);
        async Task<HttpResponseMessage> Upload(byte[] content) => await client.PostAsync(Cases, new MultipartFormDataContent
        {
            { new StringContent(await Login.TokenAsync(client, Cases)), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "Upload", "havnen.xlsx" },
        }, Ct);

        var bad = await Upload(Workbooks.Edit(xlsx, "Effekter", "C2", "tres procent"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Ark 'Effekter', række 2, kolonne C", await Html(bad));
        Assert.Equal(first.Id, Havnen().Id);

        var response = await Upload(edited);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var second = Havnen();
        Assert.Equal((2, 0.5m), (second.Revision, second.Case.Outcomes[0].SuccessRate));
    }

    [Fact]
    public async Task Saving_an_uploaded_file_makes_revision_2_and_opens_it()
    {
        var first = Havnen();
        var json = JsonNode.Parse(first.Json)!;
        json["case"]!["title"] = "Havnen (Housing First), revideret";
        var client = await Login.AsAsync(factory, Login.Email(Roles.Secretariat));
        var form = new MultipartFormDataContent
        {
            { new StringContent(await Login.TokenAsync(client, Cases)), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(json.ToJsonString())), "Upload", "havnen.json" },
        };
        var response = await client.PostAsync(Cases, form, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var second = Havnen();
        Assert.Equal(2, second.Revision);
        Assert.Equal("Havnen (Housing First), revideret", second.Case.Title);
        Assert.Equal($"{Cases}/{second.Id}?saved=true", response.Headers.Location?.OriginalString);
        var page = await Html(await client.GetAsync(response.Headers.Location, Ct));
        Assert.Contains("Business casen er gemt som revision 2.", page);
        Assert.Contains($"<a href=\"{Cases}/{first.Id}\">Vis</a>", page);
        // The list shows the current revision; the old one says so and links to it.
        Assert.Contains($"<a href=\"{Cases}/{second.Id}\">Havnen (Housing First), revideret</a>",
            await Html(await client.GetAsync(Cases, Ct)));
        Assert.Contains("Dette er revision 1; den gældende er revision 2.", await Html(await client.GetAsync($"{Cases}/{first.Id}", Ct)));
    }

    [Fact]
    public async Task An_analyst_of_the_investments_department_saves_a_case()
    {
        const string page = "/Investments/dialog-mod-vold/BusinessCases";
        var first = factory.With(db => db.BusinessCases.AsNoTracking()
            .Single(b => b.InvestmentId == db.Investments.Single(i => i.Key == "dialog-mod-vold").Id));
        var client = await Login.AsAsync(factory, Login.Email(Roles.DepartmentAnalyst));
        Assert.Contains("Gem business case", await Html(await client.GetAsync(page, Ct)));
        var response = await client.PostAsync(page, await FormAsync(client, ("CaseJson", first.Json)), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var second = factory.With(db => db.BusinessCases.AsNoTracking().Where(b => b.InvestmentId == first.InvestmentId)
            .OrderByDescending(b => b.Revision).First());
        Assert.Equal(2, second.Revision);
        Assert.Contains("analytiker", second.SavedBy, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_case_is_read_only_through_its_own_investment()
    {
        var havnen = Havnen().Id;
        var client = await Login.AsAsync(factory, Login.Email(Roles.Secretariat));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{Cases}/{havnen}", Ct)).StatusCode);
        foreach (var url in new[] { $"/Investments/dialog-mod-vold/BusinessCases/{havnen}",
                     $"/Investments/dialog-mod-vold/BusinessCases/{havnen}?handler=Json", $"{Cases}/999999" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_council_member_cannot_save_a_case()
    {
        var client = await Login.AsAsync(factory, Login.Email(Roles.CouncilMember));
        var before = factory.With(db => db.BusinessCases.Count());
        var response = await client.PostAsync(Cases, await FormAsync(client, ("CaseJson", Havnen().Json)), Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden
            || response.Headers.Location?.OriginalString.Contains("/Account/AccessDenied") == true, $"{(int)response.StatusCode}");
        Assert.Equal(before, factory.With(db => db.BusinessCases.Count()));
    }

    [Fact]
    public async Task A_catalogue_price_is_added_once_indexed_and_used_by_a_saved_case() =>
        await UnitPriceFlow.RunAsync(factory);

    private static async Task<FormUrlEncodedContent> FormAsync(HttpClient client, params (string Key, string Value)[] fields)
    {
        var form = fields.ToDictionary(f => f.Key, f => f.Value);
        form["__RequestVerificationToken"] = await Login.TokenAsync(client, "/Portfolio");
        return new FormUrlEncodedContent(form);
    }

    internal static async Task<string> Html(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
}

/// <summary>The catalogue's flow on a given database: the secretariat adds a price, the same code again is refused by the
/// unique index, the index is set for two years, and a case that prices by the code shows the indexed price and its source.</summary>
internal static class UnitPriceFlow
{
    private const string Page = "/Funds/aarhus/UnitPrices";

    public static async Task RunAsync(BundlinjeFactory factory)
    {
        var ct = TestContext.Current.CancellationToken;
        var client = await Login.AsAsync(factory, Login.Email(Roles.Secretariat));
        async Task<string> Post(string url, params (string Key, string Value)[] fields)
        {
            var form = fields.ToDictionary(f => f.Key, f => f.Value);
            form["__RequestVerificationToken"] = await Login.TokenAsync(client, Page);
            var response = await client.PostAsync(url, new FormUrlEncodedContent(form), ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await BusinessCasePageTests.Html(response);
        }
        (string, string)[] Price(string code, string price) =>
        [
            ("Input.Code", code), ("Input.Service", "Herbergsophold"), ("Input.Unit", "døgn"), ("Input.Price", price),
            ("Input.PriceYear", "2023"), ("Input.Source", "SØM 2023"), ("Input.Department", "MSB"), ("Input.Level", "Municipality"),
        ];

        Assert.Contains("Enhedsprisen 'natophold' er tilføjet.", await Post(Page, Price("natophold", "450")));
        var duplicate = await Post(Page, Price("natophold", "500"));
        Assert.Contains("Koden 'natophold' findes allerede i fondens enhedspriskatalog.", duplicate);
        var bad = await Post(Page, Price("Herberg Døgn", "4.50"));
        Assert.Contains("Kode: små bogstaver, tal og bindestreg", bad);
        Assert.Contains("Pris: skriv prisen i kroner, fx 1.234,50.", bad);
        // The demo's catalogue has its own codes; this one is added once at 450 kr.
        var prices = factory.With(db => db.UnitPrices.Where(p => p.FundId == db.Funds.Single(f => f.Key == "aarhus").Id
            && p.Code == "natophold").ToList());
        Assert.Equal(450m, Assert.Single(prices).Price);

        const string index = $"{Page}?handler=Index";
        Assert.Contains("Prisindekset for 2023 er sat til 100.", await Post(index, ("Index.Year", "2023"), ("Index.Value", "100")));
        Assert.Contains("Prisindekset for 2024 er sat til 104.", await Post(index, ("Index.Year", "2024"), ("Index.Value", "104")));
        Assert.Contains("Indeks: skriv et tal over 0", await Post(index, ("Index.Year", "2024"), ("Index.Value", "-3")));
        var catalogue = await BusinessCasePageTests.Html(await client.GetAsync(Page, ct));
        Assert.Contains("<td class=\"number\">450 kr.</td>", catalogue);
        Assert.Contains("<tr id=\"index-2024\"><th>2024</th><td class=\"number\">104</td></tr>", catalogue);

        // A case that prices shelter nights by the code: 450 kr. at 2023 prices is 468 kr. at the case's 2024 prices.
        var json = JsonNode.Parse(factory.With(db => db.BusinessCases.First(b => b.Part == "Havnen").Json))!;
        var consequence = json["case"]!["outcomes"]![0]!["consequences"]![0]!;
        consequence.AsObject().Remove("unitPrice");
        consequence["priceCode"] = "natophold";
        const string cases = "/Investments/housing-first/BusinessCases";
        var form = new Dictionary<string, string>
        {
            ["CaseJson"] = json.ToJsonString(), ["__RequestVerificationToken"] = await Login.TokenAsync(client, cases),
        };
        var saved = await client.PostAsync(cases, new FormUrlEncodedContent(form), ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await BusinessCasePageTests.Html(await client.GetAsync(saved.Headers.Location, ct));
        Assert.Contains("<td class=\"number\">468 kr.</td>", page);
        Assert.Contains("Fondens katalog: natophold (2023 → 2024)", page);

        // The code is now in use: it cannot be renamed.
        var id = factory.With(db => db.UnitPrices.Single(p => p.Code == "natophold"));
        var renamed = await Post($"{Page}?handler=Edit",
            [("PriceId", id.Id.ToString()), ("Version", id.Version.ToString()), .. Price("natophold2", "450")]);
        Assert.Contains("Koden 'natophold' kan ikke ændres: business casen for housing-first bruger den.", renamed);
        Assert.Equal("natophold", factory.With(db => db.UnitPrices.Single(p => p.Id == id.Id).Code));

        // Its price year moved to one the index lacks: the case's page says why it has no figures instead of failing.
        var in2019 = Price("natophold", "450");
        in2019[4] = ("Input.PriceYear", "2019");
        Assert.Contains("Enhedsprisen 'natophold' er gemt.",
            await Post($"{Page}?handler=Edit", [("PriceId", id.Id.ToString()), ("Version", id.Version.ToString()), .. in2019]));
        var unresolved = await client.GetAsync(saved.Headers.Location, ct);
        Assert.Equal(HttpStatusCode.OK, unresolved.StatusCode);
        var text = await BusinessCasePageTests.Html(unresolved);
        Assert.Contains("$.case.outcomes[0].consequences[0].priceCode: prisindekset mangler år 2019", text);
        Assert.DoesNotContain("id=\"npv\"", text);
    }
}

/// <summary>The catalogue's flow on PostgreSQL (the unique index and the index's decimal column differ there).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresBusinessCasePageTests(PostgresCluster cluster) : AppTests
{
    protected override async Task<BundlinjeFactory?> CreateFactoryAsync()
    {
        if (cluster.Unavailable is { } reason) { Requirement.Missing(reason); return null; }
        return BundlinjeFactory.Postgres(await cluster.CreateDatabaseAsync());
    }

    [Fact]
    public async Task A_catalogue_price_is_added_once_indexed_and_used_by_a_saved_case()
    {
        if (Factory is null) return;
        await UnitPriceFlow.RunAsync(Factory);
    }
}

/// <summary>The names the pages look up at run time (enums, sensitivity parameters, price sources) have an English text:
/// <see cref="Web.TranslationTests"/> finds only the literal ones.</summary>
public sealed class BusinessCaseLabelTests
{
    [Fact]
    public void Every_label_the_case_pages_look_up_has_an_english_text()
    {
        var resx = Path.Combine(Web.TranslationTests.RepositoryRoot(), "src", "Bundlinje.Web", "Resources", "SharedResource.en.resx");
        var english = System.Xml.Linq.XDocument.Load(resx).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
        var labels = Enum.GetValues<PublicLevel>().Select(CaseLabels.Of)
            .Concat(Enum.GetValues<CeilingType>().Select(CaseLabels.Of))
            .Concat(new[] { Sensitivity.Success, Sensitivity.Recruitment, Sensitivity.Prices }
                .Select(CaseLabels.Parameter))
            .Concat(new[] { "catalogue:x (2023)", "override: y", "case" }
                .Select(s => CaseLabels.Source(s).Label))
            .ToList();
        Assert.Equal(labels.Count, labels.Distinct().Count());
        Assert.All(labels, l => Assert.Contains(l, english));
    }
}
