using System.Net;
using System.Text;
using Bundlinje.Common;
using Bundlinje.Fund;
using Bundlinje.Payments;
using Bundlinje.Portfolio;
using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Tests.Trust;

/// <summary>
/// Every amount is bounded: |amount| ≤ 1.000.000.000.000 kr. with at most two decimals, refused in the domain with a
/// message naming the field and by a CHECK in the database. decimal.MaxValue once broke every fund page for good.
/// </summary>
public abstract class BoundedMoneyTests : TrustApp
{
    private static readonly string Huge = decimal.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture);
    private const string RangeMessage = "beløbet skal ligge mellem -1.000.000.000.000 kr. og 1.000.000.000.000 kr.";

    private static (string, string)[] Line(string amount, string year = "2025") =>
    [
        ("Line.Pot", "InvestmentFund"), ("Line.Kind", "RunningCost"), ("Line.Basis", "Actual"), ("Line.FiscalYear", year),
        ("AmountText", amount), ("Line.Category", "Øvrig drift af Rådet"), ("Line.Text", "Grænsetest"),
    ];

    private async Task<string> PostAsync(HttpClient client, string page, string url, params (string, string)[] fields)
    {
        var response = (await AllAtOnceAsync([client], page, url, (_, token) => Form(token, fields))).Single();
        Assert.True((int)response.Status < 500, $"{url}: {response.Status}");
        return response.Status == HttpStatusCode.Redirect ? response.Location!.OriginalString : response.Body;
    }

    private async Task<(int Exit, string Error)> ImportAsync(string entries)
    {
        var file = Path.Combine(Path.GetTempPath(), $"ledger-{Guid.NewGuid():N}.json");
        try
        {
            await File.WriteAllTextAsync(file, $$"""{ "format": "bundlinje-ledger/1", "fund": "aarhus", "entries": [ {{entries}} ] }""");
            var (exit, _, error) = await Factory.CliAsync("fund", "ledger", "import", file);
            return (exit, error);
        }
        finally { File.Delete(file); }
    }

    private Task<int> PostingsAsync() => Factory.WithAsync(db => db.LedgerPostings.CountAsync());

    [Fact]
    public async Task Decimal_max_value_is_refused_by_the_form_and_the_ledger_import_naming_the_field_and_nothing_is_stored()
    {
        var client = await SignedInAsync(Roles.Secretariat);
        var before = await PostingsAsync();
        foreach (var amount in new[] { Huge, "-" + Huge, "1.000.000.000.000,01" })
            Assert.Contains($"Beløb: {RangeMessage}",
                await PostAsync(client, "/Funds/aarhus/Ledger/Post", "/Funds/aarhus/Ledger/Post", Line(amount)));

        var (exit, error) =
            await ImportAsync($$"""{ "pot": "investmentFund", "fiscalYear": """ +
                $$"""2025, "kind": "runningCost", "basis": "actual", "amount": {{Huge}}, "category": "Drift" }""");
        Assert.Equal(1, exit);
        Assert.Contains($"$.entries[0].amount: {RangeMessage}", error);
        var (oreExit, oreError) =
            await ImportAsync("""{ "pot": "investmentFund", "fiscalYear": 2025, "kind": "runningCost", "basis": "actual", "amount": """ +
                """10.005, "category": "Drift" }""");
        Assert.Equal(1, oreExit);
        Assert.Contains("$.entries[0].amount: beløbet må højst have to decimaler (øre).", oreError);
        Assert.Equal(before, await PostingsAsync());

        var council = await SignedInAsync(Roles.CouncilMember);
        var published = (await AllAtOnceAsync([council], "/Funds/aarhus/Reconcile", "/Funds/aarhus/Reconcile", (_, token) =>
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes($"row,column,value\n\"I alt\",\"R 2022\",-{Huge}\n"));
            file.Headers.ContentType = new("text/csv");
            return new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("1"),
                "Tolerance" }, { file, "Published", "tabel.csv" } };
        })).Single();
        Assert.Equal(HttpStatusCode.OK, published.Status);
        Assert.Contains("Linje 2, value: tallet skal ligge mellem -1.000.000.000.000 og 1.000.000.000.000.", published.Body);
    }

    [Fact]
    public async Task A_party_with_capital_beyond_the_range_is_refused_naming_the_field()
    {
        var client = await SignedInAsync(Roles.Secretariat);
        var parties = await Factory.WithAsync(db => db.Parties.CountAsync());
        var page = await PostAsync(client, "/Investments/ungifokus/Parties/Add", "/Investments/ungifokus/Parties/Add",
            ("OrganisationKey", "bikubenfonden"), ("Role", "CoFunder"), ("Capital", Huge));
        Assert.Contains($"Kapital: {RangeMessage}", page);
        Assert.Equal(parties, await Factory.WithAsync(db => db.Parties.CountAsync()));
    }

    [Fact]
    public async Task At_the_largest_amounts_every_fund_page_answers_and_the_largest_posting_can_be_reversed()
    {
        var client = await SignedInAsync(Roles.Secretariat);
        await PostAsync(client, "/Funds/aarhus/Ledger/Post", "/Funds/aarhus/Ledger/Post", Line(Huge)); // refused, as above
        var posted = await PostAsync(client, "/Funds/aarhus/Ledger/Post", "/Funds/aarhus/Ledger/Post", Line("1.000.000.000.000"));
        Assert.StartsWith("/Funds/aarhus/Ledger#posting-", posted);
        var entries = string.Join(",", Enumerable.Range(2025, 4).SelectMany(year => new[]
        {
            $$"""{ "pot": "investmentFund", "fiscalYear": {{year}}, "kind": "runningCost", "basis": "budget", "amount": """ +
                $$"""1000000000000, "category": "Drift" }""",
            $$"""{ "pot": "investmentFund", "fiscalYear": {{year}}, "kind": "disbursement", "basis": "budget", "amount": """ +
                $$"""-1000000000000, "investment": "ungifokus" }""",
            $$"""{ "pot": "outcomeFund", "fiscalYear": {{year}}, "kind": "appropriation", "basis": "actual", "amount": 1000000000000 }""",
            $$"""{ "pot": "outcomeFund", "fiscalYear": {{year}}, "kind": "commitment", "basis": "budget", "amount": """ +
                $$"""999999999999.99, "investment": "dialog-mod-vold", "metric": "Volden er ophørt" }""",
        }));
        Assert.Equal(0, (await ImportAsync(entries)).Exit);

        var council = await SignedInAsync(Roles.CouncilMember);
        foreach (var page in new[] { "/Funds/aarhus/Economics", "/Funds/aarhus/Economics?effect=150", "/Funds/aarhus/Ledger",
            "/Funds/aarhus/Ledger?column=B%202025&effect=150",
                     "/Funds/aarhus/OutcomeFund", "/api/funds/aarhus/economics", "/api/funds/aarhus/economics?format=csv",
                     "/api/funds/aarhus/economics?format=xlsx&effect=150" })
            foreach (var reader in new[] { client, council })
                Assert.True((await reader.GetAsync(page, TestContext.Current.CancellationToken)).StatusCode == HttpStatusCode.OK, page);

        var id = posted.Split('-').Last();
        Assert.Contains($"Postering {id} er tilbageført af postering",
            await PostAsync(client, "/Funds/aarhus/Ledger", "/Funds/aarhus/Ledger?handler=Reverse", ("PostingId", id),
                ("Reason", "Grænsetest")));
        Assert.Equal(HttpStatusCode.OK,
            (await client.GetAsync("/Funds/aarhus/Economics", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_guarantee_share_is_a_percentage_in_0_to_100_of_a_deficit_guarantor_and_the_database_refuses_one_outside()
    {
        var client = await SignedInAsync(Roles.Secretariat);
        var parties = await Factory.WithAsync(db => db.Parties.CountAsync());
        foreach (var (role, share, message) in new[]
                 {
                     ("DeficitGuarantor", "150", "Garanti i procent skal være over 0 og højst 100"),
                     ("DeficitGuarantor", "0", "Garanti i procent skal være over 0"),
                     ("DeficitGuarantor", "12,345", "højst to decimaler"),
                     ("CoFunder", "25", "Garanti i procent kan kun angives for underskudsgaranter."),
                 })
            Assert.Contains(message, await PostAsync(client, "/Investments/ungifokus/Parties/Add", "/Investments/ungifokus/Parties/Add",
                ("OrganisationKey", "lauritzen-fonden"), ("Role", role), ("GuaranteeShare", share)));
        Assert.Equal(parties, await Factory.WithAsync(db => db.Parties.CountAsync()));

        Assert.StartsWith("/Investments/ungifokus",
            await PostAsync(client, "/Investments/ungifokus/Parties/Add", "/Investments/ungifokus/Parties/Add",
            ("OrganisationKey", "lauritzen-fonden"), ("Role", "DeficitGuarantor"), ("Guarantee", "2.000.000"), ("GuaranteeShare", "12,5")));
        Assert.Equal((2_000_000m, 0.125m),
            await Factory.WithAsync(db => db.Investments.Where(i => i.Key == "ungifokus").SelectMany(i => i.Parties)
                .Where(p => p.Organisation!.Key == "lauritzen-fonden" && p.Role == Bundlinje.Investments.PartyRole.DeficitGuarantor)
            .Select(p => new ValueTuple<decimal, decimal>(p.Guarantee!.Value, p.GuaranteeShare!.Value)).SingleAsync()));
        Assert.Contains("12,5 % af trukket kapital",
            await client.GetStringAsync("/Investments/ungifokus", TestContext.Current.CancellationToken));

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => Factory.WithAsync(async db =>
        {
            (await db.Parties.FirstAsync(p => p.GuaranteeShare != null)).GuaranteeShare = 1.5m;
            return await db.SaveChangesAsync();
        }));
        Assert.True(StoreConflict.IsCheckViolation(refused), refused.InnerException?.Message);
    }

    [Fact]
    public async Task The_database_refuses_an_amount_that_went_around_the_domain()
    {
        var before = await PostingsAsync();
        foreach (var amount in new[] { Kroner.Max + 0.01m, -2 * Kroner.Max })
        {
            var refused = await Assert.ThrowsAsync<DbUpdateException>(() => Factory.WithAsync(async db =>
            {
                var fund = await db.Funds.SingleAsync(f => f.Key == "aarhus");
                db.LedgerPostings.Add(new LedgerPosting
                {
                    FundId = fund.Id, FiscalYear = 2025, EntryDate = new(2025, 6, 1), Kind = LedgerKind.RunningCost,
                    Basis = LedgerBasis.Budget,
                    Amount = amount, Category = "Udenom", PostedBy = "test",
                });
                return await db.SaveChangesAsync();
            }));
            Assert.True(StoreConflict.IsCheckViolation(refused), refused.InnerException?.Message);
        }
        var party = await Assert.ThrowsAsync<DbUpdateException>(() => Factory.WithAsync(async db =>
        {
            (await db.Parties.FirstAsync(p => p.Capital != null)).Capital = 5 * Kroner.Max;
            return await db.SaveChangesAsync();
        }));
        Assert.True(StoreConflict.IsCheckViolation(party), party.InnerException?.Message);
        Assert.Equal(before, await PostingsAsync());

        // SQLite adds a CHECK by rebuilding the table: the ledger and the runs must still be append-only afterwards.
        foreach (var sql in new[] { "UPDATE \"LedgerPostings\" SET \"Amount\" = 0", "DELETE FROM \"LedgerPostings\"" })
            Assert.Contains("the ledger is append-only",
                (await Assert.ThrowsAnyAsync<Exception>(() => Factory.WithAsync(db => db.Database.ExecuteSqlRawAsync(sql)))).Message);
        Assert.Equal(before, await PostingsAsync());
        var triggers = await Factory.WithAsync(db => db.Database.SqlQueryRaw<string>(db.Database.ProviderName!.Contains("Sqlite")
            ? "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'trigger'"
                : "SELECT tgname::text AS \"Value\" FROM pg_trigger WHERE NOT tgisinternal").ToListAsync());
        Assert.Contains(triggers, t => t.StartsWith("FollowUpRuns_no_", StringComparison.OrdinalIgnoreCase)
            || t == "followupruns_append_only");
    }
}

/// <summary>The same range rule in the payment-model and portfolio files, each problem named by its JSON path.</summary>
public sealed class MoneyRangeTests
{
    private static readonly string Huge = decimal.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture);
    private const string RangeMessage = "beløbet skal ligge mellem -1.000.000.000.000 kr. og 1.000.000.000.000 kr.";

    [Fact]
    public void Payment_models_and_portfolio_files_name_the_amount_that_is_out_of_range()
    {
        var model = new PaymentModel("ungifokus", 1,
            [new Metric("m", "M", MetricKind.TreatmentVsControl, "transfer-income", decimal.MaxValue, PriceBasis.PerTreatedPerson,
                [new PayerShare("SFB", 1)],
                Tiers: [new Tier(0.1m, 0.001m)], CapPerMetric: -decimal.MaxValue)], CapContract: Kroner.Max * 2);
        var problems = PaymentModelFile.Problems(model).Da();
        Assert.Contains($"$.model.metrics[0].price: {RangeMessage}", problems);
        Assert.Contains($"$.model.metrics[0].capPerMetric: {RangeMessage}", problems);
        Assert.Contains("$.model.metrics[0].tiers[0].price: beløbet må højst have to decimaler (øre).", problems);
        Assert.Contains($"$.model.capContract: {RangeMessage}", problems);

        var portfolio = PortfolioJson.Read($$"""
            {"format":"bundlinje-portfolio/1","funds":[{"key":"aarhus","name":"Aarhus"}],"organisations":[{"key":"dsi","name":"DSI"}],
             "investments":[{"key":"x","fund":"aarhus","name":"X","parties":[{"organisation":"dsi","role":"investor","capital":{{Huge}}}],
               "subProjects":[{"name":"A","injectedCapital":12.345}]}]}
            """);
        var found = PortfolioValidator.Validate(portfolio, [], []).Da();
        Assert.Contains($"$.investments[0].parties[0].capital: {RangeMessage}", found);
        Assert.Contains("$.investments[0].subProjects[0].injectedCapital: beløbet må højst have to decimaler (øre).", found);
    }
}

public sealed class SqliteBoundedMoneyTests : BoundedMoneyTests
{
    protected override Task<BundlinjeFactory?> CreateFactoryAsync() => Task.FromResult<BundlinjeFactory?>(BundlinjeFactory.Sqlite());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresBoundedMoneyTests(PostgresCluster cluster) : BoundedMoneyTests
{
    protected override async Task<BundlinjeFactory?> CreateFactoryAsync()
    {
        if (cluster.Unavailable is { } reason) { Requirement.Missing(reason); return null; }
        return BundlinjeFactory.Postgres(await cluster.CreateDatabaseAsync());
    }
}
