using System.Text.Json.Nodes;
using Bundlinje.Investments;
using Bundlinje.Peers.Export;
using Bundlinje.Publication;
using Bundlinje.Tests.FollowUps;
using Bundlinje.Tests.Infrastructure;
using Bundlinje.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Tests.Peers;

public sealed class SqliteIndigoExportTests(SqliteDemoApp app) : IndigoExportTests(app), IClassFixture<SqliteDemoApp>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresIndigoExportTests(PostgresDemoApp app) : IndigoExportTests(app), IClassFixture<PostgresDemoApp>;

/// <summary>`bundlinje indigo export` over the Aarhus demo (with its synthetic follow-ups, approved runs and result payments)
/// on each database: the export validates (our checks, and the standard's schema where it is given), holds what the services
/// say, is the same bytes twice, shows a private field group as PRIVATE without a value, leaves an unpublished investment
/// and another fund out, and writes nothing when it fails.</summary>
public abstract class IndigoExportTests(DemoApp app) : IDisposable
{
    private const string Drafter = "sekretariat@demo.bundlinje.dk", Approver = "sekretariat2@demo.bundlinje.dk";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string folder = Directory.CreateTempSubdirectory("indigo-export-").FullName;

    public void Dispose()
    {
        Directory.Delete(folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    private BundlinjeFactory Factory
    {
        get
        {
            if (app.Unavailable is { } reason) Requirement.Missing(reason);
            return app.Factory;
        }
    }

    private async Task<T> As<T>(string user, Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<JobActor>().Name = user;
        return await use(scope.ServiceProvider);
    }

    private Task<IndigoExportResult> ExportAsync(string fund) =>
        As(Drafter, sp => sp.GetRequiredService<IndigoExporter>().ExportAsync(fund, Ct));

    private Task<int> FundAsync(string key) => Factory.WithAsync(db => db.Funds.Where(f => f.Key == key).Select(f => f.Id).SingleAsync(Ct));

    private async Task PublishAsync(string drafter, string approver, Investment investment, params PublicationField[] fields)
    {
        foreach (var field in fields)
        {
            await As(drafter, sp => sp.GetRequiredService<Publications>().DraftAsync(investment, field, true, 0, null, Ct));
            await As(approver, sp => sp.GetRequiredService<Publications>().ApproveAsync(investment, field, 1, Ct));
        }
    }

    private static Dictionary<string, JsonObject> Projects(JsonNode document) =>
        document["projects"]!.AsArray().ToDictionary(p => (string)p!["id"]!, p => p!["data"]!.AsObject());

    [Fact]
    public async Task The_demo_fund_exports_through_the_cli_validates_holds_the_services_figures_and_is_the_same_bytes_twice()
    {
        var file = Path.Combine(folder, "aarhus-indigo.json");
        var (exit, output, error) = await Factory.CliAsync("indigo", "export", "--fund", "aarhus", "--out", file);
        Assert.True(exit == 0, error);
        Assert.Contains("Exported", output, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(file, Ct);
        var document = JsonNode.Parse(bytes)!;
        Assert.Empty(IndigoValidator.Check(document));
        IndigoMappingTests.SchemaValid(document.AsObject());

        var fundId = await FundAsync("aarhus");
        var published = await As(Drafter, sp => sp.GetRequiredService<Publications>().PublishedAsync(fundId, Ct));
        var projects = Projects(document);
        Assert.Equal(published.Select(p => IndigoMapping.ProjectId(p.Key)).Order(StringComparer.Ordinal), projects.Keys);
        Assert.True(projects.Count >= 11, $"{projects.Count} projects"); // the demo publishes its 11 investments

        var investments = await Factory.WithAsync(db => db.Investments.AsNoTracking().Where(i => i.FundId == fundId)
            .Include(i => i.Parties).ToListAsync(Ct));
        var obligations = await Factory.WithAsync(db => db.PaymentObligations.AsNoTracking()
            .Where(o => db.Investments.Any(i => i.Id == o.InvestmentId && i.FundId == fundId)).ToListAsync(Ct));
        Assert.Contains(obligations, o => o.PaidOn is not null); // the demo's approved runs are paid
        foreach (var p in published)
        {
            var data = projects[IndigoMapping.ProjectId(p.Key)];
            var investment = investments.Single(i => i.Id == p.InvestmentId);
            Assert.Equal(investment.Name, (string)data["name"]!["value"]!);
            // (Another test of the class may have added an investment with only its name public.)
            if (investment.CommittedCapital > 0 && p.Shows(PublicationField.Capital))
                Assert.Equal(investment.CommittedCapital,
                    (decimal)data["overall_project_finance"]!["total_investment_commitment"]!["amount"]!["exact"]!["value"]!);
            var owed = obligations.Where(o => o.InvestmentId == investment.Id).ToList();
            if (owed.Count > 0 && p.Shows(PublicationField.Payments))
                Assert.Equal(owed.Where(o => o.PaidOn is not null).Sum(o => o.Amount),
                    (decimal)data["overall_project_finance"]!["total_outcome_payments_made"]!["amount"]!["value"]!);
        }
        Assert.Contains(projects.Values, d => d["results"] is JsonArray { Count: > 0 }); // the approved runs' results
        Assert.Equal(["INDIGO-POJ-0264", "INDIGO-POJ-0265"],
            document["projects"]!.AsArray().Single(p => (string)p!["id"]! == "BUNDLINJE-POJ-housing-first")!["same_as"]!.AsArray()
                .Select(x => (string)x!));

        // No participant's pseudonym is in it.
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        var pseudonyms = await Factory.WithAsync(db => db.Participants.AsNoTracking().Select(x => x.Pseudonym).ToListAsync(Ct));
        Assert.NotEmpty(pseudonyms);
        Assert.All(pseudonyms, x => Assert.DoesNotContain(x, text, StringComparison.Ordinal));

        // Again: the same bytes (over the old file, which is replaced).
        (exit, _, error) = await Factory.CliAsync("indigo", "export", "--fund", "aarhus", "--out", file);
        Assert.True(exit == 0, error);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(file, Ct));
        Assert.Equal([file], Directory.GetFiles(folder)); // no temporary file left beside it
    }

    [Fact]
    public async Task A_private_field_group_is_PRIVATE_without_a_value_and_an_unpublished_investment_is_absent()
    {
        var fundId = await FundAsync("aarhus");
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (shown, hidden) = await Factory.WithAsync(async db =>
        {
            var investor = await db.Organisations.FirstAsync(o => o.Key == "bikubenfonden", Ct);
            Investment New(string key) => new()
            {
                Key = key + suffix, Name = "Eksportprøve " + key + suffix, FundId = fundId, TargetGroup = "Hemmelig målgruppe " + suffix,
                Parties = [new Party { OrganisationId = investor.Id, Role = PartyRole.Investor, Capital = 31_415_927m }],
            };
            var (a, b) = (New("exp-shown-"), New("exp-hidden-"));
            db.Investments.AddRange(a, b);
            await db.SaveChangesAsync(Ct);
            return (a, b);
        });
        await PublishAsync(Drafter, Approver, shown, PublicationField.NameAndPurpose);
        await As(Drafter, sp => sp.GetRequiredService<Publications>()
            .DraftAsync(hidden, PublicationField.NameAndPurpose, true, 0, null, Ct));

        var export = await ExportAsync("aarhus");
        Assert.Empty(export.Problems);
        var projects = Projects(export.Document);
        Assert.False(projects.ContainsKey(IndigoMapping.ProjectId(hidden.Key))); // drafted public, not approved: absent
        Assert.DoesNotContain(hidden.Key, export.Json, StringComparison.Ordinal);
        var data = projects[IndigoMapping.ProjectId(shown.Key)];
        Assert.Equal(shown.Name, (string)data["name"]!["value"]!);
        var exact = data["overall_project_finance"]!["total_investment_commitment"]!["amount"]!["exact"]!.AsObject();
        Assert.Equal("PRIVATE", (string)exact["status"]!);
        Assert.False(exact.ContainsKey("value"));
        Assert.Equal("PRIVATE", (string)data["service_and_beneficiaries"]!["target_population"]!["status"]!);
        Assert.False(data.ContainsKey("investments"));
        Assert.DoesNotContain("31415927", export.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("Hemmelig målgruppe", export.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_funds_data_never_appears_and_its_own_export_has_only_its_own()
    {
        await SecondFund.CreateAsync(Factory);
        var investment = await Factory.WithAsync(db => db.Investments.AsNoTracking().SingleAsync(i => i.Key == SecondFund.Investment, Ct));
        await PublishAsync(SecondFund.Secretariat, SecondFund.Council, investment, [.. Enum.GetValues<PublicationField>()]);

        var aarhus = await ExportAsync("aarhus");
        Assert.Empty(aarhus.Problems);
        foreach (var marker in SecondFund.Markers.Append(SecondFund.Investment).Append("Kystforvaltningen").Append(SecondFund.Organisation))
            Assert.DoesNotContain(marker, aarhus.Json, StringComparison.OrdinalIgnoreCase);

        var b = await ExportAsync(SecondFund.Key);
        Assert.Empty(b.Problems);
        IndigoMappingTests.SchemaValid(b.Document);
        var data = Assert.Single(Projects(b.Document)).Value;
        Assert.Equal("Kystprojektet", (string)data["name"]!["value"]!);
        Assert.Equal(10_000m, (decimal)data["overall_project_finance"]!["total_investment_commitment"]!["amount"]!["exact"]!["value"]!);
        Assert.Equal([IndigoMapping.OrganisationId(SecondFund.Organisation)],
            b.Document["organisations"]!.AsArray().Select(o => (string)o!["id"]!));
        var aarhusKeys = await Factory.WithAsync(db => db.Investments.Where(i => i.Fund!.Key == "aarhus").Select(i => i.Key)
            .ToListAsync(Ct));
        Assert.All(aarhusKeys, k => Assert.DoesNotContain(IndigoMapping.ProjectId(k) + "\"", b.Json, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_fund_or_a_bad_path_is_one_line_on_stderr_exit_1_and_no_file()
    {
        var file = Path.Combine(folder, "x.json");
        var (exit, output, error) = await Factory.CliAsync("indigo", "export", "--fund", "ingen-fond", "--out", file, "--lang", "en");
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Equal("bundlinje: Unknown fund 'ingen-fond'.", error.TrimEnd());
        foreach (var bad in new[] { Path.Combine(folder, "missing", "x.json"), folder })
        {
            (exit, output, error) = await Factory.CliAsync("indigo", "export", "--fund", "aarhus", "--out", bad);
            Assert.Equal(1, exit);
            Assert.Single(error.TrimEnd().Split('\n'));
            Assert.StartsWith("bundlinje: ", error, StringComparison.Ordinal);
        }
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }
}
