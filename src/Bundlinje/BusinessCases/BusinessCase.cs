namespace Bundlinje.BusinessCases;

/// <summary>Who saves: a budget of a public authority. <see cref="Key"/> names it within the case ("msb-decentral");
/// <see cref="Repays"/>: its savings are what the outcome payments are paid from (the paying department's decentral
/// budget in Aarhus), so the agreed share of them goes back to the fund.</summary>
public sealed record BudgetHolder(string Key, string Department, bool Decentral, PublicLevel Level, CeilingType Ceiling, bool Repays);

public enum PublicLevel { Municipality, Region, State }

/// <summary>The expenditure ceiling the budget sits under (service, transfers, construction) or outside the ceilings.</summary>
public enum CeilingType { Service, Transfer, Construction, Outside }

/// <summary>Planned participants who start in a year (a cohort).</summary>
public sealed record YearCount(int Year, int Count);

/// <summary>Intervention cost in a year, in kr., and who pays it (the fund, for a social investment).</summary>
public sealed record CostLine(int Year, decimal Amount, string Payer);

/// <summary>A change in the use of a service per successful participant per year (−30: "30 fewer shelter nights"), priced
/// per unit: the price is the catalogue's (<see cref="PriceCode"/>, price-indexed to the case's price year) unless the
/// case gives its own <see cref="UnitPrice"/> with an <see cref="OverrideReason"/>.</summary>
public sealed record Consequence(string Service, string Unit, decimal ChangePerYear, string Holder, decimal? UnitPrice = null,
    string? PriceCode = null, string? OverrideReason = null);

/// <summary>An outcome: the share of participants expected to achieve it, when its consequences start (years after the
/// cohort's start) and how many years they last, and the share of the repaying budgets' savings paid back to the fund
/// as outcome payments (capped at <see cref="RepaymentCap"/> kr. in all, when the agreement caps it).</summary>
public sealed record Outcome(string Key, string Name, decimal SuccessRate, int LagYears, int DurationYears, decimal RepaymentShare,
    IReadOnlyList<Consequence> Consequences, decimal? RepaymentCap = null);

/// <summary>
/// An investment's business case for one agreement version (and, for an investment run as separate parts such as
/// Housing First, one <see cref="Part"/>): the target group and planned cohorts, the intervention cost, the outcomes and
/// their consequences per budget holder. Years are calendar years from <see cref="StartYear"/> for
/// <see cref="HorizonYears"/> years; amounts in kr. at <see cref="PriceYear"/> prices. <see cref="Assumptions"/> says
/// what is assumed rather than sourced (e.g. a yearly split of a published total).
/// </summary>
public sealed record BusinessCase(
    string Investment, int AgreementVersion, string? Part, string Title, int StartYear, int HorizonYears, int PriceYear,
    string? TargetGroup, IReadOnlyList<YearCount> Participants, IReadOnlyList<CostLine> Costs, IReadOnlyList<BudgetHolder> Holders,
    IReadOnlyList<Outcome> Outcomes, IReadOnlyList<string> Assumptions, string? Source = null)
{
    public int EndYear => StartYear + HorizonYears - 1;

    /// <summary>The title with the part, unless the title names it already ("Havnen (Housing First)").</summary>
    public string FullTitle => Part is { } part && !Title.Contains(part, StringComparison.Ordinal) ? $"{Title} – {part}" : Title;
}
