using System.CommandLine;
using Bundlinje.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Cli;

/// <summary>`bundlinje db backup --out FILE` and `bundlinje db restore FILE` (docs/cli.md).</summary>
public static class BackupCommands
{
    public static Command Backup()
    {
        var output = new Option<FileInfo>("--out")
        {
            Required = true,
            Description = "The backup file to write (created 0600; replaced if it exists)."
        };
        var backup = new Command("backup",
            "Back up the whole database: SQLite online backup, or pg_dump (custom format) on PostgreSQL.") { output };
        backup.SetAction((parse, ct) => CliHost.RunAsync(sp =>
            sp.GetRequiredService<DatabaseBackup>().BackupAsync(parse.GetValue(output)!.FullName, ct)));
        return backup;
    }

    public static Command Restore()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A file written by `db backup`." };
        var restore = new Command("restore",
            "Replace the database with a backup (SQLite: into the live file; PostgreSQL: pg_restore --clean, one transaction). Stop the " +
                "app first on PostgreSQL.") { file };
        restore.SetAction((parse, ct) => CliHost.RunAsync(sp =>
            sp.GetRequiredService<DatabaseBackup>().RestoreAsync(parse.GetValue(file)!.FullName, ct)));
        return restore;
    }
}
