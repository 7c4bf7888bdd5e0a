namespace Bundlinje.Fund;

public enum LedgerKind
{
    Appropriation, RunningCost, Disbursement, ResultPayment, Donation, GuaranteePayment, Correction, Commitment,
    Payout
}

public enum LedgerBasis { Actual, Budget }

/// <summary>Which pot of money a posting belongs to: the investment fund, or the separate outcome fund.</summary>
public enum LedgerPot { InvestmentFund, OutcomeFund }

/// <summary>
/// One posting in a fund's books, in kr. Spending is positive; result payments received are positive too and
/// are subtracted in the economics table. Budget result payments are stated at 100 % effect (the business case).
/// </summary>
public sealed record LedgerEntry(
    int FiscalYear,
    LedgerKind Kind,
    LedgerBasis Basis,
    decimal Amount,
    string? Category = null,
    string? Investment = null,
    string? Text = null,
    DateOnly? EntryDate = null,
    LedgerPot Pot = LedgerPot.InvestmentFund)
{
    /// <summary>The stored posting this entry was read from (0 when not stored).</summary>
    public int PostingId { get; init; }

    /// <summary>The outcome metric of an outcome-fund commitment or payout.</summary>
    public string? Metric { get; init; }

    public DateOnly Date => EntryDate ?? new DateOnly(FiscalYear, 12, 31);
}
