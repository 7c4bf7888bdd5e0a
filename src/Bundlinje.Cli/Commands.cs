using System.CommandLine;
using Bundlinje.Data;
using Bundlinje.Portfolio;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Cli;

public static class Commands
{
    public static Command Db()
    {
        var migrate = new Command("migrate", "Create or upgrade the database schema.");
        migrate.SetAction((_, ct) => CliHost.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<BundlinjeDb>();
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Count();
            await db.Database.MigrateAsync(ct);
            return $"Database migrated ({pending} migration(s) applied).";
        }));
        return new Command("db", "Database schema, backup and restore.") { migrate, BackupCommands.Backup(), BackupCommands.Restore() };
    }

    public static Command Demo()
    {
        var load = new Command("load", "Load the Aarhus demo portfolio and the demo accounts (migrates first).");
        load.SetAction((_, ct) => CliHost.RunAsync(async sp =>
        {
            await sp.GetRequiredService<BundlinjeDb>().Database.MigrateAsync(ct);
            await sp.GetRequiredService<DemoData>().LoadAsync(ct);
            return $"Demo data loaded. Accounts: {string.Join(", ", DemoData.Users.Select(u => u.Email))}; password {DemoData.Password}.";
        }, new Dictionary<string, string?> { ["Bundlinje:Demo"] = "true" })); // demo mode: the demo pseudonym key unless one is configured
        return new Command("demo", "Demo data.") { load };
    }

    public static Command Import()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Portfolio JSON file (docs/portfolio-format.md)." };
        var portfolio = new Command("portfolio", "Import a portfolio, all or nothing.") { file };
        portfolio.SetAction(CliHost.ImportFile<PortfolioImporter>(file, async (importer, json, ct) =>
        {
            var result = await importer.ImportAsync(json, ct);
            return $"Imported {result.Funds} fund(s), {result.Organisations} organisation(s), {result.Investments} investment(s).";
        }));
        return new Command("import", "Import data.") { portfolio };
    }

    public static Command Export()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Where to write the portfolio JSON." };
        var fund = new Option<string>("--fund") { Description = "Only this fund (key)." };
        var portfolio = new Command("portfolio", "Export the portfolio in the import format.") { file, fund };
        portfolio.SetAction((parse, ct) => CliHost.RunAsync(async sp =>
        {
            var fundKey = parse.GetValue(fund);
            var db = sp.GetRequiredService<BundlinjeDb>();
            if (fundKey is not null && !await db.Funds.AnyAsync(f => f.Key == fundKey, ct))
                throw new ArgumentException($"Unknown fund '{fundKey}'.");
            var doc = await sp.GetRequiredService<PortfolioExporter>().ExportAsync(fundKey, ct);
            var path = parse.GetValue(file)!;
            await File.WriteAllTextAsync(path.FullName, PortfolioJson.Write(doc), ct);
            return $"Exported {doc.Investments.Count} investment(s) to {path.FullName}.";
        }));
        return new Command("export", "Export data.") { portfolio };
    }

    public static Command Users()
    {
        var email = new Option<string>("--email") { Required = true, Description = "The account's e-mail (its user name)." };
        var role = new Option<string>("--role")
        {
            Required = true,
            Description = "Secretariat, CouncilMember, DepartmentAnalyst, Provider or Investor."
        };
        var scope = new Option<string[]>(
            "--scope")
        { Description = "Fund key (Secretariat, CouncilMember) or organisation key; repeatable." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input." };
        var add = new Command("add", "Add a local account.") { email, role, scope, passwordStdin };
        add.SetAction((parse, ct) => CliHost.RunAsync(async sp =>
        {
            if (!parse.GetValue(passwordStdin))
                throw new ArgumentException("Give the password on standard input with --password-stdin (never on the command line).");
            var password = (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n');
            if (string.IsNullOrEmpty(password)) throw new ArgumentException("No password on standard input.");
            await sp.GetRequiredService<BundlinjeDb>().Database.MigrateAsync(ct);
            var user = await sp.GetRequiredService<Accounts>().AddAsync(parse.GetValue(email)!, parse.GetValue(role)!,
                parse.GetValue(scope) ?? [], password);
            return $"User {user.Email} added as {parse.GetValue(role)}.";
        }));
        return new Command("users", "Local accounts.") { add };
    }
}
