using System.Net;
using Bundlinje.Tests.Infrastructure;
using Npgsql;

namespace Bundlinje.Tests.Operations;

/// <summary>The database stops taking writes (a read-only file, a read-only PostgreSQL database): /health says so, and the
/// public form answers 503 with the citizen's text still in it and nothing half-stored. Run on SQLite and PostgreSQL.</summary>
public abstract class DatabaseFaultTests : IAsyncLifetime
{
    /// <summary>The app on the database while it still takes writes (it loaded the demo data).</summary>
    protected BundlinjeFactory Writable { get; private set; } = null!;
    /// <summary>A second app on the same database after it stopped taking writes.</summary>
    protected BundlinjeFactory Unwritable { get; private set; } = null!;

    /// <summary>Creates the writable app (demo data loaded) and a second one on the same database that cannot write.</summary>
    protected abstract Task<(BundlinjeFactory Writable, BundlinjeFactory Unwritable)?> CreateAsync();
    protected virtual Task MakeWritableAgainAsync() => Task.CompletedTask;

    public async ValueTask InitializeAsync()
    {
        if (await CreateAsync() is not { } apps) return;
        (Writable, Unwritable) = apps;
        Unwritable.Settings["Bundlinje:Demo"] = "false";
        Unwritable.Settings["Bundlinje:MigrateOnStart"] = "false";
    }

    public async ValueTask DisposeAsync()
    {
        if (Unwritable is not null) await Unwritable.DisposeAsync();
        if (Writable is not null) { await MakeWritableAgainAsync(); await Writable.DisposeAsync(); }
    }

    private static Dictionary<string, string> Proposal() => new()
    {
        ["ProposerType"] = "Citizen", ["Proposer"] = "Karen Jensen", ["Contact"] = "karen@example.dk",
        ["Title"] = "Lektiecafé i Gellerup", ["Problem"] = "Børn i 4. klasse får ikke hjælp til lektierne derhjemme.",
        ["TargetGroup"] = "Børn i 4.-6. klasse", ["Intervention"] = "Frivillige lektiehjælpere to eftermiddage om ugen",
    };

    [Fact]
    public async Task Health_is_unhealthy_when_the_database_cannot_be_written()
    {
        if (Writable is null) return;
        var response = await Login.Anonymous(Unwritable).GetAsync("/health", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_public_form_answers_503_keeps_what_was_typed_and_stores_nothing()
    {
        if (Writable is null) return;
        var before = Writable.With(db =>
            (db.Proposals.Count(), db.ProposalEvents.Count(), db.OutboxMessages.Count(), db.AuditEntries.Count()));
        var visitor = Login.Anonymous(Unwritable);
        var form = new MultipartFormDataContent { { new StringContent(await Login.TokenAsync(visitor, "/Proposals/New")),
            "__RequestVerificationToken" } };
        foreach (var (key, value) in Proposal()) form.Add(new StringContent(value), key);

        var response = await visitor.PostAsync("/Proposals/New", form, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("prøv igen", html);
        Assert.Contains("value=\"Lektiecafé i Gellerup\"", html);
        Assert.Contains("Børn i 4. klasse får ikke hjælp til lektierne derhjemme.</textarea>", html);
        Assert.Contains("value=\"karen@example.dk\"", html);
        Assert.Contains("<option value=\"Citizen\" selected=\"selected\">", html);
        Assert.Equal(before,
            Writable.With(db => (db.Proposals.Count(), db.ProposalEvents.Count(), db.OutboxMessages.Count(), db.AuditEntries.Count())));
    }
}

public sealed class SqliteDatabaseFaultTests : DatabaseFaultTests
{
    /// <summary>The file opened read-only (SQLITE_OPEN_READONLY), which holds for root too, unlike chmod.</summary>
    protected override Task<(BundlinjeFactory Writable, BundlinjeFactory Unwritable)?> CreateAsync()
    {
        var writable = BundlinjeFactory.Sqlite();
        _ = writable.Services;
        var unwritable = BundlinjeFactory.Sqlite();
        unwritable.Settings["ConnectionStrings:Bundlinje"] =
            $"Data Source={Path.Combine(writable.SqliteFolder!, "bundlinje.db")};Mode=ReadOnly;Pooling=false";
        return Task.FromResult<(BundlinjeFactory, BundlinjeFactory)?>((writable, unwritable));
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresDatabaseFaultTests(PostgresCluster cluster) : DatabaseFaultTests
{
    private string connection = "";

    /// <summary>The database set to read-only transactions (every new connection of the app gets them; pooling is off).</summary>
    protected override async Task<(BundlinjeFactory Writable, BundlinjeFactory Unwritable)?> CreateAsync()
    {
        if (cluster.Unavailable is { } reason) { Requirement.Missing(reason); return null; }
        connection = await cluster.CreateDatabaseAsync();
        var writable = BundlinjeFactory.Postgres(connection);
        _ = writable.Services;
        await SetReadOnlyAsync(true);
        return (writable, BundlinjeFactory.Postgres(connection));
    }

    protected override Task MakeWritableAgainAsync() => SetReadOnlyAsync(false);

    private async Task SetReadOnlyAsync(bool readOnly)
    {
        var target = new NpgsqlConnectionStringBuilder(connection);
        await using var admin =
            new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { Database = "postgres" }.ConnectionString);
        await admin.OpenAsync();
        await using var command =
            new NpgsqlCommand($"ALTER DATABASE {target.Database} SET default_transaction_read_only = {(readOnly ? "on" : "off")}", admin);
        await command.ExecuteNonQueryAsync();
    }
}
