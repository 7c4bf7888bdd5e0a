using Bundlinje.Common;

namespace Bundlinje.Publication;

/// <summary>The groups of an investment's facts that can be published, each on its own. There is no group for
/// participant-level data: it can never be published.</summary>
public enum PublicationField
{
    NameAndPurpose,
    TargetGroup,
    Parties,
    Capital,
    PaymentModel,
    Enrolment,
    Results,
    Payments,
    Documents,
}

/// <summary>One revision of an investment's field group's publication state (public or private), a DRAFT until a
/// <see cref="PublicationApproval"/> names it. Revisions are unique per investment and field group, so two saves at once
/// cannot both become revision n; rows are never changed or deleted.</summary>
public sealed class PublicationRevision : Entity, IAppendOnly
{
    string IAppendOnly.Refusal => "A publication revision is kept; draft a new revision instead.";

    public int FundId { get; set; }
    public int InvestmentId { get; set; }
    public PublicationField Field { get; set; }
    public int Revision { get; set; }
    public bool IsPublic { get; set; }
    public required string DraftedBy { get; set; }
    public DateTimeOffset DraftedAt { get; set; }
    /// <summary>Why, in a few words (e.g. that the demo loaded it).</summary>
    public string? Note { get; set; }
}

/// <summary>The approval of one <see cref="PublicationRevision"/> for publication: unique per revision (approved once, by
/// the database, not by a check before the save) and by someone other than its drafter.</summary>
public sealed class PublicationApproval : Entity, IAppendOnly
{
    string IAppendOnly.Refusal => "A publication approval is kept; approve a new revision instead.";

    public int RevisionId { get; set; }
    public int FundId { get; set; }
    public required string ApprovedBy { get; set; }
    public DateTimeOffset ApprovedAt { get; set; }
}

/// <summary>A revision with its approval, if any.</summary>
public sealed record PublicationStep(PublicationRevision Revision, PublicationApproval? Approval);

/// <summary>One field group of one investment: the approved state in force (none: private), the draft awaiting review
/// (a revision newer than the approved one, not yet approved) and the history, newest first.</summary>
public sealed record FieldPublication(PublicationField Field, PublicationStep? Approved, PublicationStep? Pending,
    IReadOnlyList<PublicationStep> History)
{
    /// <summary>Public only when the approved revision says so; nothing is public until approved.</summary>
    public bool IsPublic => Approved?.Revision.IsPublic == true;
}

/// <summary>An investment's publication state, every field group in <see cref="PublicationField"/> order.</summary>
public sealed record InvestmentPublication(int InvestmentId, string Key, string Name, IReadOnlyList<FieldPublication> Fields)
{
    public IEnumerable<PublicationField> Public => Fields.Where(f => f.IsPublic).Select(f => f.Field);
    public IEnumerable<FieldPublication> AwaitingReview => Fields.Where(f => f.Pending is not null);
}

/// <summary>What the public may see of one investment: its key and name and the approved public field groups. This is
/// the contract of the public pages and exports: they show a field group's facts only when it is in <see cref="Fields"/>.</summary>
public sealed record PublishedInvestment(int InvestmentId, string Key, string Name, IReadOnlySet<PublicationField> Fields)
{
    public bool Shows(PublicationField field) => Fields.Contains(field);
}
