using System.Net;
using System.Text.Json;
using Bundlinje.BusinessCases;
using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;

namespace Bundlinje.Tests.BusinessCases;

/// <summary>/api/investments/{key}/business-cases: the computed cases for analysts, the same figures the domain computes.</summary>
public sealed class BusinessCasesApiTests : IAsyncLifetime
{
    private BundlinjeFactory factory = null!;

    public ValueTask InitializeAsync()
    {
        factory = BundlinjeFactory.Sqlite();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task The_housing_first_parts_come_with_their_yearly_table_break_even_and_present_value()
    {
        var client = await Login.AsAsync(factory, Login.Email(Roles.DepartmentAnalyst));
        var response = await client.GetAsync("/api/investments/housing-first/business-cases", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var cases = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["Havnen", "Hjem, Job og Helhed"], cases.Select(c => c.GetProperty("part").GetString()));

        var file = BusinessCaseFile.Read(DemoBusinessCases.Read("Bundlinje.BusinessCases.Demo.havnen.json"));
        var catalogue = UnitPriceFile.ReadDemo();
        var prices = PriceBook.Resolve(file, catalogue.Prices(1), catalogue.Index);
        var expected = BusinessCaseMath.Compute(file, (o, q) => prices[o, q], DiscountRates.Ministry2021);
        var havnen = cases[0];
        Assert.Equal(expected.NetPresentValue, havnen.GetProperty("netPresentValue").GetDecimal());
        Assert.Equal(expected.Years.Select(y => y.CumulativeNet),
            havnen.GetProperty("years").EnumerateArray().Select(y => y.GetProperty("cumulativeNet").GetDecimal()));
        Assert.Equal(0.035m, havnen.GetProperty("discountRates").GetProperty("short").GetDecimal());
    }
}
