using System.Net;
using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Tests.Web;

/// <summary>
/// Every routed page and API endpoint, requested as anonymous and as each role. A new endpoint
/// fails this test until its expected outcomes are written into <see cref="Matrix"/>.
/// </summary>
public sealed class AuthorizationMatrixTests : IAsyncLifetime
{
    private const string Anonymous = "Anonymous";
    private static readonly string[] Callers = [Anonymous, .. Roles.All];

    // Outcome per caller: Ok (200), Login (sent to log in / 401), Denied (403 / access-denied page), NotFound.
    private enum O { Ok, Login, Denied, NotFound }

    private sealed record Case(string Url, O Anonymous, O Secretariat, O CouncilMember, O DepartmentAnalyst, O Provider, O Investor)
    {
        public O For(string caller) => caller switch
        {
            nameof(Roles.Secretariat) => Secretariat,
            nameof(Roles.CouncilMember) => CouncilMember,
            nameof(Roles.DepartmentAnalyst) => DepartmentAnalyst,
            nameof(Roles.Provider) => Provider,
            nameof(Roles.Investor) => Investor,
            _ => Anonymous,
        };
    }

    private static Case All(string url, O anonymous, O everyone) => new(url, anonymous, everyone, everyone, everyone, everyone, everyone);
    private static Case SecretariatOnly(string url) => new(url, O.Login, O.Ok, O.Denied, O.Denied, O.Denied, O.Denied);
    /// <summary>A slice of the follow-up page reads as the page does; its forms decide per action.</summary>
    private static Case[] FollowUpSlice(string slice) =>
    [
        All($"/Investments/dialog-mod-vold/FollowUp/{slice}", O.Login, O.Ok),
        new($"/Investments/ungifokus/FollowUp/{slice}", O.Login, O.Ok, O.Ok, O.Ok, O.Denied, O.Denied),
    ];
    private static Case FundWide(string url) => new(url, O.Login, O.Ok, O.Ok, O.Denied, O.Denied, O.Denied);

    // The demo: provider = Dialog mod Vold; investor = DSI (in Dialog mod Vold, not in UngiFokus); analyst = SFB (authority of both).
    private static readonly Dictionary<string, Case[]> Matrix = new()
    {
        [""] = [All("/", O.Ok, O.Ok)],
        ["Index"] = [All("/Index", O.Ok, O.Ok)],
        ["Error"] = [All("/Error?code=500", O.Ok, O.Ok)],
        ["Language"] = [All("/Language", O.NotFound, O.NotFound)],
        ["Account/Login"] = [All("/Account/Login", O.Ok, O.Ok)],
        ["Account/Logout"] = [All("/Account/Logout", O.NotFound, O.NotFound)],
        ["Account/AccessDenied"] = [All("/Account/AccessDenied", O.Denied, O.Denied)],
        ["Portfolio"] = [All("/Portfolio", O.Login, O.Ok)],
        // The peer library is public data for every signed-in user; the compare view reads our investment as its page does.
        ["Peers"] = [All("/Peers?country=DK", O.Login, O.Ok)],
        ["Peers/{indigoId}"] = [All("/Peers/INDIGO-POJ-0000", O.Login, O.NotFound)],
        ["Peers/Compare"] =
        [
            All("/Peers/Compare", O.Login, O.Ok),
            All("/Peers/Compare?investment=dialog-mod-vold&peers=INDIGO-POJ-0268", O.Login, O.Ok),
            new("/Peers/Compare?investment=ungifokus", O.Login, O.Ok, O.Ok, O.Ok, O.Denied, O.Denied),
            All("/Peers/Compare?investment=no-such-investment", O.Login, O.NotFound),
        ],
        ["Proposals/New/{fund?}"] = [All("/Proposals/New", O.Ok, O.Ok), All("/Proposals/New/aarhus", O.Ok, O.Ok),
            All("/Proposals/New/nowhere", O.NotFound, O.NotFound)],
        // The public pages and open data: anyone; what a fund has not published is 404 (tests/…/Publication/PublicPagesTests).
        ["Offentlig/{fund}"] = [All("/Offentlig/aarhus", O.Ok, O.Ok), All("/Offentlig/nowhere", O.NotFound, O.NotFound)],
        ["Offentlig/{fund}/{investment}"] = [All("/Offentlig/aarhus/dialog-mod-vold", O.Ok, O.Ok),
            All("/Offentlig/aarhus/no-such-investment", O.NotFound, O.NotFound)],
        ["/Offentlig/{fund}/data/{file}"] = [All("/Offentlig/aarhus/data/investments.csv", O.Ok, O.Ok),
            All("/Offentlig/aarhus/data/results.json", O.Ok, O.Ok), All("/Offentlig/aarhus/data/payments.csv", O.Ok, O.Ok),
            All("/Offentlig/aarhus/data/participants.csv", O.NotFound, O.NotFound)],
        ["Proposals/Received"] = [All("/Proposals/Received?reference=H-2026-001", O.Ok, O.Ok)],
        ["Proposals/Calls"] = [All("/Proposals/Calls", O.Ok, O.Ok)],
        ["Assessments"] = [new("/Assessments", O.Login, O.Ok, O.Denied, O.Ok, O.Denied, O.Denied)],
        ["Assessments/{id:int}"] = [new("/Assessments/999999", O.Login, O.NotFound, O.Denied, O.NotFound, O.Denied, O.Denied)],
        ["Investments/{key}"] =
        [
            All("/Investments/dialog-mod-vold", O.Login, O.Ok),
            new("/Investments/ungifokus", O.Login, O.Ok, O.Ok, O.Ok, O.Denied, O.Denied),
            All("/Investments/no-such-investment", O.Login, O.NotFound),
        ],
        ["Investments/{key}/Versions/{number:int}"] =
        [
            All("/Investments/dialog-mod-vold/Versions/2", O.Login, O.Ok),
            new("/Investments/diabetes/Versions/2", O.Login, O.Ok, O.Ok, O.Denied, O.Denied, O.Ok),
        ],
        ["Investments/{key}/FollowUp"] =
        [
            All("/Investments/dialog-mod-vold/FollowUp", O.Login, O.Ok),
            new("/Investments/ungifokus/FollowUp", O.Login, O.Ok, O.Ok, O.Ok, O.Denied, O.Denied),
        ],
        ["Investments/{key}/FollowUp/Runs"] = FollowUpSlice("Runs"),
        ["Investments/{key}/FollowUp/Participants/Import"] = FollowUpSlice("Participants/Import"),
        ["Investments/{key}/FollowUp/Register"] = FollowUpSlice("Register"),
        ["Investments/{key}/FollowUp/Model"] = FollowUpSlice("Model"),
        ["Investments/{key}/FollowUp/Settlement"] =
        [
            SecretariatOnly("/Investments/laer-for-livet/FollowUp/Settlement"),
            SecretariatOnly("/Investments/ungifokus/FollowUp/Settlement?AsOf=2026-01-01"),
            All("/Investments/no-such-investment/FollowUp/Settlement", O.Login, O.NotFound),
        ],
        ["Investments/{key}/FollowUp/Participants"] = [new("/Investments/dialog-mod-vold/FollowUp/Participants", O.Login, O.Ok, O.Denied,
            O.Ok, O.Ok, O.Denied)],
        ["Investments/{key}/FollowUp/Runs/{id:int}"] =
        [
            All("/Investments/dialog-mod-vold/FollowUp/Runs/999999", O.Login, O.NotFound),
            new("/Investments/ungifokus/FollowUp/Runs/999999", O.Login, O.NotFound, O.NotFound, O.NotFound, O.Denied, O.Denied),
        ],
        ["Investments/{key}/FollowUp/Jobs/{id:guid}"] =
        [
            new("/Investments/dialog-mod-vold/FollowUp/Jobs/00000000-0000-0000-0000-000000000001", O.Login, O.NotFound, O.Denied,
                O.NotFound, O.Denied, O.Denied),
        ],
        ["Investments/{key}/BusinessCases"] =
        [
            All("/Investments/dialog-mod-vold/BusinessCases", O.Login, O.Ok),
            new("/Investments/ungifokus/BusinessCases", O.Login, O.Ok, O.Ok, O.Ok, O.Denied, O.Denied),
            All("/Investments/no-such-investment/BusinessCases", O.Login, O.NotFound),
        ],
        ["Investments/{key}/BusinessCases/{id:int}"] =
        [
            All("/Investments/dialog-mod-vold/BusinessCases/{case}", O.Login, O.Ok),
            All("/Investments/dialog-mod-vold/BusinessCases/{case}?handler=Json", O.Login, O.Ok),
            // Another investment's case through this route is not found, for those who may read the route's investment.
            new("/Investments/ungifokus/BusinessCases/{case}", O.Login, O.NotFound, O.NotFound, O.NotFound, O.Denied, O.Denied),
        ],
        ["Investments/{key}/Development"] =
        [
            All("/Investments/dialog-mod-vold/Development", O.Login, O.Ok),
            new("/Investments/ungifokus/Development", O.Login, O.Ok, O.Ok, O.Ok, O.Denied, O.Denied),
            All("/Investments/no-such-investment/Development", O.Login, O.NotFound),
        ],
        ["Investments/{key}/BusinessCases/{id:int}/Budget"] =
        [
            All("/Investments/dialog-mod-vold/BusinessCases/{dmvCase}/Budget", O.Login, O.Ok),
            All("/Investments/dialog-mod-vold/BusinessCases/{dmvCase}/Budget?handler=Draft", O.Login, O.Ok),
            new("/Investments/ungifokus/BusinessCases/{ungiCase}/Budget", O.Login, O.Ok, O.Ok, O.Ok, O.Denied, O.Denied),
            All("/Investments/dialog-mod-vold/BusinessCases/{ungiCase}/Budget", O.Login, O.NotFound),
            All("/Investments/dialog-mod-vold/BusinessCases/999999/Budget", O.Login, O.NotFound),
        ],
        ["Investments/{key}/FactSheet"] =
        [
            All("/Investments/dialog-mod-vold/FactSheet?asOf=2024-12-31", O.Login, O.Ok),
            new("/Investments/ungifokus/FactSheet?asOf=2024-12-31", O.Login, O.Ok, O.Ok, O.Ok, O.Denied, O.Denied),
        ],
        // The publication record reads as the investment does; its forms are the secretariat's (Draft/Approve handlers).
        ["Investments/{key}/Publication"] =
        [
            All("/Investments/dialog-mod-vold/Publication", O.Login, O.Ok),
            new("/Investments/ungifokus/Publication", O.Login, O.Ok, O.Ok, O.Ok, O.Denied, O.Denied),
        ],
        ["Investments/Create"] = [SecretariatOnly("/Investments/Create")],
        ["Investments/{key}/Edit"] = [SecretariatOnly("/Investments/dialog-mod-vold/Edit")],
        ["Investments/{key}/Revise"] = [SecretariatOnly("/Investments/dialog-mod-vold/Revise")],
        ["Investments/{key}/Parties/Add"] = [SecretariatOnly("/Investments/dialog-mod-vold/Parties/Add")],
        ["Investments/{key}/Parties/{id:int}/Edit"] = [SecretariatOnly("/Investments/dialog-mod-vold/Parties/{party}/Edit")],
        ["Organisations"] = [All("/Organisations", O.Login, O.Ok)],
        ["Organisations/{key}"] = [All("/Organisations/sfb", O.Login, O.Ok)],
        ["Organisations/Edit/{key?}"] = [SecretariatOnly("/Organisations/Edit"), SecretariatOnly("/Organisations/Edit/sfb")],
        ["Funds"] = [All("/Funds", O.Login, O.Ok)],
        ["Funds/Edit/{key?}"] = [SecretariatOnly("/Funds/Edit"), SecretariatOnly("/Funds/Edit/aarhus")],
        ["Funds/{key}/Economics"] =
        [
            All("/Funds/aarhus/Economics", O.Login, O.Ok), All("/Funds/aarhus/Economics?effect=100&countedIn=2027-12-31", O.Login, O.Ok),
            All("/Funds/no-such-fund/Economics", O.Login, O.NotFound),
            new("/Funds/aarhus/Economics?handler=Chart&name=balance", O.Login, O.Ok, O.Ok, O.NotFound, O.NotFound, O.NotFound),
        ],
        ["Funds/{key}/Ledger"] = [All("/Funds/aarhus/Ledger", O.Login, O.Ok),
            All("/Funds/aarhus/Ledger?column=R%202022&row=Spending&reference=ungifokus", O.Login, O.Ok)],
        ["Funds/{key}/Ledger/Post"] = [SecretariatOnly("/Funds/aarhus/Ledger/Post")],
        ["Funds/{key}/Ledger/Close"] = [SecretariatOnly("/Funds/aarhus/Ledger/Close")],
        ["Funds/{key}/Reconcile"] = [FundWide("/Funds/aarhus/Reconcile")],
        // The council records its decision to publish the economics summary; the secretariat sees the status.
        ["Funds/{key}/Economics/Publication"] = [FundWide("/Funds/aarhus/Economics/Publication"),
            FundWide("/Funds/aarhus/Economics/Publication?effect=100&laterFrom=2030"),
            new("/Funds/nowhere/Economics/Publication", O.Login, O.NotFound, O.NotFound, O.NotFound, O.NotFound, O.NotFound)],
        ["Funds/{key}/BusinessCaseCheck"] = [FundWide("/Funds/aarhus/BusinessCaseCheck"),
            new("/Funds/nowhere/BusinessCaseCheck", O.Login, O.NotFound, O.NotFound, O.NotFound, O.NotFound, O.NotFound)],
        ["Funds/{key}/OutcomeFund"] = [FundWide("/Funds/aarhus/OutcomeFund")],
        ["Funds/{key}/Reports"] = [All("/Funds/aarhus/Reports", O.Login, O.Ok), All("/Funds/nowhere/Reports", O.Login, O.NotFound)],
        ["Funds/{key}/Reports/Annual/{year:int}"] = [FundWide("/Funds/aarhus/Reports/Annual/2024"),
            new("/Funds/aarhus/Reports/Annual/2024?handler=Print", O.Login, O.Ok, O.Ok, O.Denied, O.Denied, O.Denied)],
        ["Funds/{key}/Reports/Departments/{department}"] =
        [
            new("/Funds/aarhus/Reports/Departments/sfb?asOf=2024-12-31", O.Login, O.Ok, O.Ok, O.Ok, O.Denied, O.Denied),
            new("/Funds/aarhus/Reports/Departments/no-such?asOf=2024-12-31", O.Login, O.NotFound, O.NotFound, O.Denied, O.Denied,
                O.Denied),
        ],
        ["Funds/{key}/Reports/Narrative"] =
        [
            SecretariatOnly("/Funds/aarhus/Reports/Narrative?scope=annual/2024&field=forord"),
            new("/Funds/aarhus/Reports/Narrative?scope=factsheet/no-such/2024-2&field=status", O.Login, O.NotFound, O.Denied, O.Denied,
                O.Denied, O.Denied),
        ],
        ["Funds/{key}/Reports/{id:int}"] = [All("/Funds/aarhus/Reports/999999", O.Login, O.NotFound)],
        ["Funds/{key}/Board"] = [All("/Funds/aarhus/Board", O.Login, O.Ok), All("/Funds/nowhere/Board", O.Login, O.NotFound)],
        ["Funds/{key}/Calls"] = [FundWide("/Funds/aarhus/Calls")],
        ["Funds/{key}/Measures"] =
        [
            FundWide("/Funds/aarhus/Measures"),
            new("/Funds/nowhere/Measures", O.Login, O.NotFound, O.NotFound, O.Denied, O.Denied, O.Denied),
            new("/Funds/aarhus/Measures?id=999999", O.Login, O.NotFound, O.Denied, O.Denied, O.Denied, O.Denied),
        ],
        ["Funds/{key}/UnitPrices"] =
        [
            FundWide("/Funds/aarhus/UnitPrices"),
            new("/Funds/nowhere/UnitPrices", O.Login, O.NotFound, O.NotFound, O.Denied, O.Denied, O.Denied),
            new("/Funds/aarhus/UnitPrices?id=999999", O.Login, O.NotFound, O.Denied, O.Denied, O.Denied, O.Denied),
        ],
        ["Funds/{key}/Outbox"] = [SecretariatOnly("/Funds/aarhus/Outbox")],
        ["Funds/{key}/Proposals"] = [FundWide("/Funds/aarhus/Proposals"), FundWide("/Funds/aarhus/Proposals?asOf=2023-12-31")],
        ["Funds/{key}/Proposals/{reference}"] = [FundWide("/Funds/aarhus/Proposals/H-2023-042"),
            new("/Funds/aarhus/Proposals/X-0", O.Login, O.NotFound, O.NotFound, O.Denied, O.Denied, O.Denied)],
        ["Funds/{key}/Proposals/{reference}/Attachments/{id:int}"] =
        [
            new("/Funds/aarhus/Proposals/H-2023-042/Attachments/999999", O.Login, O.NotFound, O.Denied, O.Denied, O.Denied, O.Denied),
            new("/Funds/nowhere/Proposals/H-2023-042/Attachments/999999", O.Login, O.NotFound, O.Denied, O.Denied, O.Denied, O.Denied),
        ],
        ["Audit/{type}/{id:int}"] =
        [
            new("/Audit/Investment/{investment}", O.Login, O.Ok, O.Ok, O.Denied, O.Denied, O.Denied),
            new("/Audit/Organisation/{organisation}", O.Login, O.Ok, O.Ok, O.Denied, O.Denied, O.Denied),
        ],
        ["/api/investments"] = [All("/api/investments", O.Login, O.Ok)],
        ["/api/investments/{key}"] =
        [
            All("/api/investments/dialog-mod-vold", O.Login, O.Ok),
            new("/api/investments/ungifokus", O.Login, O.Ok, O.Ok, O.Ok, O.Denied, O.Denied),
        ],
        ["/api/investments/{key}/business-cases"] =
        [
            All("/api/investments/dialog-mod-vold/business-cases", O.Login, O.Ok),
            new("/api/investments/ungifokus/business-cases", O.Login, O.Ok, O.Ok, O.Ok, O.Denied, O.Denied),
            All("/api/investments/nowhere/business-cases", O.Login, O.NotFound),
        ],
        ["/api/funds/{key}/economics"] =
        [
            All("/api/funds/aarhus/economics", O.Login, O.Ok), All("/api/funds/aarhus/economics?format=csv", O.Login, O.Ok),
            All("/api/funds/aarhus/economics?format=xlsx&effect=50", O.Login, O.Ok),
            All("/api/funds/nowhere/economics", O.Login, O.NotFound),
        ],
        ["/openapi/{documentName}.json"] = [All("/openapi/v1.json", O.Ok, O.Ok)],
        ["/health"] = [All("/health", O.Ok, O.Ok)],
    };

    private BundlinjeFactory factory = null!;
    private readonly Dictionary<string, HttpClient> clients = [];

    public async ValueTask InitializeAsync()
    {
        factory = BundlinjeFactory.Sqlite();
        clients[Anonymous] = Login.Anonymous(factory);
        foreach (var role in Roles.All) clients[role] = await Login.AsAsync(factory, Login.Email(role));
    }

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public void Every_routed_endpoint_is_in_the_matrix()
    {
        var routes = RoutedPatterns();
        Assert.Empty(routes.Except(Matrix.Keys));
        Assert.Empty(Matrix.Keys.Except(routes));
    }

    [Fact]
    public async Task Each_endpoint_gives_each_caller_the_expected_outcome()
    {
        var ids = factory.With(db => new Dictionary<string, string>
        {
            ["{investment}"] = db.Investments.Single(i => i.Key == "dialog-mod-vold").Id.ToString(),
            ["{organisation}"] = db.Organisations.Single(o => o.Key == "sfb").Id.ToString(),
            ["{party}"] = db.Parties.First(p => p.Investment!.Key == "dialog-mod-vold").Id.ToString(),
            ["{case}"] = db.BusinessCases.First(c => c.InvestmentId == db.Investments.Single(i => i.Key == "dialog-mod-vold").Id).Id
                .ToString(),
            ["{dmvCase}"] = db.BusinessCases.First(b => db.Investments.Any(i => i.Id == b.InvestmentId && i.Key == "dialog-mod-vold")).Id
                .ToString(),
            ["{ungiCase}"] = db.BusinessCases.First(b => db.Investments.Any(i => i.Id == b.InvestmentId && i.Key == "ungifokus")).Id
                .ToString(),
        });
        var failures = new List<string>();
        foreach (var @case in Matrix.Values.SelectMany(c => c))
        {
            var url = ids.Aggregate(@case.Url, (u, id) => u.Replace(id.Key, id.Value));
            foreach (var caller in Callers)
            {
                var response = await clients[caller].GetAsync(url, TestContext.Current.CancellationToken);
                var actual = Classify(response);
                if (actual != @case.For(caller))
                    failures.Add($"{caller} GET {url}: expected {@case.For(
                        caller)}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
            }
        }
        Assert.Empty(failures);
    }

    [Theory]
    [InlineData(nameof(Roles.CouncilMember), "Runs?handler=Approve")]
    [InlineData(nameof(Roles.CouncilMember), "Runs?handler=Start")]
    [InlineData(nameof(Roles.Investor), "Participants/Import")]
    [InlineData(nameof(Roles.Provider), "Runs?handler=Start")]
    [InlineData(nameof(Roles.Provider), "Runs?handler=Pay")]
    [InlineData(nameof(Roles.DepartmentAnalyst), "Model")]
    [InlineData(nameof(Roles.DepartmentAnalyst), "Runs?handler=Approve")]
    public async Task Follow_up_actions_are_refused_to_roles_that_may_not_take_them(string role, string action)
    {
        var token = await Login.TokenAsync(clients[role], "/Portfolio");
        var response = await clients[role].PostAsync($"/Investments/dialog-mod-vold/FollowUp/{action}",
            new FormUrlEncodedContent(
                new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["RunId"] = "1", ["Decision"] = "x" }),
                    TestContext.Current.CancellationToken);
        Assert.Equal(O.Denied, Classify(response));
    }

    [Theory]
    [InlineData(nameof(Roles.CouncilMember))]
    [InlineData(nameof(Roles.Provider))]
    [InlineData(nameof(Roles.Investor))]
    public async Task Business_case_saves_are_refused_to_readers_who_may_not_edit_them(string role)
    {
        var token = await Login.TokenAsync(clients[role], "/Portfolio");
        var before = factory.With(db => db.BusinessCases.Count());
        var response = await clients[role].PostAsync("/Investments/dialog-mod-vold/BusinessCases",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["CaseJson"] = "{}" }),
            TestContext.Current.CancellationToken);
        Assert.Equal(O.Denied, Classify(response));
        Assert.Equal(before, factory.With(db => db.BusinessCases.Count()));
    }

    [Fact]
    public async Task Only_the_secretariat_can_post_its_forms_even_with_a_valid_token()
    {
        var secretariatForms = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>()
                .Any(a => a.Policy == Bundlinje.Web.Infrastructure.Policies.Secretariat))
            .Select(e => "/" + e.RoutePattern.RawText!.Replace("{key}", "dialog-mod-vold").Replace("{id:int}", "1").Replace("{key?}", "")
                .TrimEnd('/'))
            .ToList();
        Assert.True(secretariatForms.Count >= 7, $"Found only {secretariatForms.Count} secretariat pages");
        var failures = new List<string>();
        foreach (var role in Roles.All.Where(r => r != Roles.Secretariat))
        {
            var token = await Login.TokenAsync(clients[role], "/Portfolio");
            foreach (var url in secretariatForms)
            {
                var response = await clients[role].PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token, ["Name"] = "Overtaget", ["NewKey"] = "overtaget", ["Version"] = "0",
                }), TestContext.Current.CancellationToken);
                if (Classify(response) != O.Denied) failures.Add($"{role} POST {url}: {(int)response.StatusCode}");
            }
        }
        Assert.Empty(failures);
        Assert.False(factory.With(db => db.Organisations.Any(o => o.Key == "overtaget") || db.Funds.Any(f => f.Key == "overtaget")));
    }

    private static O? Classify(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode switch
        {
            HttpStatusCode.OK => O.Ok,
            HttpStatusCode.Unauthorized => O.Login,
            HttpStatusCode.Forbidden => O.Denied,
            HttpStatusCode.NotFound => O.NotFound,
            HttpStatusCode.Redirect when location.Contains("/Account/Login") => O.Login,
            HttpStatusCode.Redirect when location.Contains("/Account/AccessDenied") => O.Denied,
            _ => null,
        };
    }

    private HashSet<string> RoutedPatterns() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!).ToHashSet();
}
