using System.Collections.Concurrent;
using Bundlinje.Common;
using Bundlinje.FollowUps;

namespace Bundlinje.Web.Pages.Investments.FollowUp;

/// <summary>A follow-up run started from a page: it runs in the background, reports progress and can be cancelled.</summary>
public sealed class RunJob(Guid id, string investment, string startedBy)
{
    public Guid Id { get; } = id;
    public string Investment { get; } = investment;
    public string StartedBy { get; } = startedBy;
    public ConcurrentQueue<string> Progress { get; } = new();
    public CancellationTokenSource Cancellation { get; } = new();
    public int? RunId { get; set; }
    public decimal? Payable { get; set; }
    public string? Error { get; set; }
    public bool Cancelled { get; set; }
    public bool Finished { get; set; }
}

/// <summary>Keeps the page-started runs of this app instance; the runs themselves are stored in the database.</summary>
public sealed class RunJobs(IServiceScopeFactory scopes, ILogger<RunJobs> log)
{
    private readonly ConcurrentDictionary<Guid, RunJob> jobs = new();

    public RunJob? Find(Guid id) => jobs.GetValueOrDefault(id);

    public RunJob Start(string investmentKey, DateOnly asOf, string user)
    {
        var job = new RunJob(Guid.NewGuid(), investmentKey, user);
        jobs[job.Id] = job;
        _ = Task.Run(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            var runner = new FollowUpRunner(sp.GetRequiredService<BundlinjeDb>(), sp.GetRequiredService<RegisterStore>(),
                new FixedUser(user), sp.GetRequiredService<TimeProvider>());
            try
            {
                var run = await runner.RunAsync(investmentKey, asOf, new Progress<string>(job.Progress.Enqueue), job.Cancellation.Token);
                (job.RunId, job.Payable) = (run.Id, run.Payable);
            }
            catch (OperationCanceledException) { job.Cancelled = true; }
            catch (FollowUpRefused e) { job.Error = e.Message; }
            catch (Exception e)
            {
                log.LogError(e, "Follow-up run {Job} for {Investment} failed", job.Id, investmentKey);
                job.Error = "Kørslen fejlede; fejlen er logget.";
            }
            finally { job.Finished = true; }
        });
        return job;
    }
}
