using Bundlinje.BusinessCases;
using Bundlinje.Common;

namespace Bundlinje.Tests.BusinessCases;

/// <summary>Where a consequence's unit price comes from: the fund's catalogue moved by the index, or the case's own.</summary>
public sealed class PriceBookTests
{
    private static BusinessCase Case(Consequence q) => new("x", 1, null, "X", 2024, 3, 2024, null, [new YearCount(2024, 10)], [],
        [new BudgetHolder("k", "MSB", true, PublicLevel.Municipality, CeilingType.Service, true)],
        [new Outcome("o", "O", 0.5m, 0, 1, 0.5m, [q])], []);

    private static readonly UnitPrice Night = new()
    {
        FundId = 1, Code = "nat", Service = "Herbergsdøgn", Unit = "døgn", Price = 1_000m, PriceYear = 2023, Source = "test",
    };

    [Fact]
    public void A_catalogue_price_is_moved_to_the_case_price_year_by_the_index()
    {
        var prices = PriceBook.Resolve(Case(new Consequence("Herbergsdøgn", "døgn", -1m, "k", PriceCode: "nat")), [Night],
            new Dictionary<int, decimal> { [2023] = 110.0m, [2024] = 112.6m });
        // 1.000 × 112,6 / 110,0 = 1.023,636… → 1.023,64
        Assert.Equal(1_023.64m, prices[0, 0]);
        Assert.Equal("catalogue:nat (2023 → 2024)", prices.Sources[0][0]);
    }

    [Fact]
    public void A_missing_code_or_index_year_is_refused_at_the_consequence()
    {
        var unknown = Assert.Throws<Refused>(() => PriceBook.Resolve(
            Case(new Consequence("Herbergsdøgn", "døgn", -1m, "k", PriceCode: "ukendt")), [Night], new Dictionary<int, decimal>()));
        Assert.Equal(("$.case.outcomes[0].consequences[0].priceCode", "businessCase.unknownPriceCode"), (unknown.Field, unknown.Code));
        var noIndex = Assert.Throws<Refused>(() => PriceBook.Resolve(
            Case(new Consequence("Herbergsdøgn", "døgn", -1m, "k", PriceCode: "nat")), [Night],
                new Dictionary<int, decimal> { [2024] = 1m }));
        Assert.Equal("businessCase.noPriceIndex", noIndex.Code);
    }

    [Fact]
    public void An_own_price_replacing_the_catalogues_needs_a_reason_and_is_shown_as_an_override()
    {
        var withoutReason = new Consequence("Herbergsdøgn", "døgn", -1m, "k", UnitPrice: 900m, PriceCode: "nat");
        Assert.Contains(BusinessCaseFile.Problems(Case(withoutReason)),
            p => p.Code == "businessCase.overrideNeedsReason" && p.Field == "$.case.outcomes[0].consequences[0].overrideReason");
        var prices = PriceBook.Resolve(Case(withoutReason with { OverrideReason = "aftalt pris" }), [Night],
            new Dictionary<int, decimal>());
        Assert.Equal((900m, "override: aftalt pris"), (prices[0, 0], prices.Sources[0][0]));
    }
}
