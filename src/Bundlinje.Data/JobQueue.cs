using Bundlinje.Common;
using Bundlinje.Investments;
using Bundlinje.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bundlinje.Data;

/// <summary>The job queue in the database (<see cref="BackgroundJob"/>). Every change of state is one conditional UPDATE,
/// so two instances racing for the same job cannot both win: on SQLite the write lock serialises them, on PostgreSQL the
/// second UPDATE waits for the first and re-checks its WHERE against the row the first one left.</summary>
public sealed class JobQueue(BundlinjeDb db, TimeProvider clock)
{
    /// <summary>How long a claim holds without a heartbeat; the worker renews it well before (docs/deployment.md).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    /// <summary>Queues a follow-up run of the investment; while one is queued or running, that one is returned (the unique
    /// index decides a double click or two users at once).</summary>
    public async Task<BackgroundJob> EnqueueFollowUpRunAsync(Investment investment, DateOnly asOf, string user, CancellationToken ct)
    {
        var job = new BackgroundJob
        {
            Kind = JobKind.FollowUpRun, FundId = investment.FundId, InvestmentId = investment.Id, AsOf = asOf,
            RequestedBy = user, RequestedAt = clock.GetUtcNow(), State = JobState.Queued,
        };
        db.Jobs.Add(job);
        try { await db.SaveChangesAsync(ct); return job; }
        catch (DbUpdateException e) when (StoreConflict.IsUniqueViolation(e))
        {
            db.Entry(job).State = EntityState.Detached;
            return await Active(investment.Id, JobKind.FollowUpRun).AsNoTracking().FirstOrDefaultAsync(ct)
                   ?? throw new InvalidOperationException("The active job finished between the conflict and the look-up; try again.");
        }
    }

    /// <summary>The job, only if it belongs to the investment (another investment's job is not found).</summary>
    public Task<BackgroundJob?> FindAsync(Guid id, int investmentId, CancellationToken ct) =>
        db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.InvestmentId == investmentId, ct);

    /// <summary>The job and, once it has stored a run, what that run pays.</summary>
    public async Task<(BackgroundJob Job, decimal? Payable)?> ShowAsync(Guid id, int investmentId, CancellationToken ct)
    {
        if (await FindAsync(id, investmentId, ct) is not { } job) return null;
        var payable = job.ResultRunId is { } run
            ? await db.FollowUpRuns.Where(r => r.Id == run).Select(r => (decimal?)r.Payable).SingleOrDefaultAsync(ct) : null;
        return (job, payable);
    }

    /// <summary>Asks the job to stop: a queued job is cancelled at once, a running one when its worker next looks
    /// (at its heartbeat). False if the investment has no such job.</summary>
    public async Task<bool> CancelAsync(Guid id, int investmentId, CancellationToken ct)
    {
        var mine = db.Jobs.Where(j => j.Id == id && j.InvestmentId == investmentId);
        if (await mine.ExecuteUpdateAsync(s => s.SetProperty(j => j.CancelRequested, true), ct) == 0) return false;
        var now = clock.GetUtcNow();
        await mine.Where(j => j.State == JobState.Queued).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, JobState.Cancelled).SetProperty(j => j.FinishedAt, now), ct);
        return true;
    }

    /// <summary>Claims the oldest job that is queued, or running under a lease that has run out (its instance died), for
    /// <paramref name="instance"/>; null when there is none or another instance took each candidate first.</summary>
    public async Task<BackgroundJob?> ClaimNextAsync(string instance, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + Lease;
        // A job whose instances died MaxAttempts times is given up (it would likely take the next instance down too).
        await db.Jobs.Where(j => j.State == JobState.Running && j.LeaseUntil < now && j.Attempts >= BackgroundJob.MaxAttempts)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Failed).SetProperty(j => j.ErrorCode, "abandoned")
                .SetProperty(j => j.FinishedAt, now), ct);
        var candidates = await Claimable(now).OrderBy(j => j.RequestedAt).Select(j => j.Id).Take(5).ToListAsync(ct);
        foreach (var id in candidates)
        {
            var claimed = await Claimable(now).Where(j => j.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, JobState.Running).SetProperty(j => j.ClaimedBy, instance)
                .SetProperty(j => j.LeaseUntil, until).SetProperty(j => j.Attempts, j => j.Attempts + 1)
                .SetProperty(j => j.StartedAt, now), ct);
            if (claimed == 1) return await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == id, ct);
        }
        return null;
    }

    /// <summary>Renews the claim and stores the progress. Null if the job is no longer this instance's (its lease ran out
    /// and another instance took it): the caller stops. Otherwise whether someone asked to cancel.</summary>
    public async Task<bool?> HeartbeatAsync(Guid id, string instance, string progress, CancellationToken ct)
    {
        var until = clock.GetUtcNow() + Lease;
        var held = Held(id, instance);
        if (await held.ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, until).SetProperty(j => j.Progress, progress), ct) == 0)
            return null;
        return await held.Select(j => j.CancelRequested).FirstOrDefaultAsync(ct);
    }

    /// <summary>Records how the job ended; false if the job is no longer this instance's.</summary>
    public async Task<bool> FinishAsync(Guid id, string instance, JobState state, string progress, int? runId,
        string? errorCode, string? errorMessage, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await Held(id, instance).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, state).SetProperty(j => j.Progress, progress).SetProperty(j => j.ResultRunId, runId)
            .SetProperty(j => j.ErrorCode, errorCode).SetProperty(j => j.ErrorMessage, errorMessage)
            .SetProperty(j => j.FinishedAt, now).SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), ct) == 1;
    }

    /// <summary>Puts a job this instance holds back in the queue (the instance is stopping).</summary>
    public Task<int> ReleaseAsync(Guid id, string instance, string progress, CancellationToken ct) =>
        Held(id, instance).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Queued).SetProperty(j => j.Progress, progress)
            .SetProperty(j => j.ClaimedBy, (string?)null).SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), ct);

    private IQueryable<BackgroundJob> Claimable(DateTimeOffset now) => db.Jobs.Where(j =>
        j.State == JobState.Queued || (j.State == JobState.Running && j.LeaseUntil < now && j.Attempts < BackgroundJob.MaxAttempts));

    private IQueryable<BackgroundJob> Held(Guid id, string instance) =>
        db.Jobs.Where(j => j.Id == id && j.ClaimedBy == instance && j.State == JobState.Running);

    private IQueryable<BackgroundJob> Active(int investmentId, JobKind kind) =>
        db.Jobs.Where(j => j.InvestmentId == investmentId && j.Kind == kind && (j.State == JobState.Queued || j.State == JobState.Running));
}

internal sealed class BackgroundJobConfiguration : IEntityTypeConfiguration<BackgroundJob>
{
    public void Configure(EntityTypeBuilder<BackgroundJob> b)
    {
        b.ToTable("Jobs");
        b.HasOne<Fund.Fund>().WithMany().HasForeignKey(j => j.FundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Investment>().WithMany().HasForeignKey(j => j.InvestmentId).OnDelete(DeleteBehavior.Restrict);
        b.Property(j => j.RequestedBy).HasMaxLength(256);
        b.Property(j => j.ClaimedBy).HasMaxLength(200);
        b.Property(j => j.ErrorCode).HasMaxLength(40);
        b.Property(j => j.ErrorMessage).HasMaxLength(2000);
        // Times as Unix milliseconds: SQLite cannot compare or order DateTimeOffset, and the lease is compared in SQL.
        b.Property(j => j.RequestedAt).HasConversion(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));
        foreach (var time in new[] { nameof(BackgroundJob.LeaseUntil), nameof(BackgroundJob.StartedAt), nameof(BackgroundJob.FinishedAt) })
            b.Property<DateTimeOffset?>(time).HasConversion<long?>(
                v => v.HasValue ? v.Value.ToUnixTimeMilliseconds() : null, v => v.HasValue
                    ? DateTimeOffset.FromUnixTimeMilliseconds(v.Value) : null);
        b.HasIndex(j => new { j.State, j.RequestedAt });
        // One queued or running job per investment and kind: a second request while one is active gets that one.
        b.HasIndex(j => new { j.InvestmentId, j.Kind }).IsUnique().HasFilter("\"State\" IN ('Queued', 'Running')")
            .HasDatabaseName("IX_Jobs_OneActivePerInvestment");
    }
}
