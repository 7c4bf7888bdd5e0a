using System.Net;
using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Tests.Operations;

/// <summary>`bundlinje db backup` and `db restore`: back up, post to the ledger, restore, and the ledger is as it was.</summary>
public abstract class BackupTests : IAsyncLifetime
{
    protected BundlinjeFactory? Factory { get; private set; }
    private readonly string folder = Directory.CreateTempSubdirectory("bundlinje-backup-").FullName;

    protected abstract Task<BundlinjeFactory?> CreateFactoryAsync();

    public async ValueTask InitializeAsync() => Factory = await CreateFactoryAsync();

    public async ValueTask DisposeAsync()
    {
        if (Factory is not null) await Factory.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    private List<string> Ledger() => Factory!.With(db => db.LedgerPostings.AsNoTracking().OrderBy(p => p.Id).ToList()
        .Select(p => $"{p.Id}|{p.FundId}|{p.FiscalYear}|{p.Amount}|{p.Kind}|{p.Text}").ToList());

    [Fact]
    public async Task A_backup_restored_after_a_new_posting_gives_back_the_ledger_as_it_was()
    {
        if (Factory is null) return;
        var ledger = Ledger();
        var file = Path.Combine(folder, "bundlinje.backup");
        var backup = await Factory.CliAsync("db", "backup", "--out", file);
        Assert.True(backup.Exit == 0, backup.Error);
        Assert.True(new FileInfo(file).Length > 0);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));

        var client = await Login.AsAsync(Factory, Login.Email(Roles.Secretariat));
        var posted = await client.PostAsync("/Funds/aarhus/Ledger/Post", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await Login.TokenAsync(client, "/Funds/aarhus/Ledger/Post"),
            ["Line.Pot"] = "InvestmentFund", ["Line.Kind"] = "RunningCost", ["Line.Basis"] = "Actual", ["Line.FiscalYear"] = "2025",
            ["AmountText"] = "4.321,00", ["Line.Category"] = "Øvrig drift af Rådet", ["Line.Text"] = "Efter backup",
        }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(ledger.Count + 1, Ledger().Count);

        var restore = await Factory.CliAsync("db", "restore", file);
        Assert.True(restore.Exit == 0, restore.Error);
        Assert.Equal(ledger, Ledger());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Funds/aarhus/Ledger", TestContext.Current.CancellationToken)).StatusCode);

        var missing = await Factory.CliAsync("db", "restore", Path.Combine(folder, "findes-ikke.backup"));
        Assert.Equal(1, missing.Exit);
        Assert.Equal(ledger, Ledger());
    }
}

public sealed class SqliteBackupTests : BackupTests
{
    protected override Task<BundlinjeFactory?> CreateFactoryAsync() => Task.FromResult<BundlinjeFactory?>(BundlinjeFactory.Sqlite());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresBackupTests(PostgresCluster cluster) : BackupTests
{
    protected override async Task<BundlinjeFactory?> CreateFactoryAsync()
    {
        if (cluster.Unavailable is { } reason) { Requirement.Missing(reason); return null; }
        return BundlinjeFactory.Postgres(await cluster.CreateDatabaseAsync());
    }
}
