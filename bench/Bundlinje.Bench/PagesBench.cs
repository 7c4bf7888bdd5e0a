using System.Diagnostics;
using System.Net;
using Bundlinje.Data;
using Bundlinje.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Bench;

/// <summary>The main pages at scale over real HTTP: the Release build of the web app (Kestrel, HTTPS on 127.0.0.1) on one
/// SQLite database holding the demo fund 'aarhus' and a generated fund 'bench' (<see cref="ScaleGenerator"/>: 1.000
/// investments, ~30.000 postings). One signed-in secretariat user per fund walks the same pages; after a warm-up, each
/// page is fetched <c>rounds</c> times per fund, alternating the funds. Prints p50/p95 latency and the response size
/// (uncompressed body as sent) per page and fund, and the ratios of the large fund to the demo fund.</summary>
public static class PagesBench
{
    private static readonly string[] Pages =
    [
        "/Funds", "/Portfolio", "/Funds/{f}/Economics", "/Funds/{f}/Ledger", "/Funds/{f}/Ledger?year=2024",
        "/Funds/{f}/Ledger?column=R%202024", "/Funds/{f}/Ledger?column=R%202024&row=Spending&reference={inv}",
        "/Funds/{f}/Board", "/Funds/{f}/Proposals", "/Funds/{f}/Measures", "/Funds/{f}/Reconcile", "/Funds/{f}/OutcomeFund",
        "/Investments/{inv}", "/Investments/{inv}/FollowUp", "/api/investments",
    ];

    private const string LargeUser = "stor@bench.test";
    private const string Password = "Skala-Bundlinje-2026";

    public static async Task<int> RunAsync(int investments, int rounds)
    {
        if (LoadBench.ReleaseWebApp() is not { } web) return 2;
        var folder = Directory.CreateTempSubdirectory("bundlinje-pages-").FullName;
        var connection = $"Data Source={Path.Combine(folder, "pages.db")}";
        Process? app = null;
        try
        {
            var clock = Stopwatch.StartNew();
            var (postings, demoInvestment) = await SeedAsync(connection, investments);
            Console.WriteLine($"database: demo fund + fund '{ScaleGenerator.FundKey}' with {investments} investments, {postings} postings" +
                $" ({clock.Elapsed.TotalSeconds:0.0} s)");
            var baseUrl = new Uri($"https://127.0.0.1:{LoadBench.FreeLoopbackPort()}");
            LoadBench.thumbprint = LoadBench.WriteCertificate(Path.Combine(folder, "load.pfx"));
            app = LoadBench.Start(web, folder, connection, baseUrl);
            await LoadBench.WaitForAsync(baseUrl, TimeSpan.FromSeconds(60));
            var funds = new[]
            {
                (Name: "demo", Fund: "aarhus", Investment: demoInvestment,
                    Client: await LoadBench.SignInAsync(baseUrl, DemoData.Users[0].Email, DemoData.Password)),
                (Name: "large", Fund: ScaleGenerator.FundKey, Investment: $"inv-{investments / 2}",
                    Client: await LoadBench.SignInAsync(baseUrl, LargeUser, Password)),
            };
            var samples = funds.ToDictionary(f => f.Name, _ =>
                Pages.ToDictionary(p => p, _ => new List<(double Ms, long Bytes, HttpStatusCode Status)>()));
            for (var round = -3; round < rounds; round++) // three warm-up rounds (JIT, caches), not counted
                foreach (var f in round % 2 == 0 ? funds : funds.Reverse())
                    foreach (var page in Pages)
                    {
                        var url = page.Replace("{f}", f.Fund).Replace("{inv}", f.Investment);
                        var watch = Stopwatch.StartNew();
                        using var response = await f.Client.GetAsync(url);
                        var bytes = (await response.Content.ReadAsByteArrayAsync()).LongLength;
                        if (round >= 0) samples[f.Name][page].Add((watch.Elapsed.TotalMilliseconds, bytes, response.StatusCode));
                    }
            Report(samples, rounds, investments, postings);
            return 0;
        }
        finally
        {
            if (app is { HasExited: false }) { app.Kill(entireProcessTree: true); await app.WaitForExitAsync(); }
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Report(Dictionary<string, Dictionary<string, List<(double Ms, long Bytes, HttpStatusCode Status)>>> samples,
        int rounds, int investments, int postings)
    {
        static double P(IEnumerable<double> v, double q)
        {
            var s = v.Order().ToList();
            return s.Count == 0 ? double.NaN : s[(int)Math.Min(s.Count - 1, Math.Ceiling(q * s.Count) - 1)];
        }
        static string Kb(double bytes) => (bytes / 1024).ToString("0.0");
        Console.WriteLine($"{rounds} rounds per page and fund; large = {investments} investments, {postings} postings");
        Console.WriteLine("| page | demo p50 ms | demo p95 ms | demo KB | large p50 ms | large p95 ms | large KB | p95 large/demo | size " +
            "large/demo |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var page in Pages)
        {
            var (d, l) = (samples["demo"][page], samples["large"][page]);
            var statuses = d.Concat(l).Where(s => s.Status != HttpStatusCode.OK).Select(s => (int)s.Status).Distinct().ToList();
            var (dSize, lSize) = (d.Average(s => (double)s.Bytes), l.Average(s => (double)s.Bytes));
            Console.WriteLine($"| `{page}`{(statuses.Count > 0 ? " (HTTP " + string.Join(",", statuses) + ")" : "")} | {P(
                d.Select(s => s.Ms), .5):0} | "
                + $"{P(d.Select(s => s.Ms), .95):0} | {Kb(dSize)} | {P(l.Select(s => s.Ms), .5):0} | {P(l.Select(s => s.Ms), .95):0} | {Kb(
                    lSize)} | "
                + $"{P(l.Select(s => s.Ms), .95) / P(d.Select(s => s.Ms), .95):0.0} | {lSize / dSize:0.0} |");
        }
    }

    private static Task<(int Postings, string DemoInvestment)> SeedAsync(string connection, int investments) =>
        ScaleGenerator.SeedWithDemoAsync(connection, investments, async (services, db) =>
        {
            await services.GetRequiredService<Accounts>().AddAsync(LargeUser, Roles.Secretariat, [ScaleGenerator.FundKey], Password);
            return await db.Investments.Where(i => i.Fund!.Key == "aarhus").OrderBy(i => i.Id).Select(i => i.Key).FirstAsync();
        });
}
