using Bundlinje.BusinessCases;
using Bundlinje.Common;
using Bundlinje.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Tests.BusinessCases;

/// <summary>Business cases stored with the demo, through the service, on SQLite and PostgreSQL: each save a revision,
/// two saves at once never the same revision, a bad price stores nothing.</summary>
public abstract class StoredBusinessCaseTests : IAsyncLifetime
{
    private BundlinjeFactory? factory;
    protected abstract Task<BundlinjeFactory?> CreateFactoryAsync();

    public async ValueTask InitializeAsync()
    {
        factory = await CreateFactoryAsync();
        factory?.StartServer();
    }

    public async ValueTask DisposeAsync()
    {
        if (factory is not null) await factory.DisposeAsync();
    }

    private async Task<T> WithCasesAsync<T>(
        Func<global::Bundlinje.BusinessCases.BusinessCases, global::Bundlinje.Investments.Investment, IBundlinjeStore, Task<T>> use,
        string investment = "housing-first")
    {
        await using var scope = factory!.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IBundlinjeStore>();
        var loaded = await store.Investments.AsNoTracking().Include(i => i.Fund).SingleAsync(i => i.Key == investment);
        return await use(scope.ServiceProvider.GetRequiredService<global::Bundlinje.BusinessCases.BusinessCases>(), loaded, store);
    }

    private static string Havnen => DemoBusinessCases.Read("Bundlinje.BusinessCases.Demo.havnen.json");

    [Fact]
    public async Task The_demo_loads_its_catalogue_and_seven_cases_and_havnen_computes_as_msbs_table()
    {
        if (factory is null) return;
        var (count, prices, havnen) = await WithCasesAsync(async (cases, investment, store) =>
        {
            var current = await cases.CurrentAsync(investment);
            var computed = await cases.ComputeAsync(investment, current.Single(c => c.Part == "Havnen"));
            return (await store.BusinessCases.CountAsync(), await store.UnitPrices.CountAsync(), computed);
        });
        Assert.Equal(7, count);
        Assert.Equal(UnitPriceFile.ReadDemo().UnitPrices.Count, prices);
        var msb = havnen.Result.Holders(h => h.Department == "MSB" && h.Decentral, throughYear: 2030);
        Assert.Equal((6.1m, 7.3m), (decimal.Round(msb.Repayment / 1e6m, 1), decimal.Round(msb.Gross / 1e6m, 1)));
        Assert.StartsWith("catalogue:herberg-doegn (2023 → 2024)", havnen.Prices.Sources[0][0]);
    }

    [Fact]
    public async Task Five_saves_at_once_make_five_revisions_or_tell_the_loser_and_never_share_a_revision()
    {
        if (factory is null) return;
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(async () =>
        {
            try { return await WithCasesAsync(async (cases, investment, _) => (await cases.SaveAsync(investment, Havnen)).Revision); }
            catch (Refused e) when (e.Code == "businessCase.savedConcurrently") { return 0; }
        })));
        var revisions = await WithCasesAsync((_, investment, store) => store.BusinessCases
            .Where(b => b.InvestmentId == investment.Id && b.Part == "Havnen").Select(b => b.Revision).ToListAsync());
        Assert.Equal(revisions.Count, revisions.Distinct().Count());
        Assert.Equal(1 + outcomes.Count(r => r > 0), revisions.Count);
        Assert.Equal(Enumerable.Range(1, revisions.Count), revisions.Order());
    }

    [Fact]
    public async Task A_case_for_another_investment_or_with_an_unknown_price_code_stores_nothing()
    {
        if (factory is null) return;
        var before = await WithCasesAsync((_, _, store) => store.BusinessCases.CountAsync());
        var other = await Assert.ThrowsAsync<Refused>(() => WithCasesAsync((cases, investment, _) => cases.SaveAsync(investment, Havnen),
            investment: "ungifokus"));
        Assert.Equal(("$.case.investment", "paymentModel.investmentMustBe"), (other.Field, other.Code));
        var unknown = await Assert.ThrowsAsync<Refused>(() => WithCasesAsync((cases, investment, _) =>
            cases.SaveAsync(investment, Havnen.Replace("\"herberg-doegn\"", "\"findes-ikke\""))));
        Assert.Equal(("$.case.outcomes[0].consequences[0].priceCode", "businessCase.unknownPriceCode"), (unknown.Field, unknown.Code));
        var part = await Assert.ThrowsAsync<Refused>(() => WithCasesAsync((cases, investment, _) =>
            cases.SaveAsync(investment, Havnen.Replace("\"part\": \"Havnen\"", "\"part\": \"Ukendt\""))));
        Assert.Equal("businessCase.unknownPart", part.Code);
        Assert.Equal(before, await WithCasesAsync((_, _, store) => store.BusinessCases.CountAsync()));
    }

    [Fact]
    public async Task Another_investments_case_id_is_not_found_through_this_investment()
    {
        if (factory is null) return;
        var ungifokusCase = await WithCasesAsync(async (cases, investment, _) => (await cases.CurrentAsync(investment)).Single().Id,
            investment: "ungifokus");
        await Assert.ThrowsAsync<NotFound>(() => WithCasesAsync((cases, investment, _) => cases.FindAsync(investment, ungifokusCase)));
    }
}

public sealed class SqliteStoredBusinessCaseTests : StoredBusinessCaseTests
{
    protected override Task<BundlinjeFactory?> CreateFactoryAsync() => Task.FromResult<BundlinjeFactory?>(BundlinjeFactory.Sqlite());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresStoredBusinessCaseTests(PostgresCluster cluster) : StoredBusinessCaseTests
{
    protected override async Task<BundlinjeFactory?> CreateFactoryAsync()
    {
        if (cluster.Unavailable is { } reason) { Requirement.Missing(reason); return null; }
        return BundlinjeFactory.Postgres(await cluster.CreateDatabaseAsync());
    }
}
