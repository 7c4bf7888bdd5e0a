using System.Diagnostics;
using Bundlinje.Bench;
using Bundlinje.Common;
using Bundlinje.Data;
using Bundlinje.Portfolio;
using Bundlinje.Security;
using Microsoft.EntityFrameworkCore;

// Import and scoped-query throughput on SQLite, and the economics-table projection, each reported as ratios
// against an Aarhus-sized run (11 investments) in the same process.
if (args.FirstOrDefault() == "load")
{
    // load [users=200] [rounds=2] [budget seconds=240]: see bench/load.sh and docs/performance.md
    int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i]) : fallback;
    Environment.ExitCode = await LoadBench.RunAsync(Arg(1, 200), Arg(2, 2), TimeSpan.FromSeconds(Arg(3, 240)));
    return;
}
if (args.FirstOrDefault() == "pages")
{
    // pages [investments=1000] [rounds=20]: the main pages at scale over HTTP, see docs/performance.md
    Environment.ExitCode =
        await PagesBench.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 1000, args.Length > 2 ? int.Parse(args[2]) : 20);
    return;
}
if (args.FirstOrDefault() == "public")
{
    // public [investments=1000] [connections=64] [seconds=10]: the anonymous public pages over HTTP, see docs/performance.md
    int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i]) : fallback;
    Environment.ExitCode = await PublicBench.RunAsync(Arg(1, 1000), Arg(2, 64), Arg(3, 10));
    return;
}
if (args.FirstOrDefault() == "simulate")
{
    // simulate [scenarios=10000] [investments=100]: the Monte Carlo of issue #16, see docs/performance.md
    SimulationBench.Run(args.Length > 1 ? int.Parse(args[1]) : 10_000, args.Length > 2 ? int.Parse(args[2]) : 100);
    return;
}
if (args.FirstOrDefault() == "followup")
{
    FollowUpBench.Run(args.Length > 1 ? args.Skip(1).Select(int.Parse).ToArray() : [10_000, 100_000, 1_000_000]);
    return;
}
if (args.FirstOrDefault() == "wholepath-plan")
{
    await WholePathBench.PlanAsync(int.Parse(args[1])); // diagnosis, see docs/performance.md
    return;
}
if (args.FirstOrDefault() == "wholepath-rounds")
{
    await WholePathBench.RoundsAsync(args[1], int.Parse(args[2])); // started by wholepath itself
    return;
}
if (args.FirstOrDefault() == "wholepath")
{
    // wholepath [persons...] [--import-rows 10] [--only followup|import]: see docs/performance.md
    var rest = args.Skip(1).ToList();
    string? Option(string name)
    {
        var at = rest.IndexOf(name);
        if (at < 0) return null;
        var value = rest[at + 1];
        rest.RemoveRange(at, 2);
        return value;
    }
    var importRows = int.Parse(Option("--import-rows") ?? "10");
    var only = Option("--only");
    await WholePathBench.RunAsync(rest.Count > 0 ? rest.Select(int.Parse).ToArray() : [100_000, 1_000_000], importRows,
        followUp: only is null or "followup", import: only is null or "import");
    return;
}
var sizes = args.Length > 0 ? args.Select(int.Parse).ToArray() : [110, 1100];
await Measure("warm-up", PortfolioJson.ReadDemo(), "dialog-mod-vold"); // JIT and SQLite start-up, not measured
var baseline = await Measure("demo (11)", PortfolioJson.ReadDemo(), "dialog-mod-vold");
Console.WriteLine($"{"portfolio",-14} {"import ms",10} {"per inv. vs demo",17} {"query ms",9} {"vs demo",8}");
Print(baseline, baseline);
foreach (var n in sizes)
    Print(await Measure($"synthetic ({n})", PortfolioJson.Write(PortfolioGenerator.Generate(n)), "org-1"), baseline);

ProjectionBench.Run();

static void Print(Result r, Result b) => Console.WriteLine(
    $"{r.Name,-14} {r.ImportMs,10:0.0} {r.ImportMs / r.Count / (b.ImportMs / b.Count),17:0.00} "
    + $"{r.QueryMs,9:0.0} {r.QueryMs / b.QueryMs,8:0.00}");

static async Task<Result> Measure(string name, string json, string providerScope)
{
    var folder = Directory.CreateTempSubdirectory("bundlinje-bench-").FullName;
    try
    {
        var options = new DbContextOptionsBuilder<SqliteBundlinjeDb>().UseSqlite($"Data Source={folder}/bench.db;Pooling=false").Options;
        await using var db = new SqliteBundlinjeDb(options, new FixedUser("bench"), TimeProvider.System);
        await db.Database.MigrateAsync();
        var clock = Stopwatch.StartNew();
        var imported = await new PortfolioImporter(db).ImportAsync(json);
        var importMs = clock.Elapsed.TotalMilliseconds;
        db.ChangeTracker.Clear();
        var viewer = new Viewer("bench", new HashSet<string> { Roles.Provider }, new HashSet<string> { providerScope });
        clock.Restart();
        for (var i = 0; i < 20; i++)
            await db.Investments.AsNoTracking().Where(viewer.CanRead()).Include(x => x.Parties).ToListAsync();
        return new Result(name, imported.Investments, importMs, clock.Elapsed.TotalMilliseconds / 20);
    }
    finally { Directory.Delete(folder, true); }
}

internal sealed record Result(string Name, int Count, double ImportMs, double QueryMs);
