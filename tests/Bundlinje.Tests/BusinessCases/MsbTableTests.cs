using Bundlinje.BusinessCases;

namespace Bundlinje.Tests.BusinessCases;

/// <summary>The demo's business cases reproduce MSB's table "Økonomi – frem til 2030" (seeds/002: investment / decentral
/// repayment from MSB / decentral savings in MSB / net savings in MSB, mio. kr.) and the IPS investments' expected
/// municipal proceeds (domain.md §4), each to 0,1 mio. kr., priced from the demo's unit-price catalogue and index.</summary>
public sealed class MsbTableTests
{
    private static BusinessCaseResult Demo(string file)
    {
        var c = BusinessCaseFile.Read(DemoBusinessCases.Read($"Bundlinje.BusinessCases.Demo.{file}.json"));
        var catalogue = UnitPriceFile.ReadDemo();
        var prices = PriceBook.Resolve(c, catalogue.Prices(fundId: 1), catalogue.Index);
        return BusinessCaseMath.Compute(c, (o, q) => prices[o, q], DiscountRates.Ministry2021);
    }

    private static decimal Mio(decimal kroner) => decimal.Round(kroner / 1_000_000m, 1, MidpointRounding.AwayFromZero);

    private static bool MsbDecentral(BudgetHolder h) => h.Department == "MSB" && h.Decentral;

    [Theory]
    [InlineData("havnen", 16.0, 6.1, 7.3, 1.2)]
    [InlineData("hjem-job-og-helhed", 7.3, 2.2, 7.4, 5.2)]
    [InlineData("dialog-mod-vold", 4.7, 1.4, 1.4, 0.0)]
    [InlineData("laer-for-livet", 17.3, 4.4, 6.8, 2.4)]
    [InlineData("ungifokus", 14.4, 0.0, 0.0, 0.0)]
    public void The_demo_case_reproduces_msbs_table_to_2030(string file, double investment, double repayment, double savings, double net)
    {
        var result = Demo(file);
        var msb = result.Holders(MsbDecentral, throughYear: 2030);
        Assert.Equal((decimal)investment, Mio(result.Cost(throughYear: 2030)));
        Assert.Equal((decimal)repayment, Mio(msb.Repayment));
        Assert.Equal((decimal)savings, Mio(msb.Gross));
        Assert.Equal((decimal)net, Mio(msb.Net));
    }

    [Fact]
    public void Laer_for_livet_shows_more_over_its_full_horizon_to_2040()
    {
        var result = Demo("laer-for-livet");
        Assert.Equal(2040, result.Case.EndYear);
        Assert.True(result.Holders(MsbDecentral).Net > result.Holders(MsbDecentral, throughYear: 2030).Net);
    }

    [Theory]
    [InlineData("din-vej-i-job", 0.4, 7)]
    [InlineData("ips-plus", 0.1, 8)]
    public void The_ips_cases_reach_their_expected_municipal_proceeds_in_the_year_the_proposal_named(string file, double proceeds, int year)
    {
        var result = Demo(file);
        Assert.Equal((decimal)proceeds, Mio(result.Years[^1].CumulativeNet));
        Assert.Equal(year, result.Years.Count);
        Assert.Equal(result.Case.StartYear + year - 1, result.BreakEvenYear);
    }

    [Fact]
    public void Every_demo_case_says_what_it_assumes()
    {
        Assert.Equal(7, DemoBusinessCases.Files.Count);
        Assert.All(DemoBusinessCases.Files, f => Assert.NotEmpty(BusinessCaseFile.Read(DemoBusinessCases.Read(f)).Assumptions));
    }
}
