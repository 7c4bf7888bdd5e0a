using Bundlinje.Investments;
using Bundlinje.Reports.Annual;

namespace Bundlinje.Publication;

/// <summary>A fund as the public sees it (<see cref="PublicFunds.FundAsync"/>): its name and council, the capital committed
/// to the listed investments whose capital is public, and the investments whose name and purpose are approved public.</summary>
public sealed record PublicFund(int Id, string Key, string Name, string? Council, string Currency, decimal Capital,
    IReadOnlyList<PublicInvestmentSummary> Investments, DateTimeOffset GeneratedAt);

/// <summary>One listed investment on the fund's page. A part whose field group is not approved public is null.</summary>
/// <param name="Capital">Committed capital (field group Capital).</param>
/// <param name="Enrolled">The latest enrolment count, suppressed (Enrolment).</param>
/// <param name="Latest">The latest approved follow-up run's results, suppressed (Results).</param>
/// <param name="Paid">The approved result payments in all (Payments).</param>
public sealed record PublicInvestmentSummary(string Key, string Name, InvestmentStatus Status, decimal? Capital,
    PublicCount? Enrolled, PublicRun? Latest, decimal? Paid);

/// <summary>One investment's published field groups (<see cref="PublicFunds.InvestmentAsync"/>). Each part is null when its
/// field group is not approved public; there is no part for participant-level data.</summary>
public sealed record PublicInvestment(
    string FundKey, string FundName, string Currency, string Key, string Name, InvestmentStatus Status, DateOnly? PeriodStart,
    DateOnly? PeriodEnd, IReadOnlySet<PublicationField> Fields, PublicTargetGroup? TargetGroup, IReadOnlyList<PublicParty>? Parties,
    IReadOnlyList<CapitalShare>? Capital, IReadOnlyList<string>? PaymentModel, IReadOnlyList<PublicCount>? Enrolment,
    IReadOnlyList<PublicRun>? Results, IReadOnlyList<PublicPayment>? Payments, DateTimeOffset GeneratedAt)
{
    public bool Shows(PublicationField field) => Fields.Contains(field);
}

/// <summary>The agreement's target group and planned number of participants.</summary>
public sealed record PublicTargetGroup(string? Text, int? PlannedMin, int? PlannedMax, int? PlannedPerYear);

/// <summary>An organisation and its role in the investment.</summary>
public sealed record PublicParty(string Organisation, PartyRole Role);

/// <summary>A count as published: <see cref="Text"/> ("&lt;5", "x" or the number, da-DK) and the number only when it is
/// shown (null when suppressed), for charts.</summary>
public sealed record PublicCount(DateOnly AsOf, string Text, int? Shown, int? Planned = null);

/// <summary>An approved follow-up run's results, every count suppressed (<see cref="Suppression"/>); what it made payable only
/// when the payments are public.</summary>
public sealed record PublicRun(DateOnly AsOf, DateOnly ApprovedOn, decimal? Payable, IReadOnlyList<PublicResult> Results);

/// <summary>One metric line of a run: achieved, not achieved and eligible (the line's total) as published, and the achieved
/// count only when it is shown.</summary>
public sealed record PublicResult(string Metric, string Cohort, string Achieved, string NotAchieved, string Eligible, int? AchievedShown);

/// <summary>An approved result payment: what a payer owes after the run of <see cref="AsOf"/>, and when it was paid.</summary>
public sealed record PublicPayment(DateOnly AsOf, string Payer, decimal Amount, DateOnly? PaidOn);

/// <summary>The open data of a fund (<see cref="PublicFunds.DataAsync"/>): its public page and each listed investment's.</summary>
public sealed record PublicData(PublicFund Fund, IReadOnlyList<PublicInvestment> Investments);
