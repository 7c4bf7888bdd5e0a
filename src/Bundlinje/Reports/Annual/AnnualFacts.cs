using Bundlinje.FollowUps;
using Bundlinje.Fund;
using Bundlinje.Investments;
using Bundlinje.Proposals;

namespace Bundlinje.Reports.Annual;

/// <summary>Everything the annual report of <paramref name="Year"/> is built from, loaded by <see cref="AnnualReports"/>:
/// the proposals table as of 31-12-year, the fund's investments with their terms, enrolment and approved runs as of that
/// date, the economics table (<see cref="FundEconomics"/>), the cells of a published table that differ from it (null: no
/// published table was given) and the narrative texts. <see cref="AnnualReportBuilder.Build"/> turns it into the document
/// without a database.</summary>
public sealed record AnnualFacts(
    string FundKey, string FundName, int Year, string Language, ProposalStatistics Proposals, IReadOnlyList<InvestmentFacts> Investments,
    EconomicsReport Economics, IReadOnlyList<CellDifference>? Differences, NarrativeSet Narratives)
{
    public DateOnly AsOf => new(Year, 12, 31);
}

/// <summary>One investment as of the report's date: its agreement's terms then, its parties, phase, enrolment and the
/// follow-up runs approved with an as-of date up to the report's date.</summary>
public sealed record InvestmentFacts(
    string Key, string Name, InvestmentStatus Status, DateOnly? PeriodStart, DateOnly? PeriodEnd, IReadOnlyList<CapitalShare> Capital,
    IReadOnlyList<string> Providers, IReadOnlyList<string> Authorities, string? TargetGroup, DevelopmentPhase? Phase,
    EnrolmentFacts? Enrolment, IReadOnlyList<RunFacts> Runs)
{
    public decimal CommittedCapital => Capital.Sum(c => c.Amount);
}

/// <summary>An investor's (or co-funder's) committed capital.</summary>
public sealed record CapitalShare(string Investor, decimal Amount);

/// <summary>The latest enrolment count up to the date, with the plan's expectation then (<see cref="EnrolmentPlan.Check"/>;
/// null for an investment that is not active or has no plan) and the planned total.</summary>
public sealed record EnrolmentFacts(DateOnly AsOf, int Enrolled, EnrolmentStatus? Plan, int? PlannedMin, int? PlannedMax);

/// <summary>An approved follow-up run: its results per metric and what it made payable.</summary>
public sealed record RunFacts(int Id, DateOnly AsOf, decimal Payable, IReadOnlyList<RunMetric> Metrics);
