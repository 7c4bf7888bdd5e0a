using Bundlinje.Common;

namespace Bundlinje.Organisations;

public enum OrganisationKind { Department, Provider, Investor, Foundation, Other }

/// <summary>A municipal department, provider, investor or foundation taking part in investments.</summary>
public sealed class Organisation : Entity
{
    public required string Key { get; set; }
    public required string Name { get; set; }
    public OrganisationKind Kind { get; set; }
}
