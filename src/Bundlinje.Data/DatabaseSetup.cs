using Bundlinje.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Data;

public enum DatabaseProvider { Sqlite, PostgreSQL }

/// <summary>Reads <c>Bundlinje:Database:Provider</c> and <c>ConnectionStrings:Bundlinje</c> and registers the database.</summary>
public static class DatabaseSetup
{
    public static DatabaseProvider Provider(IConfiguration config)
    {
        var text = config["Bundlinje:Database:Provider"];
        if (string.IsNullOrWhiteSpace(text)) return DatabaseProvider.Sqlite;
        return Enum.TryParse<DatabaseProvider>(text, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException(
                $"Bundlinje:Database:Provider is '{text}'; it must be 'Sqlite' or 'PostgreSQL'.");
    }

    /// <remarks>The default SQLite file is <c>data/bundlinje.db</c> under the working directory, for the web app and the CLI
    /// alike.</remarks>
    public static string ConnectionString(IConfiguration config)
    {
        var configured = config.GetConnectionString("Bundlinje");
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        if (Provider(config) == DatabaseProvider.PostgreSQL)
            throw new InvalidOperationException("ConnectionStrings:Bundlinje must be set when the provider is PostgreSQL.");
        var folder = Path.GetFullPath(config["Bundlinje:DataFolder"] ?? "data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "bundlinje.db")}";
    }

    public static IServiceCollection AddBundlinjeDatabase(this IServiceCollection services, IConfiguration config)
    {
        var connection = ConnectionString(config);
        if (Provider(config) == DatabaseProvider.PostgreSQL)
            services.AddDbContext<BundlinjeDb, PostgresBundlinjeDb>(o => o.UseNpgsql(connection,
                n => n.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)));
        else
            services.AddDbContext<BundlinjeDb, SqliteBundlinjeDb>(o => o.UseSqlite(connection,
                s => s.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)).AddInterceptors(new SqliteConcurrency())
                .ReplaceService<Microsoft.EntityFrameworkCore.Migrations.IMigrationsSqlGenerator,
                    Migrations.SqliteRebuildKeepsAppendOnly>());
        services.AddScoped<IBundlinjeStore>(sp => sp.GetRequiredService<BundlinjeDb>());
        return services;
    }
}
