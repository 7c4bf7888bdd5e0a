using Bundlinje.Common;

namespace Bundlinje.Fund;

/// <summary>A fiscal year whose accounts are closed: no actual postings can be added to it or reversed in it.</summary>
public sealed class ClosedFiscalYear : Entity
{
    public int FundId { get; set; }
    public int Year { get; set; }
    public required string ClosedBy { get; set; }
    public DateTimeOffset ClosedAt { get; set; }
}
