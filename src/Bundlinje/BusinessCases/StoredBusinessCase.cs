using Bundlinje.Common;

namespace Bundlinje.BusinessCases;

/// <summary>A saved business case: a new row per save (the history), the latest per investment, agreement version and
/// part is the current one. <see cref="Revision"/> counts the saves of that case from 1 and is unique with it, so two
/// saves at once cannot both become revision n.</summary>
public sealed class StoredBusinessCase : Entity, IPartOfInvestment
{
    public int InvestmentId { get; set; }
    public int AgreementVersion { get; set; }
    /// <summary>"" for the whole investment, else the part (sub-project) the case is for.</summary>
    public string Part { get; set; } = "";
    public int Revision { get; set; }
    public required string Json { get; set; }
    public required string Hash { get; set; }
    public required string SavedBy { get; set; }
    public DateTimeOffset SavedAt { get; set; }

    public BusinessCase Case => BusinessCaseFile.Read(Json);
}

/// <summary>A unit price in a fund's catalogue: what one unit of a service costs the budget holder (kr. at
/// <see cref="PriceYear"/> prices), with where the price comes from (SØM's knowledge base, a department's own figures).</summary>
public sealed class UnitPrice : Entity
{
    public int FundId { get; set; }
    /// <summary>The code a consequence refers to ("herberg-doegn"); unique within the fund.</summary>
    public required string Code { get; set; }
    public required string Service { get; set; }
    public required string Unit { get; set; }
    public decimal Price { get; set; }
    public int PriceYear { get; set; }
    public required string Source { get; set; }
    public string? Department { get; set; }
    public PublicLevel Level { get; set; }
}

/// <summary>A fund's price index (e.g. Statistics Denmark's PL index for service): a price of year a is moved to year b
/// as price × index(b) / index(a).</summary>
public sealed class PriceIndex : Entity
{
    public int FundId { get; set; }
    public int Year { get; set; }
    public decimal Value { get; set; }
}
