using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Bundlinje.Tests.Browser;

/// <summary>The annual report's preview in Debian's Chromium: the secretariat follows a text's edit link, writes the foreword,
/// comes back to it in the preview; a generated figure of the economics table links to where it comes from; the fact
/// sheet's preview prints as a landscape page. Screenshots in TestResults/screenshots.</summary>
public sealed class ReportBrowserTests : ChromiumTest
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Directory.CreateDirectory(Screenshots);
    }

    [Fact]
    public async Task Secretariat_writes_the_foreword_in_the_preview_and_follows_a_figure_to_its_source()
    {
        var page = await App.SignedInAsync(Login.Email(Roles.Secretariat), 1400, 1000);

        await page.GotoAsync("/Funds/aarhus/Reports");
        await page.ClickAsync("a[href='/Funds/aarhus/Reports/Annual/2024']");
        await page.WaitForSelectorAsync("#report-preview");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "annual-report-preview.png"), FullPage = false });
        await page.ClickAsync("#report-preview a[href*='field=forord']");
        await page.WaitForURLAsync("**/Reports/Narrative**");
        await page.FillAsync("#Text", "Rådet har i 2024 fulgt 11 investeringer.\n\nTak til alle parter.");
        await page.ClickAsync("#narrative-form button[type=submit]");
        await page.WaitForURLAsync("**/Reports/Annual/2024**");
        var preview = await page.InnerTextAsync("#report-preview");
        Assert.Contains("Rådet har i 2024 fulgt 11 investeringer.", preview, StringComparison.Ordinal);
        Assert.Contains("Tak til alle parter.", preview, StringComparison.Ordinal);

        var source = page.Locator("#report-preview table a[href*='/Ledger']").First;
        var href = await source.GetAttributeAsync("href");
        await source.ClickAsync();
        await page.WaitForURLAsync("**/Funds/aarhus/Ledger**");
        Assert.Equal(200, (await page.GotoAsync(href!))!.Status);
    }
}
