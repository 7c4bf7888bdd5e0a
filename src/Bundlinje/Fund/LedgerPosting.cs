using Bundlinje.Common;

namespace Bundlinje.Fund;

/// <summary>Where a posting comes from; <see cref="BusinessCase"/>: a business case booked into the budget
/// (<see cref="BusinessCases.BudgetBooking"/>). Stored as text.</summary>
public enum LedgerSource { Manual, Import, FollowUp, BusinessCase }

/// <summary>
/// A stored posting in a fund's ledger, in kr. Append-only: never edited or deleted; a mistake is undone by a
/// reversing posting (<see cref="Reverses"/>) with a reason.
/// </summary>
public sealed class LedgerPosting : Entity, IAppendOnly
{
    string IAppendOnly.Refusal => "The ledger is append-only: post a reversing entry with a reason instead.";

    public int FundId { get; init; }
    public Fund? Fund { get; init; }
    public LedgerPot Pot { get; init; }
    public int FiscalYear { get; init; }
    public DateOnly EntryDate { get; init; }
    public LedgerKind Kind { get; init; }
    public LedgerBasis Basis { get; init; }
    public decimal Amount { get; init; }
    public string? Category { get; init; }
    public int? InvestmentId { get; init; }
    public Investments.Investment? Investment { get; init; }
    public string? Payer { get; init; }
    /// <summary>The outcome metric a commitment or payout is for (outcome fund).</summary>
    public string? Metric { get; init; }
    public LedgerSource Source { get; init; }
    public string? SourceReference { get; init; }
    public string? Text { get; init; }
    public int? Reverses { get; init; }
    public required string PostedBy { get; init; }
    public DateTimeOffset PostedAt { get; init; }

    public LedgerEntry ToEntry() =>
        new(FiscalYear, Kind, Basis, Amount, Category, Investment?.Key, Text, EntryDate, Pot) { PostingId = Id, Metric = Metric };
}
