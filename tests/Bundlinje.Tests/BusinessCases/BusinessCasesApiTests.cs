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

    private async Task<(HttpStatusCode Status, string Html)> EditFundAsync(HttpClient client, params (string Key, string Value)[] fields)
    {
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await Login.TokenAsync(client, "/Funds/Edit/aarhus"), ["Name"] = "Aarhus",
            ["HorizonYears"] = "10", ["BudgetEffectPercent"] = "80", ["Currency"] = "DKK",
            ["Version"] = factory.With(db => db.Funds.Single(f => f.Key == "aarhus").Version).ToString(),
        };
        foreach (var (key, value) in fields) form[key] = value;
        var response = await client.PostAsync("/Funds/Edit/aarhus", new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_secretariat_sets_the_funds_discount_rates_and_the_cases_are_discounted_at_them()
    {
        var client = await Login.AsAsync(factory, Login.Email(Roles.Secretariat));
        var (status, html) = await EditFundAsync(client, ("DiscountShort", "fire"), ("SensitivityStep", "95"));
        Assert.Equal(HttpStatusCode.OK, status);
        html = WebUtility.HtmlDecode(html);
        Assert.Contains("Diskonteringsrente år 0-35: 'fire' er ikke en procentsats mellem 0 og 20 %.", html);
        Assert.Contains("Følsomhedens skridt: '95' er ikke en procentsats mellem 1 og 90 %.", html);
        Assert.Equal(0.035m, factory.With(db => db.Funds.Single(f => f.Key == "aarhus").DiscountRateShort));

        (status, _) = await EditFundAsync(client, ("DiscountShort", "4"), ("DiscountMedium", "3,0"), ("DiscountLong", "0"),
            ("SensitivityStep", "10"));
        Assert.Equal(HttpStatusCode.Redirect, status);
        var fund = factory.With(db => db.Funds.Single(f => f.Key == "aarhus"));
        Assert.Equal((0.04m, 0.03m, 0m, 0.10m),
            (fund.DiscountRateShort, fund.DiscountRateMedium, fund.DiscountRateLong, fund.SensitivityStep));

        var json = await client.GetStringAsync("/api/investments/dialog-mod-vold/business-cases", TestContext.Current.CancellationToken);
        var first = JsonDocument.Parse(json).RootElement[0];
        var net = first.GetProperty("years").EnumerateArray().Select(y => y.GetProperty("net").GetDecimal()).ToList();
        Assert.Equal(new DiscountRates(0.04m, 0.03m, 0m).PresentValue(net), first.GetProperty("netPresentValue").GetDecimal());
    }
}
