using Bundlinje.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bundlinje.Tests.Infrastructure;

/// <summary>The real web app in demo mode on its own database: a fresh SQLite file, or a PostgreSQL database.</summary>
public sealed class BundlinjeFactory : WebApplicationFactory<Bundlinje.Web.SharedResource>
{
    private readonly DatabaseProvider provider;
    private readonly string connectionString;
    private readonly string? sqliteFolder;

    /// <summary>Where the SQLite file lives (null on PostgreSQL).</summary>
    public string? SqliteFolder => sqliteFolder;

    private BundlinjeFactory(DatabaseProvider provider, string connectionString, string? sqliteFolder)
    {
        (this.provider, this.connectionString, this.sqliteFolder) = (provider, connectionString, sqliteFolder);
    }

    public static BundlinjeFactory Sqlite()
    {
        var folder = Directory.CreateTempSubdirectory("bundlinje-test-").FullName;
        return new(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "bundlinje.db")};Pooling=false", folder);
    }

    public static BundlinjeFactory Postgres(string connectionString) => new(DatabaseProvider.PostgreSQL, connectionString, null);

    /// <summary>A second app instance on this factory's database (as behind a load balancer); the first one owns the files.</summary>
    public BundlinjeFactory SecondInstance() => new(provider, connectionString, null);

    /// <summary>The settings that point the app (and the CLI) at this factory's database.</summary>
    public const string PseudonymKey = "integration-test-pseudonym-key-0123456789";

    /// <summary>Each factory has its own register store, so parallel tests never share a DuckDB file.</summary>
    public string RegisterStore { get; } =
        Path.Combine(Directory.CreateTempSubdirectory("bundlinje-register-").FullName, "register.duckdb");

    public IReadOnlyDictionary<string, string?> DatabaseSettings => new Dictionary<string, string?>
    {
        ["Bundlinje:Database:Provider"] = provider.ToString(), ["ConnectionStrings:Bundlinje"] = connectionString,
        ["Bundlinje:PseudonymKey"] = PseudonymKey, ["Bundlinje:RegisterStore"] = RegisterStore,
    };

    /// <summary>Runs the `bundlinje` command against this factory's database; returns its exit code and output.</summary>
    public async Task<(int Exit, string Out, string Error)> CliAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await Bundlinje.Cli.CliHost.RunAsync(args, new(DatabaseSettings, output, error));
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Every log message the app wrote, at every level (for tests that check what reaches the logs).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new CapturingLoggerProvider(Logs)));
        builder.UseEnvironment("Testing");
        builder.UseSetting("Bundlinje:Demo", "true");
        builder.UseSetting("Bundlinje:Database:Provider", provider.ToString());
        builder.UseSetting("ConnectionStrings:Bundlinje", connectionString);
        builder.UseSetting("Bundlinje:PseudonymKey", PseudonymKey);
        builder.UseSetting("Bundlinje:RegisterStore", RegisterStore);
        // The demo's synthetic follow-ups (DemoFollowUpLoader) only where a test asks for them (DemoFollowUpTests):
        // the other tests start from investments without models, participants or runs.
        builder.UseSetting("Bundlinje:DemoFollowUps", "false");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    /// <summary>More settings for one test's app (e.g. an SMTP server); set them before the first request.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    public T With<T>(Func<BundlinjeDb, T> use)
    {
        using var scope = Services.CreateScope();
        return use(scope.ServiceProvider.GetRequiredService<BundlinjeDb>());
    }

    public async Task<T> WithAsync<T>(Func<BundlinjeDb, Task<T>> use)
    {
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<BundlinjeDb>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (sqliteFolder is not null) Directory.Delete(sqliteFolder, recursive: true);
        Directory.Delete(Path.GetDirectoryName(RegisterStore)!, recursive: true);
    }
}

internal sealed class CapturingLoggerProvider(System.Collections.Concurrent.ConcurrentQueue<string> messages) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, messages);
    public void Dispose() { }

    private sealed class Logger(string category, System.Collections.Concurrent.ConcurrentQueue<string> messages) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) =>
            messages.Enqueue($"{category}: {formatter(state, exception)} {exception}");
    }
}
