using System.Net;
using Microsoft.EntityFrameworkCore;
using Bundlinje.Investments;
using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;

namespace Bundlinje.Tests.Investments;

/// <summary>An investment in development: phases, maturity and the approval chain, through the pages, on each database.</summary>
public abstract class DevelopmentWebTests : IAsyncLifetime
{
    protected BundlinjeFactory Factory { get; private set; } = null!;
    protected abstract Task<BundlinjeFactory?> CreateFactoryAsync();
    public async ValueTask InitializeAsync() => Factory = (await CreateFactoryAsync())!;
    public async ValueTask DisposeAsync() { if (Factory is not null) await Factory.DisposeAsync(); }

    private const string Url = "/Investments/ny-indsats/Development";

    private void AddInvestmentPaidByTwoDepartments() => Factory.With(db =>
    {
        var fund = db.Funds.Single(f => f.Key == "aarhus");
        var payers = db.Organisations.Where(o => o.Key == "sfb" || o.Key == "sundhed-og-omsorg").ToList();
        db.Investments.Add(new Investment
        {
            Key = "ny-indsats", Name = "Ny indsats", FundId = fund.Id,
            Parties = [.. payers.Select(o => new Party { OrganisationId = o.Id, Role = PartyRole.Authority })],
        });
        return db.SaveChanges();
    });

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await Login.TokenAsync(client, "/Portfolio"); // any page: the token is per user
        return await client.PostAsync($"{Url}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    private static Task<HttpResponseMessage> Approve(HttpClient client, string kind, string? department = null,
        string date = "2026-11-20") =>
        PostAsync(client, "Approval", new()
        {
            ["Approval.Kind"] = kind, ["Approval.DepartmentKey"] = department ?? "", ["Approval.ApprovedBy"] = $"{kind} (test)",
            ["Approval.ApprovedOn"] = date, ["Approval.DocumentReference"] = $"Sag 26/{kind}",
        });

    private InvestmentStatus Status() => Factory.With(db => db.Investments.Single(i => i.Key == "ny-indsats").Status);

    private async Task<string> TryEditToActiveAsync(HttpClient secretariat)
    {
        var version = Factory.With(db => db.Investments.Single(i => i.Key == "ny-indsats").Version);
        var url = "/Investments/ny-indsats/Edit";
        var response = await secretariat.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = "Ny indsats", ["Input.Status"] = "Active", ["Input.Version"] = version.ToString(),
            ["__RequestVerificationToken"] = await Login.TokenAsync(secretariat, url),
        }));
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task An_investment_becomes_active_only_when_the_council_both_councillors_and_the_mayor_are_recorded()
    {
        AddInvestmentPaidByTwoDepartments();
        var secretariat = await Login.AsAsync(Factory, Login.Email(Roles.Secretariat));
        var council = await Login.AsAsync(Factory, Login.Email(Roles.CouncilMember));
        var provider = await Login.AsAsync(Factory, Login.Email(Roles.Provider));

        Assert.Contains("kan først blive aktiv", await TryEditToActiveAsync(secretariat));
        Assert.Equal(InvestmentStatus.InDevelopment, Status());

        // Who records what: the council's decision is the council member's; the others are the secretariat's.
        Assert.Contains("/Account/AccessDenied", (await Approve(secretariat, "CouncilDecision")).Headers.Location!.OriginalString);
        Assert.Contains("/Account/AccessDenied", (await Approve(council, "Mayor")).Headers.Location!.OriginalString);
        Assert.Contains("/Account/AccessDenied", (await Approve(provider, "Councillor", "sfb")).Headers.Location!.OriginalString);
        Assert.Contains("Rækkefølge: rådets beslutning skal registreres først",
            await (await Approve(secretariat, "Councillor", "sfb")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.Redirect, (await Approve(council, "CouncilDecision", date: "2026-11-02")).StatusCode);

        var tooEarly = await (await Approve(secretariat, "Mayor")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("borgmesterens godkendelse kommer sidst", tooEarly);
        Assert.Contains("Dokumentreference skal udfyldes", await (await PostAsync(secretariat, "Approval", new()
        {
            ["Approval.Kind"] = "Councillor", ["Approval.DepartmentKey"] = "sfb", ["Approval.ApprovedBy"] = "Rådmand",
            ["Approval.ApprovedOn"] = "2026-11-10"
        })).Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.Redirect, (await Approve(secretariat, "Councillor", "sfb")).StatusCode);
        Assert.Contains("er allerede registreret",
            await (await Approve(secretariat, "Councillor", "sfb")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("rådmandens godkendelse for Sundhed og Omsorg",
            await (await Approve(secretariat, "Mayor")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.Redirect, (await Approve(secretariat, "Councillor", "sundhed-og-omsorg")).StatusCode);
        Assert.Equal(InvestmentStatus.InDevelopment, Status());
        Assert.Contains("Mangler: borgmesterens formelle godkendelse", await TryEditToActiveAsync(secretariat));

        Assert.Equal(HttpStatusCode.Redirect, (await Approve(secretariat, "Mayor", date: "2026-11-21")).StatusCode);
        var active = Factory.With(db => db.Investments.Single(i => i.Key == "ny-indsats"));
        Assert.Equal((InvestmentStatus.Active, new DateOnly(2026, 11, 21)), (active.Status, active.AgreedOn));
        var page = await council.GetStringAsync(Url, TestContext.Current.CancellationToken);
        Assert.Contains("Sag 26/Mayor", page);
        Assert.DoesNotContain("id=\"missing\"", page);

        // An approval is a signed decision: the database itself refuses to change one.
        Assert.ThrowsAny<Exception>(() => Factory.With(db => db.Database.ExecuteSqlRaw("UPDATE \"Approvals\" SET \"ApprovedBy\" = 'x'")));
    }

    [Fact]
    public async Task Phases_and_maturity_are_recorded_by_the_secretariat_shown_on_the_board_and_compared_over_time()
    {
        AddInvestmentPaidByTwoDepartments();
        var secretariat = await Login.AsAsync(Factory, Login.Email(Roles.Secretariat));
        Dictionary<string, string> Phase(string phase, string on) =>
            new() { ["Phase.Phase"] = phase, ["Phase.StartedOn"] = on, ["Phase.Owner"] = "Mads (MSB)" };
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(secretariat, "Phase", Phase("DataAndDesign", "2026-10-01"))).StatusCode);
        Assert.Contains("kan ikke ligge før den nuværende fase startede (01-10-2026)",
            await (await PostAsync(secretariat, "Phase", Phase("BusinessCase", "2026-09-01"))).Content.ReadAsStringAsync(
                TestContext.Current.CancellationToken));
        Assert.Contains("Ansvarlig skal udfyldes",
            await (await PostAsync(secretariat, "Phase",
                new() { ["Phase.Phase"] = "BusinessCase", ["Phase.StartedOn"] = "2026-11-01" })).Content.ReadAsStringAsync(
                    TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(secretariat, "Phase", Phase("BusinessCase", "2026-11-01"))).StatusCode);
        var board = await secretariat.GetStringAsync("/Funds/aarhus/Board", TestContext.Current.CancellationToken);
        Assert.Matches("data-phase=\"BusinessCase\"><a href=\"/Investments/ny-indsats/Development\">Ny indsats</a>", board);

        Dictionary<string, string> Maturity(string on, string level, string? followUp) => new()
        {
            ["Maturity.AssessedOn"] = on, ["Maturity.Organisation"] = level, ["Maturity.Content"] = level,
            ["Maturity.Anchoring"] = "PartlyMature",
            ["Maturity.FollowUp"] = followUp ?? "", ["Maturity.Strengths"] = "Stærk <b>ledelse</b>",
            ["Maturity.Attention"] = "Datagrundlag",
        };
        Assert.Contains("Opfølgning: vælg et trin fra 1 (ikke moden) til 5 (meget moden).",
            await (await PostAsync(secretariat, "Maturity", Maturity("2026-10-15", "SlightlyMature", null))).Content.ReadAsStringAsync(
                TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.Redirect,
            (await PostAsync(secretariat, "Maturity", Maturity("2026-10-15", "SlightlyMature", "NotMature"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect,
            (await PostAsync(secretariat, "Maturity", Maturity("2026-11-15", "Mature", "NotMature"))).StatusCode);
        var page = await secretariat.GetStringAsync(Url, TestContext.Current.CancellationToken);
        Assert.Contains("4 Moden ▲2", page);           // organisation and content: from 2 to 4
        Assert.Contains("Stærk &lt;b&gt;ledelse&lt;/b&gt;", page);
        Assert.Contains("3b Betalingsmodel</option>", page);

        var provider = await Login.AsAsync(Factory, Login.Email(Roles.Provider));
        var council = await Login.AsAsync(Factory, Login.Email(Roles.CouncilMember));
        Assert.Equal(2, Factory.With(db =>
            db.PhaseChanges.Count(c => db.Investments.Any(i => i.Id == c.InvestmentId && i.Key == "ny-indsats"))));
        Assert.Contains("/Account/AccessDenied",
            (await PostAsync(council, "Phase", Phase("Implementation", "2026-12-01"))).Headers.Location!.OriginalString);
        Assert.Contains("/Account/AccessDenied",
            (await PostAsync(council, "Maturity", Maturity("2026-12-15", "Mature", "Mature"))).Headers.Location!.OriginalString);
        Assert.Equal(2, Factory.With(db => db.MaturityAssessments.Count()));
    }
}

public sealed class SqliteDevelopmentWebTests : DevelopmentWebTests
{
    protected override Task<BundlinjeFactory?> CreateFactoryAsync() => Task.FromResult<BundlinjeFactory?>(BundlinjeFactory.Sqlite());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresDevelopmentWebTests(PostgresCluster cluster) : DevelopmentWebTests
{
    protected override async Task<BundlinjeFactory?> CreateFactoryAsync()
    {
        if (cluster.Unavailable is { } reason) { Requirement.Missing(reason); return null; }
        return BundlinjeFactory.Postgres(await cluster.CreateDatabaseAsync());
    }
}
