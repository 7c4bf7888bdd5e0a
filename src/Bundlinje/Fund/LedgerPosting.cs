using Bundlinje.Common;

namespace Bundlinje.Fund;

public enum LedgerSource { Manual, Import, FollowUp }

/// <summary>
/// A stored posting in a fund's ledger, in kr. Append-only: never edited or deleted; a mistake is undone by a
/// reversing posting (<see cref="Reverses"/>) with a reason.
/// </summary>
public sealed class LedgerPosting : Entity, IAppendOnly
{
    string IAppendOnly.Refusal => "The ledger is append-only: post a reversing entry with a reason instead.";

    public int FundId { get; set; }
    public Fund? Fund { get; set; }
    public LedgerPot Pot { get; set; }
    public int FiscalYear { get; set; }
    public DateOnly EntryDate { get; set; }
    public LedgerKind Kind { get; set; }
    public LedgerBasis Basis { get; set; }
    public decimal Amount { get; set; }
    public string? Category { get; set; }
    public int? InvestmentId { get; set; }
    public Investments.Investment? Investment { get; set; }
    public string? Payer { get; set; }
    /// <summary>The outcome metric a commitment or payout is for (outcome fund).</summary>
    public string? Metric { get; set; }
    public LedgerSource Source { get; set; }
    public string? SourceReference { get; set; }
    public string? Text { get; set; }
    public int? Reverses { get; set; }
    public required string PostedBy { get; set; }
    public DateTimeOffset PostedAt { get; set; }

    public LedgerEntry ToEntry() =>
        new(FiscalYear, Kind, Basis, Amount, Category, Investment?.Key, Text, EntryDate, Pot) { PostingId = Id, Metric = Metric };
}
