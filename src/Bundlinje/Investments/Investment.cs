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
    public InvestmentStatus Status { get; set; }
    public string? StatusNote { get; set; }
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

    public decimal CommittedCapital => Parties.Where(p => p.Role is PartyRole.Investor or PartyRole.CoFunder).Sum(p => p.Capital ?? 0m);
}
