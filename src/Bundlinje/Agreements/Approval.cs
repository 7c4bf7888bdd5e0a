using Bundlinje.Common;
using Bundlinje.Organisations;

namespace Bundlinje.Agreements;

/// <summary>The links of the approval chain: the council's decision, the councillor (rådmand) of every paying
/// department, and the mayor's formal approval.</summary>
public enum ApprovalKind { CouncilDecision, Councillor, Mayor }

/// <summary>One recorded approval: who approved, when, and the document it stands in. Appended, never edited.</summary>
public sealed class Approval : Entity, IPartOfInvestment, IAppendOnly
{
    string IAppendOnly.Refusal => "An approval is append-only: it records a signed decision and is never changed.";

    public int InvestmentId { get; set; }
    public ApprovalKind Kind { get; set; }
    /// <summary>The paying department whose councillor approved (councillor approvals only).</summary>
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public required string ApprovedBy { get; set; }
    public DateOnly ApprovedOn { get; set; }
    public required string DocumentReference { get; set; }
    public required string RecordedBy { get; set; }
}
