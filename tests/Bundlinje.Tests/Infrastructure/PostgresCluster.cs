using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Bundlinje.Tests.Infrastructure;

/// <summary>A throwaway PostgreSQL cluster: initdb + pg_ctl into a temp folder on a free port, stopped and removed afterwards.</summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private const string BinFolder = "/usr/lib/postgresql/15/bin";
    private string? folder;
    private int port;
    private int databases;
    public string? Unavailable { get; private set; }

    /// <summary>The cluster's files (data directory and server log), for tests that look at what reached the disk.</summary>
    public string? Folder => folder;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Path.Combine(BinFolder, "initdb")))
        {
            Unavailable = $"PostgreSQL binaries not found in {BinFolder} (apt-get install postgresql-15).";
            return;
        }
        folder = Directory.CreateTempSubdirectory("bundlinje-pg-").FullName;
        port = FreePort();
        if (IsRoot) Run("chown", $"-R postgres:postgres {folder}");
        RunAsPostgres("initdb", $"-D {folder}/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8");
        RunAsPostgres("pg_ctl", $"-D {folder}/data -l {folder}/log -w -t 60 -o \"-p {port} -k {folder} -h 127.0.0.1 -F\" start");
        await Task.CompletedTask;
    }

    /// <summary>A new, empty database on the cluster for one test class.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"bundlinje_{Interlocked.Increment(ref databases)}";
        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database={name};Pooling=false";
    }

    public async ValueTask DisposeAsync()
    {
        if (folder is null) return;
        try { RunAsPostgres("pg_ctl", $"-D {folder}/data -m fast -w stop"); }
        finally { Directory.Delete(folder, recursive: true); }
        await Task.CompletedTask;
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static void RunAsPostgres(string tool, string arguments)
    {
        var path = Path.Combine(BinFolder, tool);
        if (IsRoot) Run("runuser", $"-u postgres -- {path} {arguments}");
        else Run(path, arguments);
    }

    private static void Run(string file, string arguments)
    {
        var start = new ProcessStartInfo("/bin/sh", ["-c", $"{file} {arguments}"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/tmp",
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {error} {output.Result}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL";
}
