using Bundlinje.Investments;

namespace Bundlinje.FollowUps;

/// <summary>The donors' donations on an investment (<see cref="Party.Donation"/> of its <see cref="PartyRole.Donor"/>
/// parties) write the claim down once across runs: what approved runs already used (their stored
/// <see cref="RunResult.Donation"/>) is not used again.</summary>
public static class Donations
{
    public static decimal Total(IEnumerable<Party> parties) => parties.Where(p => p.Role == PartyRole.Donor).Sum(p => p.Donation ?? 0m);

    public static decimal Used(IEnumerable<RunResult> approvedResults) => approvedResults.Sum(r => r.Donation);

    /// <summary>What is left to write the next run's claim down with (never below 0).</summary>
    public static decimal Left(IEnumerable<Party> parties, IEnumerable<RunResult> approvedResults) =>
        Math.Max(0m, Total(parties) - Used(approvedResults));
}
