using Bundlinje.Common;

namespace Bundlinje.Fund;

/// <summary>A social investment fund, e.g. Aarhus Kommune's, steered by its council.</summary>
public sealed class Fund : Entity
{
    public required string Key { get; set; }
    public required string Name { get; set; }
    public string? Council { get; set; }
    public string? Secretariat { get; set; }
    public int HorizonYears { get; set; } = 10;
    public int BudgetEffectPercent { get; set; } = 80;
}
