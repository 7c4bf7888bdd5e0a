using System.Linq.Expressions;
using Bundlinje.Investments;

namespace Bundlinje.Security;

/// <summary>A signed-in person's roles and scope keys, as used to decide which investments they may see.</summary>
public sealed record Viewer(string Name, IReadOnlySet<string> Roles, IReadOnlySet<string> Scopes)
{
    public bool Is(string role) => Roles.Contains(role);

    public bool AdministersFund(string fundKey) => Is(Security.Roles.Secretariat) && Scopes.Contains(fundKey);

    /// <summary>Participant-level rows (pseudonyms) of an investment the viewer may read: the fund's secretariat, the
    /// authority's analysts and the provider — not council members or investors, who see aggregates.</summary>
    public bool SeesParticipants(string fundKey) =>
        AdministersFund(fundKey) || Is(Security.Roles.DepartmentAnalyst) || Is(Security.Roles.Provider);

    public bool ImportsParticipants(string fundKey) => AdministersFund(fundKey) || Is(Security.Roles.Provider);

    public bool RunsFollowUps(string fundKey) => AdministersFund(fundKey) || Is(Security.Roles.DepartmentAnalyst);

    /// <summary>Saves an investment's business cases (the viewer reads the investment): the fund's secretariat and the
    /// analysts of its departments, as for follow-up runs; council, investors and providers read them.</summary>
    public bool EditsBusinessCases(string fundKey) => RunsFollowUps(fundKey);

    /// <summary>Investments this viewer may read, as a query filter (translated to SQL by EF).</summary>
    public Expression<Func<Investment, bool>> CanRead()
    {
        var fundWide = Roles.Any(Security.Roles.ScopedToFund);
        var asAnalyst = Is(Security.Roles.DepartmentAnalyst);
        var asProvider = Is(Security.Roles.Provider);
        var asInvestor = Is(Security.Roles.Investor);
        var scopes = Scopes.ToList();
        return i =>
            (fundWide && scopes.Contains(i.Fund!.Key)) ||
            i.Parties.Any(p => scopes.Contains(p.Organisation!.Key) &&
                ((asAnalyst) ||
                 (asProvider && p.Role == PartyRole.Provider) ||
                 (asInvestor && (p.Role == PartyRole.Investor || p.Role == PartyRole.CoFunder ||
                                 p.Role == PartyRole.DeficitGuarantor || p.Role == PartyRole.Donor ||
                                 p.Role == PartyRole.EvaluationFunder))));
    }
}
