namespace Bundlinje.Common;

public enum AuditAction { Created, Changed, Deleted }

/// <summary>One field of one record changed by one person at one time. Append-only: never edited or deleted.</summary>
public sealed class AuditEntry : IAppendOnly
{
    string IAppendOnly.Refusal => "The audit log is append-only: entries cannot be changed or deleted.";

    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string User { get; set; }
    public required string EntityType { get; set; }
    public int EntityId { get; set; }

    /// <summary>The investment the record belongs to (the investment itself or one of its parts).</summary>
    public int? InvestmentId { get; set; }
    public AuditAction Action { get; set; }
    public required string Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
}
