using Bundlinje.Tests.Infrastructure;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Bundlinje.Tests.Publication.PublicSetup;

namespace Bundlinje.Tests.Browser;

/// <summary>The public pages in Chromium, as an anonymous visitor, in Danish and in English (switched with the page's own
/// link): axe finds no violation on the fund's page nor on an investment's page with results and their chart (the demo's
/// synthetic follow-ups give Flere kloge hænder an approved run).</summary>
public sealed class PublicPagesBrowserTests : ChromiumTest
{
    protected override IReadOnlyDictionary<string, string>? Settings =>
        new Dictionary<string, string> { ["Bundlinje:DemoFollowUps"] = "true" };

    [Fact]
    public async Task Axe_finds_no_violation_on_the_public_pages_in_danish_and_english()
    {
        var page = await App.PageAsync(1280, 900);
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

    /// <summary>The review as two secretariat members do it in the browser: a draft is not public (the visitor gets 404), the
    /// drafter has no approve button, a second person approves, and then the visitor sees the investment with its small
    /// count shown as "&lt;5" and its complement hidden.</summary>
    [Fact]
    public async Task In_the_browser_nothing_is_public_until_a_second_person_approves_and_a_small_count_shows_as_under_5()
    {
        var fundId = await FundIdAsync(App.Factory, "aarhus");
        var investment = await NewInvestmentAsync(App.Factory, fundId);
        await ApprovedRunAsync(App.Factory, investment, new DateOnly(2025, 6, 30), 15_000m, ("Hold 1", 20, 3), ("Hold 2", 40, 12));
        var publication = $"/Investments/{investment.Key}/Publication";
        var visitor = await App.PageAsync();
        var publicUrl = $"/Offentlig/aarhus/{investment.Key}";

        var drafter = await App.SignedInAsync(Drafter);
        await drafter.GotoAsync(publication);
        foreach (var field in new[] { "NameAndPurpose", "Results" })
        {
            await drafter.ClickAsync($"tr[data-field={field}] form[action*=Draft] button");
            await drafter.WaitForSelectorAsync($"tr[data-field={field}] td.pending span");
            Assert.Equal(0, await drafter.Locator($"tr[data-field={field}] form[action*=Approve]").CountAsync()); // not one's own
        }
        Assert.Equal(404, (await visitor.GotoAsync(publicUrl))!.Status); // drafted, not approved: not public
        Assert.DoesNotContain(investment.Name, await (await visitor.GotoAsync("/Offentlig/aarhus"))!.TextAsync());

        var approver = await App.SignedInAsync(Approver);
        await approver.GotoAsync(publication);
        foreach (var field in new[] { "NameAndPurpose", "Results" })
        {
            await approver.ClickAsync($"tr[data-field={field}] form[action*=Approve] button");
            await approver.WaitForSelectorAsync($"tr[data-field={field}] td.approved strong");
        }
        var response = await visitor.GotoAsync(publicUrl);
        Assert.Equal(200, response!.Status);
        var results = await visitor.Locator("#results-table").InnerTextAsync();
        Assert.Contains("<5", results, StringComparison.Ordinal);
        Assert.Contains("12", results, StringComparison.Ordinal); // the large cohort is shown
        Assert.DoesNotContain("\t3\t", results, StringComparison.Ordinal); // the small count itself is not
        Assert.Equal(0, await visitor.Locator("h2#capital").CountAsync()); // capital was never made public
        var axe = await visitor.RunAxe();
        Assert.True(axe.Violations.Length == 0, string.Join("\n", axe.Violations.Select(v => $"{v.Id}: {v.Help}")));
    }

}
