using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Bundlinje.Data;
using Bundlinje.Portfolio;
using Bundlinje.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Bench;

/// <summary>Load over real HTTP: the Release build of the web app on 127.0.0.1 with a 1.000-investment database, N signed-in
/// users (one account each, fund council members) walking the main pages concurrently, after a single-user baseline over
/// the same pages. Bounded in time and in requests; loopback only. Prints p50/p95 per page and the error count.</summary>
public static partial class LoadBench
{
    private static readonly string[] Pages =
        ["/Portfolio", "/Investments/{inv}", "/Funds/bench/Economics", "/Funds/bench/Ledger", "/Investments/{inv}/FollowUp",
            "/Funds/bench/Proposals", "/api/investments"];

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    public static async Task<int> RunAsync(int users, int rounds, TimeSpan budget)
    {
        if (ReleaseWebApp() is not { } web) return 2;
        var folder = Directory.CreateTempSubdirectory("bundlinje-load-").FullName;
        var connection = $"Data Source={Path.Combine(folder, "load.db")}";
        Process? app = null;
        try
        {
            var clock = Stopwatch.StartNew();
            await SeedAsync(connection, users);
            Console.WriteLine($"database: 1.000 investments, {users} accounts ({clock.Elapsed.TotalSeconds:0.0} s)");
            var port = FreeLoopbackPort();
            // HTTPS as in production (Secure cookies, HSTS), with a throwaway self-signed certificate for 127.0.0.1.
            var baseUrl = new Uri($"https://127.0.0.1:{port}");
            if (!IPAddress.IsLoopback(IPAddress.Parse(baseUrl.Host))) throw new InvalidOperationException("Loopback only.");
            thumbprint = WriteCertificate(Path.Combine(folder, "load.pfx"));
            app = Start(web, folder, connection, baseUrl);
            await WaitForAsync(baseUrl, TimeSpan.FromSeconds(60));

            var deadline = DateTime.UtcNow + budget;
            var single = await SignInAsync(baseUrl, "load-1@bench.test");
            var warmup = new Samples();
            await WalkAsync(single, 1, 3, warmup, deadline);            // JIT and caches, not counted
            var baseline = new Samples();
            await WalkAsync(single, 1, 10, baseline, deadline);
            clock.Restart();
            var clients = await Task.WhenAll(Enumerable.Range(1, users).Select(i => SignInAsync(baseUrl, $"load-{i}@bench.test")));
            var signIn = clock.Elapsed;
            var load = new Samples();
            clock.Restart();
            await Task.WhenAll(clients.Select((c, i) => WalkAsync(c, i + 1, rounds, load, deadline)));
            var wall = clock.Elapsed;
            Report(users, rounds, baseline, load, signIn, wall);
            return load.Errors == 0 && load.Skipped == 0 ? 0 : 1;
        }
        finally
        {
            if (app is { HasExited: false }) { app.Kill(entireProcessTree: true); await app.WaitForExitAsync(); }
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class Samples
    {
        public readonly Dictionary<string, List<double>> Ms = Pages.ToDictionary(p => p, _ => new List<double>());
        public int Errors, Skipped;
        public readonly List<string> Failures = [];
    }

    private static async Task WalkAsync(HttpClient client, int user, int rounds, Samples samples, DateTime deadline)
    {
        var random = new Random(user);
        for (var round = 0; round < rounds; round++)
            foreach (var page in Pages)
            {
                if (DateTime.UtcNow > deadline) { Interlocked.Increment(ref samples.Skipped); continue; }
                var url = page.Replace("{inv}", $"inv-{random.Next(1, 1001)}");
                var clock = Stopwatch.StartNew();
                try
                {
                    using var response = await client.GetAsync(url);
                    await response.Content.LoadIntoBufferAsync();
                    var ms = clock.Elapsed.TotalMilliseconds;
                    lock (samples) samples.Ms[page].Add(ms);
                    if (response.StatusCode != HttpStatusCode.OK)
                        lock (samples) { samples.Errors++; samples.Failures.Add($"{url}: {(int)response.StatusCode}"); }
                }
                catch (Exception e) { lock (samples) { samples.Errors++; samples.Failures.Add($"{url}: {e.GetType().Name}"); } }
            }
    }

    private static void Report(int users, int rounds, Samples baseline, Samples load, TimeSpan signIn, TimeSpan wall)
    {
        static double P(List<double> v, double q)
        {
            if (v.Count == 0) return double.NaN;
            var s = v.Order().ToList();
            return s[(int)Math.Min(s.Count - 1, Math.Ceiling(q * s.Count) - 1)];
        }
        var requests = load.Ms.Values.Sum(v => v.Count);
        Console.WriteLine($"{users} users signed in concurrently in {signIn.TotalSeconds:0.0} s; {requests} requests ({rounds} rounds " +
            $"× {Pages.Length} pages each) in {wall.TotalSeconds:0.0} s = {requests / wall.TotalSeconds:0} req/s; errors {load.Errors}; " +
                $"not sent (time budget) {load.Skipped}");
        Console.WriteLine("| page | 1 user p50 ms | 1 user p95 ms | " + users + " users p50 ms | " + users + " users p95 ms | p50 ratio |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var page in Pages)
            Console.WriteLine($"| `{page}` | {P(baseline.Ms[page], .5):0} | {P(baseline.Ms[page], .95):0} | {P(load.Ms[page], .5):0} | {P(
                load.Ms[page], .95):0} | {P(load.Ms[page], .5) / P(baseline.Ms[page], .5):0.0} |");
        foreach (var failure in load.Failures.Take(10)) Console.WriteLine("error: " + failure);
    }

    private static async Task SeedAsync(string connection, int users)
    {
        Environment.SetEnvironmentVariable("ConnectionStrings__Bundlinje", connection);
        Environment.SetEnvironmentVariable("Bundlinje__Database__Provider", "Sqlite");
        await using var provider = Cli.CliHost.Build();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BundlinjeDb>();
        await db.Database.MigrateAsync();
        await new PortfolioImporter(db).ImportAsync(PortfolioJson.Write(PortfolioGenerator.Generate(1000)));
        // One account through Identity; the others copy its password hash (hashing 200 passwords is not what is measured).
        var first = await scope.ServiceProvider.GetRequiredService<Accounts>()
            .AddAsync("load-1@bench.test", Roles.CouncilMember, ["bench"], Password);
        var role = await db.Roles.SingleAsync(r => r.Name == Roles.CouncilMember);
        for (var i = 2; i <= users; i++)
        {
            var email = $"load-{i}@bench.test";
            var user = new BundlinjeUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, DisplayName = email, PasswordHash = first.PasswordHash, LockoutEnabled = true,
                SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString(),
            };
            db.Users.Add(user);
            db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
            db.UserClaims.Add(new Microsoft.AspNetCore.Identity.IdentityUserClaim<string>
            {
                UserId = user.Id, ClaimType = Roles.ScopeClaim,
                ClaimValue = "bench"
            });
        }
        await db.SaveChangesAsync();
    }

    private const string Password = "Belastning-Bundlinje-2026";
    internal static string thumbprint = "";

    internal static SocketsHttpHandler Handler(CookieContainer? cookies = null) => new()
    {
        CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false,
        SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == thumbprint },
    };

    internal static string WriteCertificate(string path)
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=127.0.0.1", rsa,
            System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        var names = new System.Security.Cryptography.X509Certificates.SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllBytes(path, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "load"));
        return certificate.GetCertHashString();
    }

    internal static async Task<HttpClient> SignInAsync(Uri baseUrl, string email, string password = Password)
    {
        var client = new HttpClient(Handler())
        { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(120) };
        var html = await client.GetStringAsync("/Account/Login");
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode}");
        return client;
    }

    internal static Process Start(string web, string folder, string connection, Uri baseUrl)
    {
        var start = new ProcessStartInfo("dotnet", [web, "--urls", baseUrl.ToString()])
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Bundlinje"] = connection;
        start.Environment["Bundlinje__MigrateOnStart"] = "false";
        start.Environment["Kestrel__Certificates__Default__Path"] = Path.Combine(folder, "load.pfx");
        start.Environment["Kestrel__Certificates__Default__Password"] = "load";
        start.Environment["Bundlinje__PseudonymKey"] = "load-bench-pseudonym-key-0123456789abcdef";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_,
            e) =>
        { if (e.Data?.Contains("fail", StringComparison.OrdinalIgnoreCase) == true) Console.Error.WriteLine("app: " + e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("app: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    internal static async Task WaitForAsync(Uri baseUrl, TimeSpan limit)
    {
        using var client = new HttpClient(Handler()) { BaseAddress = baseUrl };
        var until = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < until)
        {
            try { if ((await client.GetAsync("/health")).IsSuccessStatusCode) return; } catch (HttpRequestException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException("The app did not answer /health.");
    }

    /// <summary>The Release build of the web app, or null (and a hint on stderr) when it has not been built.</summary>
    internal static string? ReleaseWebApp()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "Bundlinje.Web", "bin", "Release", "net10.0", "Bundlinje.Web.dll");
        if (File.Exists(web)) return web;
        Console.Error.WriteLine($"Build the app first: dotnet build -c Release src/Bundlinje.Web ({web} missing)");
        return null;
    }

    internal static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bundlinje.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
