namespace Bundlinje.Jobs;

/// <summary>What a queued job does; each kind has one handler in the web app's worker. Report generation (a later issue)
/// is meant to be a second kind on the same queue.</summary>
public enum JobKind { FollowUpRun }

public enum JobState { Queued, Running, Succeeded, Failed, Cancelled }

/// <summary>Work queued in the database and done by the hosted worker of whichever instance claims it first
/// (docs/deployment.md). A claim holds a lease the worker renews while it works; a job whose instance died is claimed
/// again when its lease has run out. At most one queued or running job per investment and kind (a unique index).</summary>
public sealed class BackgroundJob
{
    public const int MaxAttempts = 3;

    public Guid Id { get; init; } = Guid.NewGuid();
    public JobKind Kind { get; init; }
    public int FundId { get; init; }
    public int? InvestmentId { get; init; }
    /// <summary>The follow-up run's as-of date (the input of <see cref="JobKind.FollowUpRun"/>).</summary>
    public DateOnly? AsOf { get; init; }
    public required string RequestedBy { get; init; }
    public DateTimeOffset RequestedAt { get; init; }

    public JobState State { get; init; }
    /// <summary>The steps done so far, one a line.</summary>
    public string Progress { get; init; } = "";
    public bool CancelRequested { get; init; }
    /// <summary>The worker instance holding the job, until when its claim holds unless renewed, and how many claims so far.</summary>
    public string? ClaimedBy { get; init; }
    public DateTimeOffset? LeaseUntil { get; init; }
    public int Attempts { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>What the job stored (the follow-up run), or why it did not: <see cref="ErrorCode"/> "refused" (the service
    /// said no, <see cref="ErrorMessage"/> says why), "failed" (logged) or "abandoned" (its instances died too often).</summary>
    public int? ResultRunId { get; init; }
    public string? ErrorCode { get; init; }
    public string? ErrorMessage { get; init; }

    public bool Finished => State is JobState.Succeeded or JobState.Failed or JobState.Cancelled;
    public IEnumerable<string> Steps => Progress.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
