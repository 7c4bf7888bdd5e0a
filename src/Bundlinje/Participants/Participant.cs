using Bundlinje.Common;
using Bundlinje.Payments;

namespace Bundlinje.Participants;

public enum ParticipantStatus { Active, Completed, DroppedOut }

/// <summary>A citizen in an investment, known only by pseudonym. Not audited field by field (imports are; see
/// <see cref="ParticipantImport"/>); every read of participant rows by a person is in <see cref="ParticipantAccess"/>.</summary>
public sealed class Participant : IPartOfInvestment
{
    public int Id { get; set; }
    public int InvestmentId { get; set; }
    public required string Pseudonym { get; set; }
    public required string Cohort { get; set; }
    public ParticipantGroup Group { get; set; }
    public DateOnly EnrolledOn { get; set; }
    public ParticipantStatus Status { get; set; }
    public DateOnly? StatusOn { get; set; }

    public Person ToPerson() => new(Pseudonym, Cohort, Group, EnrolledOn);
}

/// <summary>One accepted participant file: who, when, how many, and the file's content hash.</summary>
public sealed class ParticipantImport : Entity, IPartOfInvestment
{
    public int InvestmentId { get; set; }
    public required string FileName { get; set; }
    public required string ContentHash { get; set; }
    public int Added { get; set; }
    public int Updated { get; set; }
    public required string ImportedBy { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}

/// <summary>An append-only record that a person read participant-level rows: who, when, which investment, what.</summary>
public sealed class ParticipantAccess : IAppendOnly
{
    string IAppendOnly.Refusal => "The participant access log is append-only.";

    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string User { get; set; }
    public int InvestmentId { get; set; }
    public required string What { get; set; }
    public int Rows { get; set; }
}
