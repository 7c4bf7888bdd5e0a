using Bundlinje.Agreements;
using Bundlinje.Common;

namespace Bundlinje.Investments;

public enum InvestmentStatus { InDevelopment, Active, Ended, TerminatedEarly, Donation }

/// <summary>A social investment of a fund: the current terms of its agreement, its parties and enrolment.</summary>
public sealed class Investment : Entity
{
    public int FundId { get; set; }
    public Fund.Fund? Fund { get; set; }
    public required string Key { get; set; }
    public required string Name { get; set; }
    /// <summary>Changes only through the methods below: active only when the approval chain is complete.</summary>
    public InvestmentStatus Status { get; private set; }
    public string? StatusNote { get; private set; }
    public DateOnly? AgreedOn { get; set; }
    public DateOnly? PeriodStart { get; set; }
    public DateOnly? PeriodEnd { get; set; }
    public string? TargetGroup { get; set; }
    public int? PlannedParticipants { get; set; }
    public int? PlannedPerYear { get; set; }
    public string? PaymentModel { get; set; }
    public string? Notes { get; set; }

    public List<Party> Parties { get; set; } = [];
    public List<SubProject> SubProjects { get; set; } = [];
    public List<EnrolmentCount> Enrolment { get; set; } = [];
    public List<AgreementVersion> Versions { get; set; } = [];

    /// <summary>Planned participants as a range: the investment's own figure, or the sum over its sub-projects.</summary>
    public (int Min, int Max)? Planned()
    {
        if (PlannedParticipants is { } p) return (p, p);
        var withPlan = SubProjects.Where(s => s.PlannedMax is not null).ToList();
        if (withPlan.Count == 0) return null;
        return (withPlan.Sum(s => s.PlannedMin ?? s.PlannedMax!.Value), withPlan.Sum(s => s.PlannedMax!.Value));
    }

    /// <summary>The latest enrolment count: on the latest as-of date, summed over sub-projects.</summary>
    public (DateOnly AsOf, int Enrolled)? LatestEnrolment()
    {
        if (Enrolment.Count == 0) return null;
        var asOf = Enrolment.Max(e => e.AsOf);
        return (asOf, Enrolment.Where(e => e.AsOf == asOf).Sum(e => e.Enrolled));
    }

    /// <summary>Why the investment may not go to <paramref name="to"/> with these approvals; null when it may. Becoming
    /// active needs the complete approval chain (<see cref="ApprovalChain.Missing"/>); staying active, or any other
    /// status, needs nothing.</summary>
    public Refusal? RefusalToMove(InvestmentStatus to, IReadOnlyCollection<Approval> approvals) =>
        to == InvestmentStatus.Active && Status != InvestmentStatus.Active
            && ApprovalChain.Missing(this, approvals) is { Count: > 0 } missing
            ? Refusal.At(nameof(Status), "approval.chainIncomplete", missing)
            : null;

    /// <summary>The investment becomes active; refused (and unchanged) while the approval chain is incomplete.</summary>
    public void Activate(IReadOnlyCollection<Approval> approvals, string? note)
    {
        if (RefusalToMove(InvestmentStatus.Active, approvals) is { } refusal) throw new Refused(refusal);
        (Status, StatusNote) = (InvestmentStatus.Active, note);
    }

    /// <summary>Back in (or, when new, into) development: phases 1–4 before an agreement.</summary>
    public void Develop(string? note) => (Status, StatusNote) = (InvestmentStatus.InDevelopment, note);

    /// <summary>The agreement ran its course.</summary>
    public void End(string? note) => (Status, StatusNote) = (InvestmentStatus.Ended, note);

    /// <summary>The agreement was ended before its period (a final settlement follows).</summary>
    public void TerminateEarly(string? note) => (Status, StatusNote) = (InvestmentStatus.TerminatedEarly, note);

    /// <summary>Money given without an outcome contract.</summary>
    public void MarkAsDonation(string? note) => (Status, StatusNote) = (InvestmentStatus.Donation, note);

    /// <summary>The status the secretariat chose on the form, through the method of that name (so becoming active is checked).</summary>
    public void MoveTo(InvestmentStatus to, IReadOnlyCollection<Approval> approvals, string? note)
    {
        switch (to)
        {
            case InvestmentStatus.Active: Activate(approvals, note); break;
            case InvestmentStatus.Ended: End(note); break;
            case InvestmentStatus.TerminatedEarly: TerminateEarly(note); break;
            case InvestmentStatus.Donation: MarkAsDonation(note); break;
            default: Develop(note); break;
        }
    }

    /// <summary>The status as a portfolio file records it: the file carries agreements made before Bundlinje kept their
    /// approvals (their chain was completed on paper), so its status is taken over as written, not re-decided here.</summary>
    public void TakeOverStatus(InvestmentStatus status, string? note) => (Status, StatusNote) = (status, note);

    public decimal CommittedCapital => Parties.Where(p => p.Role is PartyRole.Investor or PartyRole.CoFunder).Sum(p => p.Capital ?? 0m);
}
