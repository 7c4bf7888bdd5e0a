using Bundlinje.BusinessCases;
using Bundlinje.Tests.Infrastructure;

namespace Bundlinje.Tests.BusinessCases;

/// <summary>Fund B's (<see cref="SecondFund"/>) business case for its investment and a unit price in its catalogue, for
/// the cross-fund attacks on the business-case and catalogue pages. Rows are inserted directly, as SecondFund's are.</summary>
public sealed record SecondFundCases(int CaseId, int UnitPriceId)
{
    public static BusinessCase Case => new(SecondFund.Investment, 1, null, "Kystcasen", 2024, 5, 2024, "Kystens borgere",
        [new(2024, 10)], [new(2024, 100_000m, "Fond B")],
        [new("kyst", SecondFund.Organisation, true, PublicLevel.Municipality, CeilingType.Service, true)],
        [new("bolig", "Bolig", 0.5m, 1, 2, 0.5m, [new("Herbergsdøgn", "døgn", -10m, "kyst", UnitPrice: 500m)])],
        ["Fund B's test case."]);

    public static async Task<SecondFundCases> CreateAsync(BundlinjeFactory factory, SecondFund b) => await factory.WithAsync(async db =>
    {
        var stored = new StoredBusinessCase
        {
            InvestmentId = b.InvestmentId, AgreementVersion = 1, Part = "", Revision = 1, Json = BusinessCaseFile.Write(Case),
            Hash = BusinessCaseFile.Hash(Case), SavedBy = "test", SavedAt = DateTimeOffset.UtcNow,
        };
        var price = new UnitPrice
        {
            FundId = b.FundId, Code = "kyst-doegn", Service = "Kystdøgn", Unit = "døgn", Price = 500m, PriceYear = 2024, Source = "test",
        };
        db.AddRange(stored, price);
        await db.SaveChangesAsync();
        return new SecondFundCases(stored.Id, price.Id);
    });
}
