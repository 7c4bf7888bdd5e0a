using Bundlinje.Forecasts.Simulation;
using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Bundlinje.Tests.Browser;

/// <summary>The economics page's "Usikkerhed" section in Chromium on the demo: the form runs the simulation, the fan chart,
/// its table, the probabilities, the room and the ranking render, with the service's own figures.</summary>
public sealed class SimulationBrowserTests : ChromiumTest
{
    [Fact]
    public async Task The_council_runs_the_simulation_on_the_economics_page_and_sees_the_fan_chart_the_room_and_the_ranking()
    {
        var page = await App.SignedInAsync(Login.Email(Roles.CouncilMember), 1400, 1100);
        // 10.000 scenarios in a Debug build while the rest of the suite runs on the same 2 cores: not a timing check.
        page.SetDefaultTimeout(120_000);

        await page.GotoAsync("/Funds/aarhus/Economics");
        Assert.Equal("10000", await page.InputValueAsync("#Scenarios"));
        await page.FillAsync("#Seed", "7");
        await page.ClickAsync("#simulate");
        await page.WaitForURLAsync("**simulate=true**");
        await page.WaitForSelectorAsync("#fan-chart svg");

        FundSimulationReport expected;
        await using (var scope = App.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Data.BundlinjeDb>();
            var fund = await db.Funds.AsNoTracking().SingleAsync(f => f.Key == "aarhus", TestContext.Current.CancellationToken);
            expected = await scope.ServiceProvider.GetRequiredService<FundSimulations>()
                .RunAsync(fund, new SimulationRequest(10_000, 7), TestContext.Current.CancellationToken);
        }
        var result = expected.Result;
        Assert.Equal(result.PBelowZero.ToString("P1", Common.Kroner.Danish), await page.InnerTextAsync("#p-below-zero"));
        Assert.Equal(Common.Kroner.Format(result.Room), await page.InnerTextAsync("#room-at-confidence"));
        Assert.Equal(Common.Kroner.Format(result.DeterministicRoom!.Amount), await page.InnerTextAsync("#room-today"));
        var budgetYears = result.Years.Where(y => !y.Column.IsActual).ToList();
        Assert.Equal(budgetYears.Count, await page.Locator("#simulation-table tbody tr").CountAsync());
        Assert.Equal(Common.Kroner.Thousands(budgetYears[0].P50),
            await page.InnerTextAsync("#simulation-table tbody tr:first-child td:nth-child(4)"));
        Assert.Equal(result.Ranking[0].Name, await page.InnerTextAsync("#simulation-ranking tbody tr:first-child th"));
        Assert.Equal(2, await page.Locator("#fan-chart svg polyline").CountAsync()); // P50 and the table's balance
        Assert.Equal(1, await page.Locator("#fan-chart svg polygon.band").CountAsync());
        Assert.NotEmpty(await page.InnerTextAsync("#fan-chart figcaption"));
        Assert.Equal(5, await page.Locator("#simulation-method li").CountAsync());
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots"));
        await page.Locator("#uncertainty").ScreenshotAsync(new()
        {
            Path = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots", "economics-uncertainty.png"),
        });
    }
}
