namespace Bundlinje.Security;

public static class Roles
{
    public const string Secretariat = nameof(Secretariat);
    public const string CouncilMember = nameof(CouncilMember);
    public const string DepartmentAnalyst = nameof(DepartmentAnalyst);
    public const string Provider = nameof(Provider);
    public const string Investor = nameof(Investor);

    public static readonly IReadOnlyList<string> All = [Secretariat, CouncilMember, DepartmentAnalyst, Provider, Investor];

    /// <summary>Roles whose scope is a fund key; the others are scoped to organisation keys.</summary>
    public static bool ScopedToFund(string role) => role is Secretariat or CouncilMember;

    /// <summary>Claim type holding one scope key (a fund key or an organisation key).</summary>
    public const string ScopeClaim = "bundlinje:scope";
}
