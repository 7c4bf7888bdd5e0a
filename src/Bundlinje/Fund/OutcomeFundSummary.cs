namespace Bundlinje.Fund;

public sealed record OutcomeFundYear(int Year, decimal Appropriated, decimal Committed, decimal PaidOut);

public sealed record OutcomeFundCommitment(string Investment, string? Metric, decimal Committed, decimal PaidOut)
{
    public decimal Outstanding => Committed - PaidOut;
}

/// <summary>
/// The outcome fund, a pot of its own: appropriations, commitments to pay for outcomes per investment and metric,
/// and payouts against them. Uncommitted = appropriated − committed; outstanding = committed − paid out.
/// </summary>
public sealed record OutcomeFundSummary(IReadOnlyList<OutcomeFundYear> Years, IReadOnlyList<OutcomeFundCommitment> Commitments)
{
    public decimal Appropriated => Years.Sum(y => y.Appropriated);
    public decimal Committed => Years.Sum(y => y.Committed);
    public decimal PaidOut => Years.Sum(y => y.PaidOut);
    public decimal Uncommitted => Appropriated - Committed;
    public decimal Outstanding => Committed - PaidOut;

    public static OutcomeFundSummary From(IEnumerable<LedgerEntry> entries)
    {
        var pot = entries.Where(e => e.Pot == LedgerPot.OutcomeFund).ToList();
        decimal Sum(IEnumerable<LedgerEntry> es, LedgerKind kind) => es.Where(e => e.Kind == kind).Sum(e => e.Amount);
        var years = pot.GroupBy(e => e.FiscalYear).OrderBy(g => g.Key)
            .Select(g => new OutcomeFundYear(g.Key, Sum(g, LedgerKind.Appropriation), Sum(g, LedgerKind.Commitment),
                Sum(g, LedgerKind.Payout))).ToList();
        var commitments = pot.Where(e => e.Investment is not null && e.Kind is LedgerKind.Commitment or LedgerKind.Payout)
            .GroupBy(e => (e.Investment!, e.Metric)).OrderBy(g => g.Key.Item1).ThenBy(g => g.Key.Metric)
            .Select(g => new OutcomeFundCommitment(g.Key.Item1, g.Key.Metric, Sum(g, LedgerKind.Commitment), Sum(g, LedgerKind.Payout)))
                .ToList();
        return new OutcomeFundSummary(years, commitments);
    }
}
