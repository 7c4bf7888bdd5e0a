using System.Net;
using System.Text.RegularExpressions;
using Bundlinje.Data;
using Bundlinje.Jobs;
using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Tests.Operations;

/// <summary>Follow-up runs started from the page are queued in the database and done by a hosted worker (issue #12,
/// "durable background work"): over real HTTP, across a restart, with two instances racing, and cancelled — on each database.</summary>
public abstract partial class DurableJobTests : IAsyncLifetime
{
    private const string Investment = "ungifokus";
    private const string FollowUp = $"/Investments/{Investment}/FollowUp";
    private const string StartRun = $"{FollowUp}/Runs?handler=Start";
    private readonly string folder = Directory.CreateTempSubdirectory("bundlinje-jobs-").FullName;
    private readonly List<BundlinjeFactory> hosts = [];
    protected BundlinjeFactory? Owner { get; private set; }
    protected abstract Task<BundlinjeFactory?> CreateFactoryAsync();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => Owner = await CreateFactoryAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var host in hosts) await host.DisposeAsync();
        if (Owner is not null) await Owner.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Another app instance on the owner's database; <paramref name="worker"/> false: it queues but never runs jobs.</summary>
    private BundlinjeFactory Instance(bool worker)
    {
        var host = Owner!.SecondInstance();
        host.Settings["Bundlinje:Jobs:Worker"] = worker ? "true" : "false";
        hosts.Add(host);
        _ = host.Services;
        return host;
    }

    /// <summary>Participants, register data and a payment model for the investment, through the command line (on the
    /// owner's register store): a run pays (110.000 − 90.000) × 2 treated × 50 % = 20.000 kr.</summary>
    private async Task PrepareRunnableInvestmentAsync()
    {
        async Task Cli(string name, string text, params string[] args)
        {
            var path = Path.Combine(folder, name);
            await File.WriteAllTextAsync(path, text, Ct);
            var (exit, _, error) = await Owner!.CliAsync([.. args, path]);
            Assert.True(exit == 0, error);
        }
        await Cli("deltagere.csv", "cpr,cohort,group,enrolled\n0101951234,2023,treatment,2023-01-01\n0202951234,2023,treatment,2023-01-01\n"
            + "0303951234,2023,control,2023-01-01\n0404951234,2023,control,2023-01-01\n", "participants", "import", "--investment",
                Investment);
        await Cli("udtraek.csv", "cpr,measure,from,to,value,unit\n0101951234,transfer-income,2023-02-01,2023-02-28,90000,kr.\n"
            + "0202951234,transfer-income,2023-02-01,2023-02-28,90000,kr.\n0303951234,transfer-income,2023-02-01,2023-02-28,110000,kr.\n"
            + "0404951234,transfer-income,2023-02-01,2023-02-28,110000,kr.\n", "register", "import");
        await Cli("model.json", """
            { "format": "bundlinje-payment-model/1", "model": { "investment": "ungifokus", "agreementVersion": 1, "metrics": [
              { "key": "overforsel", "name": "Overførselsindkomst", "kind": "treatmentVsControl", "measure": "transfer-income",
                "payers": [ { "payer": "SFB", "share": 1 } ], "fromMonth": 0, "toMonth": 12, "share": 0.5 } ] } }
            """, "payments", "model", "import");
    }

    private static async Task<string> StartAsync(HttpClient client)
    {
        var response = await client.PostAsync(StartRun, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await Login.TokenAsync(client, FollowUp), ["AsOf"] = "2024-01-31",
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var job = response.Headers.Location!.ToString();
        Assert.Matches(JobUrl(), job);
        return job;
    }

    /// <summary>GETs the job page until it no longer refreshes itself (the job ended); returns that page's text.</summary>
    private static async Task<string> WaitForEndAsync(HttpClient client, string job)
    {
        for (var i = 0; i < 600; i++)
        {
            var html = WebUtility.HtmlDecode(await client.GetStringAsync(job, Ct));
            if (!html.Contains("http-equiv=\"refresh\"")) return html;
            await Task.Delay(100, Ct);
        }
        throw new Xunit.Sdk.XunitException($"{job} did not end within a minute");
    }

    private BackgroundJob Job(string url, BundlinjeFactory? host = null)
    {
        var id = Guid.Parse(url.Split('/')[^1]);
        return (host ?? Owner!).With(db => db.Jobs.AsNoTracking().Single(j => j.Id == id));
    }

    [Fact]
    public async Task A_run_started_from_the_page_is_done_by_the_worker_and_its_page_shows_the_progress_and_the_stored_run()
    {
        if (Owner is null) return;
        _ = Owner.Services;
        await PrepareRunnableInvestmentAsync();
        var client = await Login.AsAsync(Owner, Login.Email(Roles.Secretariat));
        var url = await StartAsync(client);
        var html = await WaitForEndAsync(client, url);
        var job = Job(url);
        Assert.Equal((JobState.Succeeded, 1, Login.Email(Roles.Secretariat)), (job.State, job.Attempts, job.RequestedBy));
        var run = Owner.With(db => db.FollowUpRuns.AsNoTracking().Single(r => r.Id == job.ResultRunId));
        Assert.Equal((20_000m, Login.Email(Roles.Secretariat)), (run.Payable, run.RunBy)); // the run is the requester's, not "system"
        Assert.Contains($"Kørsel {run.Id}</a>, 20.000 kr. skal betales", html);
        Assert.Contains("<li>4 deltagere</li>", html);
        Assert.Contains("<li>Overførselsindkomst beregnet</li>", html);
        Assert.Null(job.LeaseUntil);
    }

    [Fact]
    public async Task A_queued_run_survives_a_restart_and_is_done_by_the_next_instance()
    {
        if (Owner is null) return;
        var first = Instance(worker: false); // queues, never runs: as an instance that goes down before any worker took the job
        await PrepareRunnableInvestmentAsync();
        var url = await StartAsync(await Login.AsAsync(first, Login.Email(Roles.Secretariat)));
        await Task.Delay(1500, Ct);
        Assert.Equal(JobState.Queued, Job(url, first).State); // the owner (worker on) has not started yet
        Assert.Contains("Kørslen venter på at blive startet", WebUtility.HtmlDecode(
            await (await Login.AsAsync(first, Login.Email(Roles.Secretariat))).GetStringAsync(url, Ct)));
        await first.DisposeAsync();
        hosts.Remove(first);

        var html = await WaitForEndAsync(await Login.AsAsync(Owner, Login.Email(Roles.Secretariat)), url); // the next start, worker on
        var job = Job(url);
        Assert.Equal(JobState.Succeeded, job.State);
        Assert.Contains($"Kørsel {job.ResultRunId}</a>, 20.000 kr. skal betales", html);
        Assert.Equal(1, Owner.With(db => db.FollowUpRuns.Count()));
    }

    [Fact]
    public async Task Two_instances_racing_for_queued_jobs_claim_each_exactly_once_and_a_job_whose_lease_ran_out_is_taken_again()
    {
        if (Owner is null) return;
        Owner.Settings["Bundlinje:Jobs:Worker"] = "false";
        var (a, b) = (Owner, Instance(worker: false));
        await using var scopeA = a.Services.CreateAsyncScope();
        await using var scopeB = b.Services.CreateAsyncScope();
        var (queueA, queueB) =
            (scopeA.ServiceProvider.GetRequiredService<JobQueue>(), scopeB.ServiceProvider.GetRequiredService<JobQueue>());
        var investment = await a.WithAsync(db => db.Investments.AsNoTracking().SingleAsync(i => i.Key == Investment, Ct));
        for (var round = 0; round < 10; round++)
        {
            var queued = await queueA.EnqueueFollowUpRunAsync(investment, new(2024, 1, 31), "test", Ct);
            var claims = await Task.WhenAll(Task.Run(() => queueA.ClaimNextAsync("a", Ct), Ct),
                Task.Run(() => queueB.ClaimNextAsync("b", Ct), Ct));
            var winner = Assert.Single(claims, c => c is not null)!;
            Assert.Equal((queued.Id, 1), (winner.Id, winner.Attempts));
            var loser = winner.ClaimedBy == "a" ? queueB : queueA;
            Assert.Null(await loser.ClaimNextAsync("late", Ct)); // nothing left to take while the winner holds its lease
            Assert.False(await loser.FinishAsync(winner.Id, "late", JobState.Succeeded, "", null, null, null, Ct)); // not its job
            Assert.True(await (winner.ClaimedBy == "a" ? queueA : queueB).FinishAsync(winner.Id, winner.ClaimedBy!, JobState.Succeeded, "",
                null, null, null, Ct));
        }
        Assert.Equal(10, a.With(db => db.Jobs.Count(j => j.State == JobState.Succeeded)));

        // An instance that claimed a job and died: its lease runs out and the next claim (a minute later) takes the job again.
        var orphan = await queueA.EnqueueFollowUpRunAsync(investment, new(2024, 1, 31), "test", Ct);
        Assert.Equal(orphan.Id, (await queueA.ClaimNextAsync("died", Ct))!.Id);
        await using var later = b.Services.CreateAsyncScope();
        var laterQueue = new JobQueue(later.ServiceProvider.GetRequiredService<BundlinjeDb>(),
            new Later(JobQueue.Lease + TimeSpan.FromSeconds(1)));
        Assert.Null(await queueB.ClaimNextAsync("b", Ct)); // still leased now
        var retaken = await laterQueue.ClaimNextAsync("b", Ct);
        Assert.Equal((orphan.Id, "b", 2), (retaken!.Id, retaken.ClaimedBy, retaken.Attempts));
        Assert.Null(await queueA.HeartbeatAsync(orphan.Id, "died", "", Ct)); // the first holder learns it lost the job
        Assert.False(await queueA.FinishAsync(orphan.Id, "died", JobState.Succeeded, "", null, null, null, Ct));
    }

    [Fact]
    public async Task A_queued_run_is_cancelled_at_once_a_running_one_is_told_at_its_heartbeat_and_a_second_start_gets_the_active_job()
    {
        if (Owner is null) return;
        Owner.Settings["Bundlinje:Jobs:Worker"] = "false";
        var client = await Login.AsAsync(Owner, Login.Email(Roles.Secretariat));
        var url = await StartAsync(client);
        Assert.Equal(url, await StartAsync(client)); // one queued or running follow-up per investment (a unique index)
        var cancel = await client.PostAsync($"{url}?handler=Cancel", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await Login.TokenAsync(client, url),
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        Assert.Equal((JobState.Cancelled, true), (Job(url).State, Job(url).CancelRequested));
        Assert.Contains("Kørslen blev afbrudt; intet er gemt.", WebUtility.HtmlDecode(await client.GetStringAsync(url, Ct)));

        var running = await StartAsync(client); // a new job now the first one ended
        Assert.NotEqual(url, running);
        await using var scope = Owner.Services.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<JobQueue>();
        Assert.Equal(Job(running).Id, (await queue.ClaimNextAsync("worker", Ct))!.Id);
        Assert.False(await queue.HeartbeatAsync(Job(running).Id, "worker", "1 deltagere", Ct));
        Assert.Contains("<li>1 deltagere</li>", WebUtility.HtmlDecode(await client.GetStringAsync(running, Ct)));
        await client.PostAsync($"{running}?handler=Cancel", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await Login.TokenAsync(client, running),
        }), Ct);
        Assert.Equal((JobState.Running, true), (Job(running).State, Job(running).CancelRequested)); // the worker decides when it stops
        Assert.True(await queue.HeartbeatAsync(Job(running).Id, "worker", "", Ct));
        Assert.Contains("Kørslen afbrydes", WebUtility.HtmlDecode(await client.GetStringAsync(running, Ct)));
    }

    [GeneratedRegex("^/Investments/ungifokus/FollowUp/Jobs/[0-9a-f-]{36}$")]
    private static partial Regex JobUrl();

    /// <summary>The system clock moved on by <paramref name="by"/>.</summary>
    private sealed class Later(TimeSpan by) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + by;
    }
}

public sealed class SqliteDurableJobTests : DurableJobTests
{
    protected override Task<BundlinjeFactory?> CreateFactoryAsync() => Task.FromResult<BundlinjeFactory?>(BundlinjeFactory.Sqlite());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresDurableJobTests(PostgresCluster cluster) : DurableJobTests
{
    protected override async Task<BundlinjeFactory?> CreateFactoryAsync()
    {
        if (cluster.Unavailable is { } reason) { Requirement.Missing(reason); return null; }
        return BundlinjeFactory.Postgres(await cluster.CreateDatabaseAsync());
    }
}
