using Bundlinje.Tests.Infrastructure;
using Deque.AxeCore.Playwright;

namespace Bundlinje.Tests.Browser;

/// <summary>The public pages in Chromium, as an anonymous visitor, in Danish and in English (switched with the page's own
/// link): axe finds no violation on the fund's page nor on an investment's page with results and their chart (the demo's
/// synthetic follow-ups give Flere kloge hænder an approved run).</summary>
public sealed class PublicPagesBrowserTests : IAsyncLifetime
{
    private ChromiumApp? app;

    public async ValueTask InitializeAsync() =>
        app = await ChromiumApp.StartAsync(new Dictionary<string, string> { ["Bundlinje:DemoFollowUps"] = "true" });

    public async ValueTask DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
    }

    [Fact]
    public async Task Axe_finds_no_violation_on_the_public_pages_in_danish_and_english()
    {
        if (app is null) { Requirement.Missing($"Chromium not found at {ChromiumApp.Chromium} (apt-get install chromium)."); return; }
        var page = await app.Browser.NewPageAsync(new() { BaseURL = app.BaseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });
        var violations = new List<string>();
        foreach (var language in new[] { "da", "en" })
        {
            if (language == "en")
            {
                await page.GotoAsync("/Offentlig/aarhus");
                await page.ClickAsync("#language");
                await page.WaitForURLAsync("**/Offentlig/aarhus");
            }
            foreach (var url in new[] { "/Offentlig/aarhus", "/Offentlig/aarhus/flere-kloge-haender" })
            {
                await page.GotoAsync(url);
                Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
                if (url.EndsWith("haender", StringComparison.Ordinal))
                    Assert.True(await page.Locator("figure.results-chart svg[role=img]").CountAsync() >= 1, "the results chart");
                var result = await page.RunAxe();
                Assert.NotEmpty(result.Passes); // axe ran its rules on the page
                violations.AddRange(result.Violations.Select(v =>
                    $"{language} {url}: {v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes.Select(n => n.Html))}"));
            }
        }
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
