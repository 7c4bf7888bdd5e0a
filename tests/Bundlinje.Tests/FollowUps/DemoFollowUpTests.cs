using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Bundlinje.Data;
using Bundlinje.Data.RegisterData;
using Bundlinje.FollowUps;
using Bundlinje.Fund;
using Bundlinje.Payments;
using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Tests.FollowUps;

/// <summary>The demo app as a newcomer starts it (with its synthetic follow-ups), shared by the tests of a class.</summary>
public abstract class DemoApp : IAsyncLifetime
{
    private BundlinjeFactory? factory;
    public BundlinjeFactory Factory => factory ?? throw new InvalidOperationException("No database.");
    public string? Unavailable { get; protected set; }
    public TimeSpan Startup { get; private set; }
    protected abstract Task<BundlinjeFactory?> CreateAsync();

    public async ValueTask InitializeAsync()
    {
        factory = await CreateAsync();
        if (factory is null) return;
        factory.Settings["Bundlinje:DemoFollowUps"] = "true";
        var watch = Stopwatch.StartNew();
        _ = factory.Services; // migrates and loads the demo, as `dotnet run -- --Bundlinje:Demo=true` does
        Startup = watch.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        if (factory is not null) await factory.DisposeAsync();
    }
}

public sealed class SqliteDemoApp : DemoApp
{
    protected override Task<BundlinjeFactory?> CreateAsync() => Task.FromResult<BundlinjeFactory?>(BundlinjeFactory.Sqlite());
}

public sealed class PostgresDemoApp(PostgresCluster cluster) : DemoApp
{
    protected override async Task<BundlinjeFactory?> CreateAsync()
    {
        if (cluster.Unavailable is { } reason) { Unavailable = reason; return null; }
        return BundlinjeFactory.Postgres(await cluster.CreateDatabaseAsync());
    }
}

public sealed class SqliteDemoFollowUpTests(SqliteDemoApp app) : DemoFollowUpTests(app), IClassFixture<SqliteDemoApp>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresDemoFollowUpTests(PostgresDemoApp app) : DemoFollowUpTests(app), IClassFixture<PostgresDemoApp>;

/// <summary>The demo shows the engine: four investments with a payment model, synthetic participants and register data and
/// runs computed by FollowUpRunner at start-up; approved runs are paid by the ledger's result payments (posting ↔ run).</summary>
public abstract partial class DemoFollowUpTests(DemoApp app)
{
    private BundlinjeFactory Factory
    {
        get
        {
            if (app.Unavailable is { } reason) Requirement.Missing(reason);
            return app.Factory;
        }
    }

    private List<(int Id, DateOnly AsOf, decimal Payable, bool Approved)> Runs(string key) => Factory.With(db =>
        (from r in db.FollowUpRuns join i in db.Investments on r.InvestmentId equals i.Id where i.Key == key orderby r.Id
         select new { r.Id, r.AsOf, r.Payable, Approved = db.FollowUpApprovals.Any(a => a.RunId == r.Id) }).AsEnumerable()
        .Select(r => (r.Id, r.AsOf, r.Payable, r.Approved)).ToList());

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    private static string Flat(string html) => Space().Replace(WebUtility.HtmlDecode(html), " ");

    [Fact]
    public async Task Flere_kloge_haenders_first_follow_up_shows_83_of_1475_dropouts_110_avoided_and_3630000_kr()
    {
        var client = await Login.AsAsync(Factory, Login.Email(Roles.Secretariat));
        var page = Flat(await client.GetStringAsync("/Investments/flere-kloge-haender/FollowUp", TestContext.Current.CancellationToken));
        Assert.Contains("id=\"synthetic\"", page); // labelled as synthetic
        Assert.Contains("1.475 pseudonymiserede deltagere", page);
        Assert.Contains("rateVsBaseline", page); // the payment model, and what the demo's model file says about it
        Assert.Contains("Grundniveauet er 193/1.475", page);
        var run = Assert.Single(Runs("flere-kloge-haender"));
        Assert.True(run.Approved);
        var html = Flat(await client.GetStringAsync($"/Investments/flere-kloge-haender/FollowUp/Runs/{run.Id}",
            TestContext.Current.CancellationToken));
        // no drill-down link: a rate against a baseline has no participants to list
        Assert.Matches(@"<td>Frafald inden for 6 måneder efter optagelse</td><td>Alle</td><td class=""number"">1\.475</td> <td " +
            @"class=""number""> ?83 ?</td>", html);
        // the engine's explanation
        Assert.Contains("83 af 1.475 (5,6 %) mod grundniveau 13,1 %: 7,5 procentpoint lavere, 110 færre hændelser;", html);
        Assert.Contains("110 færre hændelser", html);
        Assert.Contains("id=\"payable\">3.630.000 kr.<", html);

        // The engine itself, over the stored participants and register data (not the stored run): the same figures.
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BundlinjeDb>();
        var investment = await db.Investments.SingleAsync(i => i.Key == "flere-kloge-haender", TestContext.Current.CancellationToken);
        var model = (await db.PaymentModels.SingleAsync(m => m.InvestmentId == investment.Id, TestContext.Current.CancellationToken)).Model;
        var people = (await db.Participants.Where(p => p.InvestmentId == investment.Id)
            .ToListAsync(TestContext.Current.CancellationToken)).Select(p => p.ToPerson()).ToList();
        using var observations = new DuckDbObservations(scope.ServiceProvider.GetRequiredService<RegisterStore>(), people);
        var result = Assert.Single(MetricEvaluator.Evaluate(Assert.Single(model.Metrics), people, observations, run.AsOf));
        Assert.Equal((1475, 83, 110m, 3_630_000m), (result.Eligible, result.Achieved, result.Events, result.Amount));
        Assert.Equal(0, db.Participants.Count(p => p.InvestmentId == investment.Id
            && (p.EnrolledOn < new DateOnly(2023, 5, 1) || p.EnrolledOn > new DateOnly(2024, 6, 30))));
    }

    [Fact]
    public async Task Housing_first_dialog_mod_vold_and_diabetes_show_runs_with_rate_card_cap_isolated_saving_and_early_termination()
    {
        var client = await Login.AsAsync(Factory, Login.Email(Roles.Secretariat));
        // Approved runs pay what the ledger received that year (cumulative settlement: each run pays only the new windows).
        Assert.Equal([(new DateOnly(2022, 11, 30), 45_000m, true), (new(2023, 11, 30), 1_313_000m, true),
            (new(2024, 11, 30), 1_122_000m, true)],
            Runs("housing-first").Select(r => (r.AsOf, r.Payable, r.Approved)));
        Assert.Equal([(new DateOnly(2023, 11, 30), 230_000m, true), (new(2024, 11, 30), 230_000m, true)], Runs("dialog-mod-vold")
            .Select(r => (r.AsOf, r.Payable, r.Approved)));
        Assert.Equal([(new DateOnly(2024, 9, 30), 2_042_000m, true)], Runs("diabetes").Select(r => (r.AsOf, r.Payable, r.Approved)));
        foreach (var key in new[] { "housing-first", "dialog-mod-vold", "diabetes" })
        {
            var page = Flat(await client.GetStringAsync($"/Investments/{key}/FollowUp", TestContext.Current.CancellationToken));
            Assert.Contains("id=\"synthetic\"", page);
            foreach (var (id, _, _, _) in Runs(key)) Assert.Contains($"/Investments/{key}/FollowUp/Runs/{id}\">{id}</a>", page);
        }
        var housing = Flat(await client.GetStringAsync($"/Investments/housing-first/FollowUp/Runs/{Runs("housing-first")[^1].Id}",
            TestContext.Current.CancellationToken));
        Assert.Contains("Loft pr. deltager 50.000 kr. på tværs af effektmål og kørsler.", housing);
        var dialog = Flat(await client.GetStringAsync($"/Investments/dialog-mod-vold/FollowUp/Runs/{Runs("dialog-mod-vold")[0].Id}",
            TestContext.Current.CancellationToken));
        // 40.000 capped at the isolated saving
        Assert.Matches(@"<td>Volden er ophørt</td><td>Alle</td><td class=""number"">6</td>.*?<td class=""number"">30\.000 kr\.</td>",
            dialog);
        Assert.Contains("Kan ikke måles: betales som om den antagne succesrate 40,0 % blev nået", dialog);
        var diabetes = Flat(await client.GetStringAsync("/Investments/diabetes/FollowUp", TestContext.Current.CancellationToken));
        Assert.Matches(@"<td>HbA1c reduceret mindst 8,5 %</td><td class=""number"">100</td><td class=""number"">31 %</td><td " +
            @"class=""number"">80\.000 kr\.</td><td class=""number"">2\.480\.000 kr\.</td>", diabetes);
        Assert.Contains("id=\"termination-total\">4.522.000 kr.<", diabetes); // = the ledger's 2024 result payment
    }

    [Fact]
    public async Task Each_approved_run_is_paid_by_the_ledgers_result_payment_of_its_year_and_the_ledger_and_run_link_to_each_other()
    {
        var client = await Login.AsAsync(Factory, Login.Email(Roles.Secretariat));
        var links = Factory.With(db => (from o in db.PaymentObligations join i in db.Investments on o.InvestmentId equals i.Id
                                        join p in db.LedgerPostings on o.LedgerPostingId equals p.Id
                                        select new
                                        {
                                            i.Key, o.RunId, o.Amount, Posting = p.Id, p.FiscalYear, PostingAmount = p.Amount,
                                            p.Source
                                        }).ToList());
        Assert.Equal(7, links.Count); // every approved demo run with a payable amount
        Assert.All(links, l => Assert.Equal(LedgerSource.Import, l.Source)); // the published accounts' posting, not a second one
        Assert.Equal(links.Count, links.Select(l => l.Posting).Distinct().Count());
        Assert.Equal(links.Where(l => l.Key is "housing-first" or "dialog-mod-vold").Select(l => l.Amount),
            links.Where(l => l.Key is "housing-first" or "dialog-mod-vold").Select(l => l.PostingAmount));
        var fkh = links.Single(l => l.Key == "flere-kloge-haender");
        Assert.Equal((3_630_000m, 3_631_000m, 2024), (fkh.Amount, fkh.PostingAmount, fkh.FiscalYear));

        // Ledger → run → ledger, following the links a user clicks.
        var ledger = Flat(await client.GetStringAsync("/Funds/aarhus/Ledger?year=2024", TestContext.Current.CancellationToken));
        var row = Regex.Match(ledger, $"<tr id=\"posting-{fkh.Posting}\">.*?</tr>").Value;
        var runHref = Regex.Match(row, "href=\"(/Investments/flere-kloge-haender/FollowUp/Runs/[0-9]+)\"").Groups[1].Value;
        Assert.Equal($"/Investments/flere-kloge-haender/FollowUp/Runs/{fkh.RunId}", runHref);
        var run = Flat(await client.GetStringAsync(runHref, TestContext.Current.CancellationToken));
        var postingHref = Regex.Match(run, "class=\"posting-link\" href=\"([^\"]+)\"").Groups[1].Value;
        Assert.Equal($"/Funds/aarhus/Ledger?year=2024#posting-{fkh.Posting}", postingHref);
        Assert.Contains("Posteringen afviger fra forpligtelsen med 1.000 kr.", run);
        Assert.Contains($"<tr id=\"posting-{fkh.Posting}\">",
            Flat(await client.GetStringAsync(postingHref.Split('#')[0], TestContext.Current.CancellationToken)));

        // The books are the published accounts: nothing was posted by the demo's runs, the totals are the demo ledger's.
        var file = LedgerFile.Read(LedgerFile.ReadDemo());
        Assert.Equal(file.Entries.Sum(e => e.Amount), Factory.With(db => db.LedgerPostings.Sum(p => p.Amount)));
        Assert.Equal(0, Factory.With(db => db.LedgerPostings.Count(p => p.Source == LedgerSource.FollowUp)));
    }

    [Fact]
    public async Task A_restart_adds_nothing()
    {
        string Counts() => Factory.With(
            db => string.Join(", ", $"models {db.PaymentModels.Count()}", $"participants {db.Participants.Count()}",
            $"imports {db.ParticipantImports.Count()}", $"runs {db.FollowUpRuns.Count()}", $"approvals {db.FollowUpApprovals.Count()}",
            $"obligations {db.PaymentObligations.Count()}", $"paid {db.PaymentObligations.Count(o => o.LedgerPostingId != null)}",
                $"postings {db.LedgerPostings.Count()}",
            $"observations {Observations()}"));
        var before = Counts();
        Assert.Contains("runs 7", before);
        // what start-up runs
        await using (var scope = Factory.Services.CreateAsyncScope()) await scope.ServiceProvider.GetRequiredService<DemoData>()
            .LoadAsync(TestContext.Current.CancellationToken);
        Assert.Equal(before, Counts());
        var (exit, _, error) = await Factory.CliAsync("demo", "load"); // and `bundlinje demo load` on the same data
        Assert.True(exit == 0, error);
        Assert.Equal(before, Counts());
    }

    [Fact]
    public void The_synthetic_ids_are_stored_nowhere_only_their_pseudonyms()
    {
        var ids = Bundlinje.FollowUps.Demo.DemoFollowUps.All()
            .SelectMany(d => d.ParticipantsCsv.Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[0])).ToList();
        var files = Directory.GetFiles(Path.GetDirectoryName(Factory.RegisterStore)!, "*", SearchOption.AllDirectories)
            .Concat(Factory.SqliteFolder is { } folder ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : []);
        var stored = string.Join("\n", files.Select(f =>
        {
            using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, System.Text.Encoding.Latin1);
            return reader.ReadToEnd();
        }));
        Assert.DoesNotContain(ids.SelectMany(id => new[] { id, id.Replace("-", "") }), stored.Contains);
        Assert.Equal(ids.Count, Factory.With(db => db.Participants.Count()));
    }

    private long Observations()
    {
        using var connection = Factory.Services.GetRequiredService<RegisterStore>().Open();
        return RegisterStore.Query(connection, "SELECT count(*) FROM observations", r => r.GetInt64(0)).Single();
    }
}
