using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;

namespace Bundlinje.Tests.Browser;

/// <summary>UngiFokus' page in Debian's Chromium on the demo data: the recruitment warning, the chart with its band, plan and
/// counts drawn, and the table. Screenshot in TestResults/screenshots.</summary>
public sealed class RecruitmentForecastBrowserTests : ChromiumTest
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Directory.CreateDirectory(Screenshots);
    }

    [Fact]
    public async Task Ungifokus_page_shows_the_recruitment_warning_and_the_forecast_chart()
    {
        var page = await App.SignedInAsync(Login.Email(Roles.CouncilMember), 1400, 1000);
        Assert.True(await page.Locator("[data-testid=forecast-warning-ungifokus]").IsVisibleAsync());

        await page.GotoAsync("/Investments/ungifokus");
        var warning = page.Locator("[data-testid=recruitment-warning]");
        Assert.True(await warning.IsVisibleAsync());
        Assert.Contains("Rekrutteringen når sandsynligvis ikke planen", await warning.InnerTextAsync(), StringComparison.Ordinal);
        var chart = page.Locator("[data-testid=recruitment-chart] svg");
        Assert.Equal("Prognose for rekruttering", await chart.GetAttributeAsync("aria-label"));
        // Drawn, not just present: the band, the plan line and the counts have a size on the screen.
        foreach (var part in new[] { "polygon.band", "polyline.plan", "polyline.mean", "circle.enrolled" })
        {
            var box = await page.Locator($"[data-testid=recruitment-chart] svg {part}").First.BoundingBoxAsync();
            Assert.True(box is { Width: > 0, Height: > 0 } || (part == "polyline.mean" && box is { Width: > 0 }), part);
        }
        Assert.True(await page.Locator("[data-testid=recruitment-table] tbody tr").CountAsync() > 1);
        await page.Locator("[data-testid=recruitment-forecast]").ScreenshotAsync(new()
        {
            Path = Path.Combine(Screenshots,
            "recruitment-forecast-ungifokus.png")
        });
    }
}
