using System.Net;
using System.Text.RegularExpressions;
using Bundlinje.Common;
using Bundlinje.Data.Peers;
using Bundlinje.Peers;
using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.VisualBasic.FileIO;

namespace Bundlinje.Tests.Peers;

/// <summary>The demo app on SQLite with the full INDIGO export imported, shared by the tests of a class.</summary>
public sealed class PeersApp : IAsyncLifetime
{
    public BundlinjeFactory Factory { get; } = BundlinjeFactory.Sqlite();
    public string? Folder { get; } = IndigoExport.Folder();

    public async ValueTask InitializeAsync()
    {
        if (Folder is null) return;
        await using var scope = Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IndigoImporter>().ImportAsync(Folder);
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}

/// <summary>The Peers pages over the imported library: the Danish projects by the country filter, the Aarhus-linked
/// projects with their investments (only for those who may read them), the compare view, hostile filter values.</summary>
public sealed partial class PeersWebTests(PeersApp app) : IClassFixture<PeersApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("data-indigo=\"([^\"]+)\"")]
    private static partial Regex Row();

    private async Task<HttpClient> AsAsync(string role)
    {
        IndigoExport.Required();
        return await Login.AsAsync(app.Factory, Login.Email(role));
    }

    private static List<string> Rows(string html) => Row().Matches(html).Select(m => m.Groups[1].Value).ToList();

    /// <summary>Danish projects by an independent parse: a delivery location or the jurisdiction in DK.</summary>
    private static HashSet<string> DanishInTheExport(string folder)
    {
        var danish = new HashSet<string>();
        foreach (var (table, column) in new[] { (PeerTable.DeliveryLocation, "Location - Country - (Value)"),
                     (PeerTable.Project, "Jurisdiction - Jurisdiction - (Value)") })
        {
            using var parser = new TextFieldParser(Path.Combine(folder, PeerTables.File(table))) { HasFieldsEnclosedInQuotes = true };
            parser.SetDelimiters(",");
            var header = parser.ReadFields()!;
            var (id, country) = (Array.IndexOf(header, table == PeerTable.Project ? "ID" : "Project ID"), Array.IndexOf(header, column));
            while (parser.ReadFields() is { } row) if (row[country] == "DK") danish.Add(row[id]);
        }
        return danish;
    }

    [Fact]
    public async Task The_13_Danish_projects_are_found_by_the_country_filter()
    {
        var client = await AsAsync(Roles.CouncilMember);
        var html = await client.GetStringAsync("/Peers?country=DK", Ct);
        var expected = DanishInTheExport(app.Folder!);
        Assert.Equal(13, expected.Count); // as the export's README says
        Assert.Equal(expected.Order(), Rows(html).Order());

        var all = Rows(await client.GetStringAsync("/Peers?page=1", Ct));
        Assert.Equal(IndexPageSize, all.Count);
    }

    /// <summary>Projects' fields by an independent parse of original_projects.csv.</summary>
    private static Dictionary<string, Dictionary<string, string>> ProjectsInTheExport(string folder)
    {
        using var parser = new TextFieldParser(
            Path.Combine(folder, PeerTables.File(PeerTable.Project)))
        { HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        var projects = new Dictionary<string, Dictionary<string, string>>();
        while (parser.ReadFields() is { } row) projects[row[0]] = header.Zip(row).ToDictionary(x => x.First, x => x.Second);
        return projects;
    }

    [Fact]
    public async Task The_capital_participant_and_year_filters_find_what_the_export_says()
    {
        var client = await AsAsync(Roles.DepartmentAnalyst);
        var danish = DanishInTheExport(app.Folder!);
        var projects = ProjectsInTheExport(app.Folder!);
        string Field(string id, string name) => projects[id][name + " - (Value)"];
        static int Year(string date) => int.Parse(date[..4], System.Globalization.CultureInfo.InvariantCulture);

        var big = danish.Where(id => Field(id, PeerProjectFacts.CapitalCurrency) == "DKK"
            && decimal.Parse(Field(id, PeerProjectFacts.CapitalExact), System.Globalization.CultureInfo.InvariantCulture) >= 10_000_000m);
        Assert.Equal(big.Order(), Rows(await client.GetStringAsync("/Peers?country=DK&currency=DKK&minCapital=10000000", Ct)).Order());

        var many = danish.Where(id => int.TryParse(Field(id, PeerProjectFacts.Participants), out var n) && n >= 100 && n <= 200);
        Assert.Equal(many.Order(),
            Rows(await client.GetStringAsync("/Peers?country=DK&minParticipants=100&maxParticipants=200", Ct)).Order());

        // Running in 2026 or later: the actual end, else the anticipated end (else the start) is 2026 or later.
        var late = danish.Where(id => Year(new[] { PeerProjectFacts.ActualEnd, PeerProjectFacts.AnticipatedEnd, PeerProjectFacts.Start }
            .Select(f => Field(id, f)).First(v => v.Length > 0)) >= 2026);
        Assert.NotEmpty(late);
        Assert.Equal(late.Order(), Rows(await client.GetStringAsync("/Peers?country=DK&fromYear=2026", Ct)).Order());

        var education = Rows(await client.GetStringAsync("/Peers?metric=Education", Ct));
        var withEducationMetric = MetricProjects(app.Folder!, "Education");
        Assert.InRange(withEducationMetric.Count, 1, IndexPageSize); // one page
        Assert.Equal(withEducationMetric.Order(), education.Order());
    }

    private static HashSet<string> MetricProjects(string folder, string sector)
    {
        using var parser = new TextFieldParser(
            Path.Combine(folder, PeerTables.File(PeerTable.OutcomeMetric)))
        { HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        var column = Array.IndexOf(header, "Policy sector - (Value)");
        var ids = new HashSet<string>();
        while (parser.ReadFields() is { } row) if (row[column] == sector) ids.Add(row[0]);
        return ids;
    }

    private const int IndexPageSize = Bundlinje.Web.Pages.Peers.IndexModel.PageSize;

    [Fact]
    public async Task The_Aarhus_linked_projects_show_their_investments_to_those_who_may_read_them()
    {
        var secretariat = await AsAsync(Roles.Secretariat);
        var provider = await AsAsync(Roles.Provider); // Dialog mod Vold only
        var names = await app.Factory.WithAsync(db => db.Investments.ToDictionaryAsync(i => i.Key, i => i.Name, Ct));
        foreach (var link in PeerLinks.Aarhus())
        {
            var html = WebUtility.HtmlDecode(await secretariat.GetStringAsync($"/Peers/{link.IndigoId}", Ct));
            Assert.Contains("id=\"linked-investment\"", html);
            Assert.Contains($"<a href=\"/Investments/{link.Investment}\">{names[link.Investment]}</a>", html);
            Assert.Contains(link.IndigoName, html);
            var forProvider = await provider.GetStringAsync($"/Peers/{link.IndigoId}", Ct);
            Assert.Equal(link.Investment == "dialog-mod-vold", forProvider.Contains("id=\"linked-investment\"", StringComparison.Ordinal));
        }
        // A project's sections hold its current rows: Lær for Livet's investments as many as the export has.
        var investments = CountRows(app.Folder!, PeerTable.Investment, "INDIGO-POJ-0270");
        Assert.True(investments > 0);
        var page = await secretariat.GetStringAsync("/Peers/INDIGO-POJ-0270", Ct);
        Assert.Contains($"{ProjectHeading("Investeringer")} ({investments})", page);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync("/Peers/INDIGO-POJ-9999", Ct)).StatusCode);
    }

    private static string ProjectHeading(string text) => WebUtility.HtmlEncode(text);

    private static int CountRows(string folder, PeerTable table, string project)
    {
        using var parser = new TextFieldParser(Path.Combine(folder, PeerTables.File(table))) { HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        parser.ReadFields();
        var n = 0;
        while (parser.ReadFields() is { } row) if (row[0] == project) n++;
        return n;
    }

    [Fact]
    public async Task The_compare_view_shows_an_Aarhus_investment_beside_its_INDIGO_project_and_refuses_an_unreadable_one()
    {
        var secretariat = await AsAsync(Roles.Secretariat);
        var response = await secretariat.GetAsync("/Peers/Compare?investment=diabetes&peers=INDIGO-POJ-0266,INDIGO-POJ-0270", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        var diabetes = await app.Factory.WithAsync(db => db.Investments.Include(i => i.Parties).SingleAsync(i => i.Key == "diabetes", Ct));
        Assert.Contains(diabetes.Name, html);
        Assert.Contains(Kroner.Format(diabetes.CommittedCapital), html);
        Assert.Contains("Prevention of Late-Stage Complications from Type-2 Diabetes - Denmark", html);
        Assert.Contains("A Better Education for Vulnerable Children and Children Placed in Care - Denmark", html);
        Assert.Contains("DKK 13.300.000", html); // the export's total investment commitment, in its currency
        Assert.Contains("DKK 18.400.000", html);

        var provider = await AsAsync(Roles.Provider);
        var refused = await provider.GetAsync("/Peers/Compare?investment=diabetes&peers=INDIGO-POJ-0266", Ct);
        Assert.True(refused.StatusCode == HttpStatusCode.Forbidden
            || refused.Headers.Location?.OriginalString.Contains("/Account/AccessDenied", StringComparison.Ordinal) == true,
            $"{refused.StatusCode} {refused.Headers.Location}");
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync("/Peers/Compare?investment=nothing", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("country=DK'%20OR%20'1'='1")]
    [InlineData("country=%25")]
    [InlineData("population=%25")]
    [InlineData("population=%3Cscript%3Ealert(1)%3C/script%3E")]
    [InlineData("sector=x');DROP%20TABLE%20\"PeerProjects\";--")]
    [InlineData("metric=|")]
    [InlineData("minCapital=1e999&maxCapital=abc&currency=DKK")]
    [InlineData("fromYear=abc&toYear=99999999999&minParticipants=-1")]
    [InlineData("page=-5")]
    public async Task A_hostile_filter_value_is_harmless(string query)
    {
        var client = await AsAsync(Roles.Investor);
        var response = await client.GetAsync("/Peers?" + query, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        if (query.StartsWith("country=", StringComparison.Ordinal) || query.StartsWith("sector=", StringComparison.Ordinal)
            || query.StartsWith("metric=", StringComparison.Ordinal))
            Assert.Empty(Rows(html));
        Assert.Equal(319, await app.Factory.WithAsync(db => db.PeerProjects.CountAsync(Ct)));
    }
}
