using Bundlinje.Investments;
using Bundlinje.Organisations;

namespace Bundlinje.Portfolio;

// The portfolio exchange format "bundlinje-portfolio/1" (docs/portfolio-format.md). Amounts in kr., dates yyyy-MM-dd.

public sealed class PortfolioDocument
{
    public const string CurrentFormat = "bundlinje-portfolio/1";
    public string? Format { get; set; }
    public string? About { get; set; }
    public List<FundDto> Funds { get; set; } = [];
    public List<OrganisationDto> Organisations { get; set; } = [];
    public List<InvestmentDto> Investments { get; set; } = [];
}

public sealed class FundDto
{
    public string? Key { get; set; }
    public string? Name { get; set; }
    public string? Council { get; set; }
    public string? Secretariat { get; set; }
    public int HorizonYears { get; set; } = 10;
    public int BudgetEffectPercent { get; set; } = 80;
}

public sealed class OrganisationDto
{
    public string? Key { get; set; }
    public string? Name { get; set; }
    public OrganisationKind Kind { get; set; }
}

public sealed class InvestmentDto
{
    public string? Key { get; set; }
    public string? Fund { get; set; }
    public string? Name { get; set; }
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
    public List<PartyDto> Parties { get; set; } = [];
    public List<SubProjectDto> SubProjects { get; set; } = [];
    public List<EnrolmentDto> Enrolment { get; set; } = [];
    public List<VersionDto> Versions { get; set; } = [];
}

public sealed class PartyDto
{
    public string? Organisation { get; set; }
    public PartyRole Role { get; set; }
    public decimal? Capital { get; set; }
    public decimal? Guarantee { get; set; }
    public decimal? GuaranteeShare { get; set; }
    public decimal? Donation { get; set; }
    public string? Note { get; set; }
}

public sealed class SubProjectDto
{
    public string? Name { get; set; }
    public string? TargetGroup { get; set; }
    public int? PlannedMin { get; set; }
    public int? PlannedMax { get; set; }
    public int? PlannedPerYearMin { get; set; }
    public int? PlannedPerYearMax { get; set; }
    public decimal? InjectedCapital { get; set; }
}

public sealed class EnrolmentDto
{
    public DateOnly AsOf { get; set; }
    public string? SubProject { get; set; }
    public int Enrolled { get; set; }
    public int? Completed { get; set; }
    public int? DroppedOut { get; set; }
    public int? Expected { get; set; }
    public string? Note { get; set; }
}

public sealed class VersionDto
{
    public int Number { get; set; }
    public DateOnly EffectiveOn { get; set; }
    public string? Reason { get; set; }
    public List<ChangeDto> Changes { get; set; } = [];
}

public sealed class ChangeDto
{
    public string? Field { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
}
