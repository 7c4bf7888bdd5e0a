using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Bundlinje.Data;

/// <summary>Backs up and restores the whole database. SQLite: the online backup API (consistent while the app runs, WAL
/// included) into a new file; restore copies it back into the live file the same way. PostgreSQL: <c>pg_dump</c> in custom
/// format and <c>pg_restore --clean --if-exists --single-transaction</c> (all or nothing). Backup files are created 0600:
/// they hold proposals, contacts and pseudonymised participants.</summary>
public sealed class DatabaseBackup(IConfiguration config)
{
    public async Task<string> BackupAsync(string file, CancellationToken ct = default)
    {
        var target = Path.GetFullPath(file);
        var temp = target + ".partial";
        CreatePrivate(temp);
        try
        {
            if (DatabaseSetup.Provider(config) == DatabaseProvider.PostgreSQL)
                await PostgresAsync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", $"--file={temp}"], ct);
            else
            {
                await using var source = new SqliteConnection(DatabaseSetup.ConnectionString(config));
                await using var copy =
                    new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temp, Pooling = false }.ToString());
                await source.OpenAsync(ct);
                await copy.OpenAsync(ct);
                source.BackupDatabase(copy);
            }
            File.Move(temp, target, overwrite: true);
        }
        finally { File.Delete(temp); }
        return $"Backup written to {target} ({new FileInfo(target).Length:N0} bytes).";
    }

    public async Task<string> RestoreAsync(string file, CancellationToken ct = default)
    {
        var source = Path.GetFullPath(file);
        if (!File.Exists(source)) throw new FileNotFoundException($"Backup file not found: {source}");
        if (DatabaseSetup.Provider(config) == DatabaseProvider.PostgreSQL)
            await PostgresAsync("pg_restore",
                ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", source], ct,
                    database: "--dbname");
        else
        {
            await using var backup =
                new SqliteConnection(
                    new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await backup.OpenAsync(ct);
            await using (var check = backup.CreateCommand())
            {
                check.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = '__EFMigrationsHistory'";
                if (Convert.ToInt32(await check.ExecuteScalarAsync(ct)) != 1)
                    throw new InvalidOperationException($"{source} is not a Bundlinje SQLite backup.");
            }
            await using var live = new SqliteConnection(DatabaseSetup.ConnectionString(config));
            await live.OpenAsync(ct);
            backup.BackupDatabase(live);
            SqliteConnection.ClearAllPools();
        }
        return $"Database restored from {source}.";
    }

    private static void CreatePrivate(string path)
    {
        if (OperatingSystem.IsWindows()) { File.Create(path).Dispose(); return; }
        using var _ = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    /// <summary>Runs pg_dump/pg_restore against the configured database (password through PGPASSWORD, never the command line).</summary>
    private async Task PostgresAsync(string tool, string[] arguments, CancellationToken ct, string database = "")
    {
        var connection = new NpgsqlConnectionStringBuilder(DatabaseSetup.ConnectionString(config));
        var start = new ProcessStartInfo(Tool(tool))
        {
            RedirectStandardError = true, RedirectStandardOutput = true,
            UseShellExecute = false
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.ArgumentList.Add($"--host={connection.Host}");
        start.ArgumentList.Add($"--port={connection.Port}");
        if (connection.Username is { } user) start.ArgumentList.Add($"--username={user}");
        start.ArgumentList.Add("--no-password");
        start.ArgumentList.Add(database == "" ? connection.Database! : $"{database}={connection.Database}");
        if (connection.Password is { } password) start.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {(await error).Trim()}");
    }

    /// <summary>Bundlinje:PostgresBin, else the newest /usr/lib/postgresql/N/bin (Debian), else the PATH.</summary>
    private string Tool(string tool)
    {
        if (config["Bundlinje:PostgresBin"] is { Length: > 0 } bin) return Path.Combine(bin, tool);
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", tool)).Where(File.Exists)
                .OrderByDescending(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0)
                    .FirstOrDefault()
            : null;
        return debian ?? tool;
    }
}
