using System.Collections.Concurrent;
using Bundlinje.Common;
using Bundlinje.FollowUps;
using Bundlinje.Jobs;
using Bundlinje.Participants;
using Microsoft.Extensions.Options;

namespace Bundlinje.Web.Infrastructure;

/// <summary>Bundlinje:Jobs. <see cref="Worker"/> false: this instance queues jobs but never runs them (docs/deployment.md:
/// with the register store on one machine, only the instance that holds it runs follow-ups).</summary>
public sealed class JobSettings
{
    public bool Worker { get; set; } = true;
    public double PollSeconds { get; set; } = 1;
    public double HeartbeatSeconds { get; set; } = 1;
}

/// <summary>Who a job's work is done for, in the worker's scope: the audit log and the run name the requester.</summary>
public sealed class JobActor
{
    public string? Name { get; set; }
}

/// <summary>Does the work of one <see cref="JobKind"/>; returns the id of what it stored.</summary>
public interface IJobHandler
{
    JobKind Kind { get; }
    Task<int?> RunAsync(BackgroundJob job, IProgress<string> progress, CancellationToken ct);
}

/// <summary>A follow-up run, by the same service the CLI uses.</summary>
public sealed class FollowUpRunJob(BundlinjeDb db, FollowUpRunner runner) : IJobHandler
{
    public JobKind Kind => JobKind.FollowUpRun;

    public async Task<int?> RunAsync(BackgroundJob job, IProgress<string> progress, CancellationToken ct)
    {
        var investment = await db.Investments.AsNoTracking().Include(i => i.Fund).SingleAsync(i => i.Id == job.InvestmentId, ct);
        return (await runner.RunAsync(investment, job.AsOf!.Value, progress, ct)).Id;
    }
}

public static class JobSetup
{
    public static IServiceCollection AddBundlinjeJobs(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<JobSettings>(config.GetSection("Bundlinje:Jobs"));
        services.AddScoped<JobQueue>();
        services.AddScoped<JobActor>();
        services.AddScoped<IJobHandler, FollowUpRunJob>();
        services.AddHostedService<JobWorker>();
        return services;
    }
}

/// <summary>Claims queued jobs (<see cref="JobQueue.ClaimNextAsync"/>) one at a time and runs them; while one runs, a
/// heartbeat renews the claim, stores the progress and passes on a cancel request. On shutdown the job goes back to the
/// queue; if the instance dies instead, another one takes the job when the lease has run out.</summary>
public sealed class JobWorker(IServiceScopeFactory scopes, IOptions<JobSettings> options, TimeProvider clock, ILogger<JobWorker> log)
    : BackgroundService
{
    /// <summary>This worker's name in <see cref="BackgroundJob.ClaimedBy"/>: machine, process and a per-start suffix.</summary>
    public string Instance { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    private JobSettings Settings => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Settings.Worker)
        {
            log.LogInformation("The job worker is off (Bundlinje:Jobs:Worker=false): jobs wait for another instance.");
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                BackgroundJob? job;
                await using (var scope = scopes.CreateAsyncScope())
                    job = await scope.ServiceProvider.GetRequiredService<JobQueue>().ClaimNextAsync(Instance, stoppingToken);
                if (job is not null) { await RunAsync(job, stoppingToken); continue; }
                await Task.Delay(TimeSpan.FromSeconds(Settings.PollSeconds), clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                log.LogError(e, "The job worker failed to claim or record a job.");
                await Task.Delay(TimeSpan.FromSeconds(Settings.PollSeconds), clock, CancellationToken.None);
            }
        }
    }

    private async Task RunAsync(BackgroundJob job, CancellationToken stopping)
    {
        var steps = new Steps(job.Steps);
        var beat = new Beat();
        using var work = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        using var done = new CancellationTokenSource();
        if (job.CancelRequested) { beat.CancelRequested = true; await work.CancelAsync(); }
        var heartbeat = HeartbeatAsync(job.Id, steps, beat, work, done.Token);
        var outcome = (State: JobState.Succeeded, Run: (int?)null, Code: (string?)null, Message: (string?)null);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<JobActor>().Name = job.RequestedBy;
            work.Token.ThrowIfCancellationRequested();
            var handler = scope.ServiceProvider.GetServices<IJobHandler>().Single(h => h.Kind == job.Kind);
            outcome.Run = await handler.RunAsync(job, steps, work.Token);
        }
        catch (OperationCanceledException) when (work.IsCancellationRequested) { outcome.State = JobState.Cancelled; }
        catch (Refused e)
        {
            outcome =
            (JobState.Failed, null, "refused", Bundlinje.Data.Texts.RefusalText.Message(e, Bundlinje.Data.Texts.RefusalText.Danish));
        }
        catch (PseudonymKeyMissing e) { outcome = (JobState.Failed, null, "refused", e.Message); }
        catch (Exception e)
        {
            log.LogError(e, "Job {Job} ({Kind}) failed", job.Id, job.Kind);
            outcome = (JobState.Failed, null, "failed", "Kørslen fejlede; fejlen er logget.");
        }
        await done.CancelAsync();
        await heartbeat;
        if (beat.Lost) { log.LogWarning("Job {Job} was taken by another instance (lease ran out)", job.Id); return; }
        await using var finish = scopes.CreateAsyncScope();
        var queue = finish.ServiceProvider.GetRequiredService<JobQueue>();
        // Stopped by shutdown, not by a person: back to the queue for this or another instance.
        if (outcome.State == JobState.Cancelled && !beat.CancelRequested) await queue.ReleaseAsync(job.Id, Instance, steps.Text,
            CancellationToken.None);
        else await queue.FinishAsync(job.Id, Instance, outcome.State, steps.Text, outcome.Run, outcome.Code, outcome.Message,
            CancellationToken.None);
    }

    private async Task HeartbeatAsync(Guid id, Steps steps, Beat beat, CancellationTokenSource work, CancellationToken done)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var queue = scope.ServiceProvider.GetRequiredService<JobQueue>();
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(Settings.HeartbeatSeconds), clock, done);
                bool? cancelRequested;
                // One failed beat (the database briefly away) must not end the heartbeat: the lease would run out while the
                // job still runs, and another instance would run it a second time. The next beat tries again.
                try { cancelRequested = await queue.HeartbeatAsync(id, Instance, steps.Text, done); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "A heartbeat of job {Job} failed; the next one tries again", id);
                    continue;
                }
                switch (cancelRequested)
                {
                    case null: beat.Lost = true; await work.CancelAsync(); return;
                    case true when !beat.CancelRequested: beat.CancelRequested = true; await work.CancelAsync(); break;
                }
            }
        }
        catch (OperationCanceledException) when (done.IsCancellationRequested) { }
        catch (Exception e) { log.LogError(e, "The heartbeat of job {Job} failed", id); }
    }

    private sealed class Beat
    {
        public volatile bool Lost;
        public volatile bool CancelRequested;
    }

    /// <summary>The job's progress, synchronously (Progress&lt;T&gt; would post the last steps after the job ended).</summary>
    private sealed class Steps(IEnumerable<string> earlier) : IProgress<string>
    {
        private readonly ConcurrentQueue<string> lines = new(earlier);
        public void Report(string value) => lines.Enqueue(value);
        public string Text => string.Join('\n', lines);
    }
}
