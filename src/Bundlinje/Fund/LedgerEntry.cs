namespace Bundlinje.Fund;

public enum LedgerKind { Appropriation, RunningCost, Disbursement, ResultPayment, Donation, GuaranteePayment, Correction }

public enum LedgerBasis { Actual, Budget }

/// <summary>
/// One posting in a fund's books, in kr. Spending is positive; result payments received are positive too and
/// are subtracted in the economics table. Budget result payments are stated at 100 % effect (the business case).
/// Work in progress for issue #3: not yet stored.
/// </summary>
public sealed record LedgerEntry(
    int FiscalYear,
    LedgerKind Kind,
    LedgerBasis Basis,
    decimal Amount,
    string? Category = null,
    string? Investment = null,
    string? Text = null);
