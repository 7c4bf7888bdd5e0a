using Bundlinje.Common;

namespace Bundlinje.Investments;

/// <summary>A separately run part of an investment (Housing First: Havnen; Hjem, Job og Helhed).</summary>
public sealed class SubProject : Entity, IPartOfInvestment
{
    public int InvestmentId { get; set; }
    public required string Name { get; set; }
    public string? TargetGroup { get; set; }
    public int? PlannedMin { get; set; }
    public int? PlannedMax { get; set; }
    public int? PlannedPerYearMin { get; set; }
    public int? PlannedPerYearMax { get; set; }

    /// <summary>Capital injected into the sub-project, in kr.</summary>
    public decimal? InjectedCapital { get; set; }
}
