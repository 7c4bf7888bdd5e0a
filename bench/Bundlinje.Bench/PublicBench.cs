using System.Diagnostics;
using System.Net;
using Bundlinje.Data;
using Bundlinje.Publication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Bench;

/// <summary>Throughput of the anonymous public pages over real HTTP (issue #15): the Release build of the web app (Kestrel,
/// HTTPS on 127.0.0.1, Production) on one SQLite database with the demo fund 'aarhus' and a generated fund 'bench' of N
/// investments (<see cref="ScaleGenerator"/>) whose every field group is approved public. For each target, CONNECTIONS
/// keep-alive connections send requests back to back for SECONDS seconds (after a warm-up); requests per second and latency
/// are reported, with the ratio to a static file (site.css) measured the same way in the same run: that is what the
/// machine and the client can do at all. The client runs on the same 2 cores as the server.</summary>
public static class PublicBench
{
    private const string Baseline = "/css/site.css";

    public static async Task<int> RunAsync(int investments, int connections, int seconds)
    {
        if (LoadBench.ReleaseWebApp() is not { } web) return 2;
        var folder = Directory.CreateTempSubdirectory("bundlinje-public-").FullName;
        var connection = $"Data Source={Path.Combine(folder, "public.db")}";
        Process? app = null;
        try
        {
            var clock = Stopwatch.StartNew();
            var published = await SeedAsync(connection, investments);
            Console.WriteLine($"database: demo fund + fund '{ScaleGenerator.FundKey}' with {investments} investments, {published} " +
                $"approved publication revisions ({clock.Elapsed.TotalSeconds:0.0} s)");
            var baseUrl = new Uri($"https://127.0.0.1:{LoadBench.FreeLoopbackPort()}");
            LoadBench.thumbprint = LoadBench.WriteCertificate(Path.Combine(folder, "load.pfx"));
            app = LoadBench.Start(web, folder, connection, baseUrl);
            await LoadBench.WaitForAsync(baseUrl, TimeSpan.FromSeconds(60));
            var handler = LoadBench.Handler();
            handler.MaxConnectionsPerServer = connections;
            using var client = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
            string[] targets =
            [
                Baseline, "/Offentlig/aarhus", $"/Offentlig/{ScaleGenerator.FundKey}",
                $"/Offentlig/{ScaleGenerator.FundKey}/inv-{investments / 2}",
            ];
            foreach (var target in targets) await HammerAsync(client, target, connections, 3); // warm-up: JIT, caches
            Console.WriteLine($"{connections} connections, {seconds} s per target; `uptime`: {Uptime()}");
            Console.WriteLine("| target | requests/s | p50 ms | p95 ms | KB | errors | req/s vs static file |");
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
            double? baseline = null;
            var failed = false;
            foreach (var target in targets)
            {
                var r = await HammerAsync(client, target, connections, seconds);
                baseline ??= r.PerSecond;
                failed |= r.Errors > 0;
                Console.WriteLine($"| `{target}` | {r.PerSecond:0} | {r.P50:0.0} | {r.P95:0.0} | {r.Bytes / 1024.0:0.0} | {r.Errors} | " +
                    $"{r.PerSecond / baseline:0.00} |");
            }
            return failed ? 1 : 0;
        }
        finally
        {
            if (app is { HasExited: false }) { app.Kill(entireProcessTree: true); await app.WaitForExitAsync(); }
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed record Result(double PerSecond, double P50, double P95, long Bytes, int Errors);

    private static async Task<Result> HammerAsync(HttpClient client, string target, int connections, int seconds)
    {
        var until = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var latencies = new List<double>[connections];
        var errors = 0;
        long bytes = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async c =>
        {
            var mine = latencies[c] = new List<double>(1 << 14);
            while (Stopwatch.GetTimestamp() < until)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(target);
                var body = await response.Content.ReadAsByteArrayAsync();
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK) Interlocked.Increment(ref errors);
                else Interlocked.Exchange(ref bytes, body.LongLength);
            }
        }));
        var wall = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToList();
        double P(double q) => all.Count == 0 ? double.NaN : all[(int)Math.Min(all.Count - 1, Math.Ceiling(q * all.Count) - 1)];
        return new Result(all.Count / wall, P(.5), P(.95), bytes, errors);
    }

    private static string Uptime()
    {
        try { return File.ReadAllText("/proc/loadavg").Trim(); } catch (IOException) { return "?"; }
    }

    /// <summary>The demo (which publishes Aarhus' fields) and the generated fund with every field group of every investment
    /// drafted by one person and approved by another, added in bulk (one DraftAsync/ApproveAsync each would take minutes).</summary>
    private static async Task<int> SeedAsync(string connection, int investments) =>
        (await ScaleGenerator.SeedWithDemoAsync(connection, investments, (_, db) => PublishAllAsync(db))).More;

    private static async Task<int> PublishAllAsync(BundlinjeDb db)
    {
        var fund = await db.Funds.SingleAsync(f => f.Key == ScaleGenerator.FundKey);
        var ids = await db.Investments.Where(i => i.FundId == fund.Id).Select(i => i.Id).ToListAsync();
        var at = DateTimeOffset.UtcNow;
        var revisions = ids.SelectMany(id => Enum.GetValues<PublicationField>().Select(field => new PublicationRevision
        {
            FundId = fund.Id, InvestmentId = id, Field = field, Revision = 1, IsPublic = true, DraftedBy = "bench-a@bench.test",
            DraftedAt = at, Note = "bench",
        })).ToList();
        db.PublicationRevisions.AddRange(revisions);
        await db.SaveChangesAsync();
        db.PublicationApprovals.AddRange(revisions.Select(r => new PublicationApproval
        {
            RevisionId = r.Id, FundId = fund.Id, ApprovedBy = "bench-b@bench.test", ApprovedAt = at,
        }));
        await db.SaveChangesAsync();
        return revisions.Count;
    }
}
