using Bundlinje.Common;
using Bundlinje.Data;
using Bundlinje.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Tests.FollowUps;

/// <summary>The PaymentEngineV2 migration (measure catalogue) on a database with a fund in it: the fund gets the seed catalogue and
/// DKK.</summary>
public abstract class MeasureMigrationTests
{
    protected abstract Task<(string Provider, string Connection)?> DatabaseAsync();

    /// <summary>The database as the app registers it (DatabaseSetup), with a fixed user.</summary>
    private async Task<(ServiceProvider Services, BundlinjeDb Db)?> CreateAsync()
    {
        if (await DatabaseAsync() is not { } database) return null;
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bundlinje:Database:Provider"] = database.Provider, ["ConnectionStrings:Bundlinje"] = database.Connection,
        }).Build();
        var services = new ServiceCollection().AddSingleton<ICurrentUser>(new FixedUser("test")).AddSingleton(TimeProvider.System)
            .AddBundlinjeDatabase(config).BuildServiceProvider();
        return (services, services.CreateScope().ServiceProvider.GetRequiredService<BundlinjeDb>());
    }

    [Fact]
    public async Task A_fund_that_existed_before_the_migration_gets_the_seed_catalogue_and_DKK()
    {
        if (await CreateAsync() is not var (services, db)) return;
        await using var _ = services;
        var migrator = db.GetService<IMigrator>();
        var before = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_PaymentEngineV2", StringComparison.Ordinal)).Last();
        await migrator.MigrateAsync(before, TestContext.Current.CancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            """INSERT INTO "Funds" ("Key", "Name", "HorizonYears", "BudgetEffectPercent", "Version") VALUES ('gammel', 'Gammel fond', """ +
                """10,""" +
                """ 80, 0)""", TestContext.Current.CancellationToken);
        await migrator.MigrateAsync(null, TestContext.Current.CancellationToken);

        var fund = await db.Funds.AsNoTracking().SingleAsync(f => f.Key == "gammel", TestContext.Current.CancellationToken);
        Assert.Equal("DKK", fund.Currency);
        var measures = await db.Measures.AsNoTracking().Where(m => m.FundId == fund.Id).OrderBy(m => m.Code)
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(Bundlinje.FollowUps.Measures.Seed.Select(s => s.Code).Order(StringComparer.Ordinal), measures.Select(m => m.Code));
        var shelter = measures.Single(m => m.Code == "shelter-days");
        Assert.Equal(("Dage på forsorgshjem pr. måned", Bundlinje.FollowUps.MeasureUnit.Days, 4,
            Bundlinje.FollowUps.MeasureSource.Register),
            (shelter.NameDa, shelter.Unit, shelter.Decimals, shelter.Source));
    }
}

public sealed class SqliteMeasureMigrationTests : MeasureMigrationTests, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("bundlinje-migration-").FullName;

    protected override Task<(string, string)?> DatabaseAsync() =>
        Task.FromResult<(string, string)?>(("Sqlite", $"Data Source={Path.Combine(folder, "b.db")};Pooling=false"));

    public void Dispose() => Directory.Delete(folder, recursive: true);
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresMeasureMigrationTests(PostgresCluster cluster) : MeasureMigrationTests
{
    protected override async Task<(string, string)?> DatabaseAsync()
    {
        if (cluster.Unavailable is { } reason) { Requirement.Missing(reason); return null; }
        return ("PostgreSQL", await cluster.CreateDatabaseAsync());
    }
}
