using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Bundlinje.Tests.Operations;

/// <summary>Chromium enforces the Content-Security-Policy: the main pages, DKFDS's script and the economics what-if script
/// run without a single violation reported in the console.</summary>
public sealed class ContentSecurityPolicyBrowserTests : ChromiumTest
{
    [Fact]
    public async Task The_main_pages_run_under_the_policy_without_violations()
    {
        var page = await App.Browser.NewPageAsync(new() { BaseURL = App.BaseUrl });
        var violations = new List<string>();
        page.Console += (_,
            message) =>
        { if (message.Text.Contains("Content Security Policy")) violations.Add($"{page.Url}: {message.Text}"); };
        await page.GotoAsync("/Proposals/New");
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Email", Login.Email(Roles.CouncilMember));
        await page.FillAsync("#Password", Data.DemoData.Password);
        await page.ClickAsync("button[type=submit].button-primary");
        await page.WaitForURLAsync("**/Portfolio");
        foreach (var url in new[] { "/Investments/dialog-mod-vold", "/Funds/aarhus/Ledger", "/Investments/ungifokus/FollowUp",
            "/Funds/aarhus/Proposals" })
            await page.GotoAsync(url);
        await page.GotoAsync("/Funds/aarhus/Economics");
        await page.FillAsync("#Effect", "100");
        await page.DispatchEventAsync("#Effect", "change");
        await page.WaitForURLAsync("**effect=100**"); // what-if.js (from 'self') still submits the form
        Assert.True(await page.EvalOnSelectorAsync<int>("#balance-chart", "img => img.naturalWidth") > 0,
            "the SVG chart loads under img-src 'self'");
        Assert.Empty(violations);
    }
}
