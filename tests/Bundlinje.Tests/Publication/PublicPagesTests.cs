using System.Net;
using System.Text;
using System.Text.Json;
using Bundlinje.Publication;
using Bundlinje.Tests.FollowUps;
using Bundlinje.Tests.Infrastructure;
using static Bundlinje.Tests.Publication.PublicSetup;

namespace Bundlinje.Tests.Publication;

public sealed class SqlitePublicPagesTests(SqliteDemoApp app) : PublicPagesTests(app), IClassFixture<SqliteDemoApp>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresPublicPagesTests(PostgresDemoApp app) : PublicPagesTests(app), IClassFixture<PostgresDemoApp>;

/// <summary>The anonymous public pages and open-data files over real HTTP on each database: they show what
/// <see cref="PublicFunds"/> gives and nothing else (404 for what is not published), suppressed counts stay "&lt;5" in the
/// files too, and the output cache never outlives an approval nor hands a signed-in user's page to a visitor.</summary>
public abstract class PublicPagesTests(DemoApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private BundlinjeFactory Factory
    {
        get
        {
            if (app.Unavailable is { } reason) Requirement.Missing(reason);
            return app.Factory;
        }
    }

    private async Task<string> GetAsync(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url, Ct);
        Assert.True(expected == response.StatusCode, $"{url}: {response.StatusCode}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>A new fund with one investment whose name, results and payments are approved public and whose capital is
    /// not, with an approved run that has a small count (3 of 20) beside a large one (12 of 40).</summary>
    private async Task<(Bundlinje.Fund.Fund Fund, Bundlinje.Investments.Investment Investment)> SmallCountsAsync()
    {
        var fund = await NewFundAsync(Factory);
        var investment = await NewInvestmentAsync(Factory, fund.Id);
        foreach (var field in new[] { PublicationField.NameAndPurpose, PublicationField.Results, PublicationField.Payments })
            await PublishAsync(Factory, investment, field);
        await ApprovedRunAsync(Factory, investment, new DateOnly(2025, 6, 30), 15_000m, ("Hold 1", 20, 3), ("Hold 2", 40, 12));
        return (fund, investment);
    }

    [Fact]
    public async Task The_demo_funds_pages_show_the_published_investments_in_danish_and_english_to_anyone()
    {
        using var visitor = Login.Anonymous(Factory);
        var fund = (await FundAsync(Factory, "aarhus"))!;
        var page = await GetAsync(visitor, "/Offentlig/aarhus");
        Assert.Contains($"<h1>{fund.Name}</h1>", page);
        Assert.All(fund.Investments, i => Assert.Contains($"href=\"/Offentlig/aarhus/{i.Key}\"", page));
        Assert.Contains(Bundlinje.Common.Kroner.Format(fund.Capital), page);
        Assert.DoesNotContain("/Portfolio", page); // no app navigation for a visitor
        Assert.DoesNotContain("__RequestVerificationToken", page);
        // The economics summary the council approved (the demo's decision of 24-04-2025), as frozen.
        Assert.Contains("id=\"approved-economics-decision\"", page);
        Assert.Contains(Bundlinje.Publication.EconomicsPublications.DemoDecidedOn.ToString("dd-MM-yyyy",
            System.Globalization.CultureInfo.InvariantCulture), page);

        var shown = (await InvestmentAsync(Factory, "aarhus", "flere-kloge-haender"))!;
        var investment = await GetAsync(visitor, "/Offentlig/aarhus/flere-kloge-haender");
        Assert.Contains("<h2 id=\"results\">Resultater over tid</h2>", investment);
        Assert.Contains("role=\"img\"", investment); // the chart, with the table as its text
        var line = shown.Results![0].Results[0];
        Assert.Contains($"<td class=\"number\">{line.Achieved}</td>", investment);
        Assert.Contains(shown.PaymentModel![0], investment);

        var english = await GetAsync(visitor, "/Language?culture=en&returnUrl=%2FOffentlig%2Faarhus", HttpStatusCode.Redirect);
        Assert.NotNull(english);
        var en = await GetAsync(visitor, "/Offentlig/aarhus/flere-kloge-haender");
        Assert.Contains("<html lang=\"en\">", en);
        Assert.Contains("Results over time", en);
        Assert.Contains((await InvestmentAsync(Factory, "aarhus", "flere-kloge-haender", "en"))!.PaymentModel![0], en);
        Assert.Contains("<html lang=\"da\">", await GetAsync(Login.Anonymous(Factory), "/Offentlig/aarhus/flere-kloge-haender"));
    }

    [Fact]
    public async Task What_is_not_published_is_404_and_a_private_field_group_has_no_section()
    {
        using var visitor = Login.Anonymous(Factory);
        await GetAsync(visitor, "/Offentlig/no-such-fund", HttpStatusCode.NotFound);
        await GetAsync(visitor, "/Offentlig/no-such-fund/data/results.csv", HttpStatusCode.NotFound);
        await GetAsync(visitor, "/Offentlig/aarhus/data/participants.csv", HttpStatusCode.NotFound);
        var (fund, investment) = await SmallCountsAsync();
        await GetAsync(visitor, $"/Offentlig/aarhus/{investment.Key}", HttpStatusCode.NotFound); // another fund's investment
        var hidden = await NewInvestmentAsync(Factory, fund.Id);
        await GetAsync(visitor, $"/Offentlig/{fund.Key}/{hidden.Key}", HttpStatusCode.NotFound); // nothing approved
        var page = await GetAsync(visitor, $"/Offentlig/{fund.Key}/{investment.Key}");
        Assert.Contains("id=\"results\"", page);
        Assert.DoesNotContain("id=\"capital\"", page); // capital is not public
        Assert.DoesNotContain("id=\"target-group\"", page);
        Assert.DoesNotContain(hidden.Name, await GetAsync(visitor, $"/Offentlig/{fund.Key}"));
    }

    [Fact]
    public async Task A_small_count_shows_as_under_5_on_the_page_and_in_the_files_and_the_total_cannot_reveal_it()
    {
        var (fund, investment) = await SmallCountsAsync();
        using var visitor = Login.Anonymous(Factory);
        var page = await GetAsync(visitor, $"/Offentlig/{fund.Key}/{investment.Key}");
        Assert.Contains("<td class=\"number\"><5</td>", page);
        Assert.Contains("<td class=\"number\">x</td>", page);
        Assert.DoesNotContain("<td class=\"number\">17</td>", page);

        var csv = await visitor.GetByteArrayAsync($"/Offentlig/{fund.Key}/data/results.csv", Ct);
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("investment;asOf;approvedOn;metric;cohort;achieved;notAchieved;eligible", lines[0]);
        Assert.Equal([$"{investment.Key};2025-06-30;2025-07-14;I beskæftigelse;Hold 1;<5;x;20",
            $"{investment.Key};2025-06-30;2025-07-14;I beskæftigelse;Hold 2;12;28;40"], lines[1..]);
        var json = JsonDocument.Parse(await visitor.GetStringAsync($"/Offentlig/{fund.Key}/data/results.json", Ct)).RootElement;
        Assert.Equal(fund.Key, json.GetProperty("fund").GetProperty("key").GetString());
        var rows = json.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(("<5", "x", "20"), (rows[0].GetProperty("achieved").GetString(), rows[0].GetProperty("notAchieved").GetString(),
            rows[0].GetProperty("eligible").GetString()));
        Assert.DoesNotContain("17", json.GetProperty("rows").GetRawText(), StringComparison.Ordinal);

        var payments = await visitor.GetStringAsync($"/Offentlig/{fund.Key}/data/payments.csv", Ct);
        Assert.EndsWith($"{investment.Key};2025-06-30;SFB;15000;;DKK\r\n", payments);
        // Capital is not public: the investments file has an empty cell where the page shows nothing.
        var investments = await visitor.GetStringAsync($"/Offentlig/{fund.Key}/data/investments.csv", Ct);
        Assert.Contains($"{investment.Key};{investment.Name};InDevelopment;;;;;;;;15000;DKK", investments);
        var listed = JsonDocument.Parse(await visitor.GetStringAsync($"/Offentlig/{fund.Key}/data/investments.json", Ct))
            .RootElement.GetProperty("rows")[0];
        Assert.False(listed.TryGetProperty("capital", out _));
        Assert.False(listed.TryGetProperty("parties", out _));
    }

    [Fact]
    public async Task The_demo_files_hold_exactly_the_rows_the_pages_show()
    {
        using var visitor = Login.Anonymous(Factory);
        var fund = (await FundAsync(Factory, "aarhus"))!;
        var investments = await visitor.GetStringAsync("/Offentlig/aarhus/data/investments.csv", Ct);
        Assert.Equal(fund.Investments.Select(i => i.Key), investments.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => l.Split(';')[0]));
        var results = JsonDocument.Parse(await visitor.GetStringAsync("/Offentlig/aarhus/data/results.json", Ct)).RootElement;
        var expected = new List<string>();
        foreach (var i in fund.Investments)
        {
            var shown = (await InvestmentAsync(Factory, "aarhus", i.Key))!;
            var page = await GetAsync(visitor, $"/Offentlig/aarhus/{i.Key}");
            foreach (var run in shown.Results ?? [])
                foreach (var r in run.Results)
                {
                    Assert.Contains($"<td class=\"number\">{r.Achieved}</td>", page);
                    expected.Add($"{i.Key}/{run.AsOf:yyyy-MM-dd}/{r.Metric}/{r.Cohort}/{OpenData.Count(r.Achieved)}/{OpenData.Count(
                        r.Eligible)}");
                }
        }
        Assert.NotEmpty(expected);
        Assert.Equal(expected, results.GetProperty("rows").EnumerateArray().Select(r => string.Join('/', r.GetProperty("investment"),
            r.GetProperty("asOf"), r.GetProperty("metric"), r.GetProperty("cohort"), r.GetProperty("achieved"),
                r.GetProperty("eligible"))));
    }

    [Fact]
    public async Task A_long_list_is_paged_each_page_cached_apart_and_a_page_that_does_not_exist_is_404()
    {
        var fund = await NewFundAsync(Factory);
        var size = Bundlinje.Web.Pages.Offentlig.IndexModel.PageSize;
        var keys = new List<string>();
        for (var n = 0; n <= size; n++)
        {
            var investment = await NewInvestmentAsync(Factory, fund.Id);
            await PublishAsync(Factory, investment, PublicationField.NameAndPurpose);
            keys.Add(investment.Key);
        }
        using var visitor = Login.Anonymous(Factory);
        int Links(string page) => keys.Count(k => page.Contains($"href=\"/Offentlig/{fund.Key}/{k}\"", StringComparison.Ordinal));
        var first = await GetAsync(visitor, $"/Offentlig/{fund.Key}");
        Assert.Equal(size, Links(first));
        Assert.Contains($"<dd>{size + 1}</dd>", first); // the count and capital are of the whole list
        Assert.Contains($"href=\"/Offentlig/{fund.Key}?side=2#investments\"", first);
        var second = await GetAsync(visitor, $"/Offentlig/{fund.Key}?side=2");
        Assert.Equal(1, Links(second)); // not page 1 from the cache
        Assert.Equal(size, Links(await GetAsync(visitor, $"/Offentlig/{fund.Key}?side=1&x=1")));
        foreach (var bad in new[] { "3", "0", "-1", "abc", "99999999999" })
            await GetAsync(visitor, $"/Offentlig/{fund.Key}?side={bad}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_cached_page_is_served_without_the_database_and_changes_at_once_when_a_publication_is_approved()
    {
        var fundId = await FundIdAsync(Factory, "aarhus");
        var (pending, direct) = (await NewInvestmentAsync(Factory, fundId), await NewInvestmentAsync(Factory, fundId));
        await PublishAsync(Factory, pending, PublicationField.NameAndPurpose, approve: false);
        using var visitor = Login.Anonymous(Factory);
        var first = await visitor.GetAsync("/Offentlig/aarhus", Ct);
        Assert.False(first.Headers.Contains("Set-Cookie")); // a response that sets a cookie would not be cached
        Assert.DoesNotContain(pending.Name, await first.Content.ReadAsStringAsync(Ct));

        // Approved behind the page's back (the service, no eviction): the cached copy is served, with no database command.
        await PublishAsync(Factory, direct, PublicationField.NameAndPurpose);
        using (var counter = new Bundlinje.Tests.Web.ScaleWebTests.CommandCounter())
        {
            var (status, commands) = await counter.CountAsync(visitor, "/Offentlig/aarhus");
            Assert.Equal((HttpStatusCode.OK, 0), (status, commands));
        }
        Assert.DoesNotContain(direct.Name, await GetAsync(visitor, "/Offentlig/aarhus"));

        // Approved on the Publication page: the fund's public pages change at once, not minutes later.
        using var approver = await Login.AsAsync(Factory, Approver);
        var form = new Dictionary<string, string>
        {
            ["field"] = "NameAndPurpose", ["revision"] = "1",
            ["__RequestVerificationToken"] = await Login.TokenAsync(approver, $"/Investments/{pending.Key}/Publication"),
        };
        var approved = await approver.PostAsync($"/Investments/{pending.Key}/Publication?handler=Approve", new FormUrlEncodedContent(form),
            Ct);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var now = await GetAsync(visitor, "/Offentlig/aarhus");
        Assert.Contains(pending.Name, now);
        Assert.Contains(direct.Name, now);
        Assert.Contains(pending.Key, await visitor.GetStringAsync("/Offentlig/aarhus/data/investments.csv", Ct));
    }

    [Fact]
    public async Task A_signed_in_users_page_never_reaches_a_visitor_and_is_never_served_from_the_cache()
    {
        var email = Login.Email(Bundlinje.Security.Roles.Secretariat);
        using var user = await Login.AsAsync(Factory, email);
        using var visitor = Login.Anonymous(Factory);
        var keys = (await FundAsync(Factory, "aarhus"))!.Investments.Select(i => i.Key).Take(2).ToList();
        // signed in first: the user's page (with the way back to the app) is not stored for the visitor
        var mine = await GetAsync(user, $"/Offentlig/aarhus/{keys[0]}");
        Assert.Contains("data-testid=\"user\"", mine);
        Assert.Contains("href=\"/Portfolio\"", mine);
        var theirs = await GetAsync(visitor, $"/Offentlig/aarhus/{keys[0]}");
        Assert.DoesNotContain(email, theirs);
        Assert.DoesNotContain("href=\"/Portfolio\"", theirs);
        // the visitor first: the cached copy is not served to the signed-in user
        Assert.DoesNotContain(email, await GetAsync(visitor, $"/Offentlig/aarhus/{keys[1]}"));
        Assert.Contains(email, await GetAsync(user, $"/Offentlig/aarhus/{keys[1]}"));
        Assert.DoesNotContain(email, await GetAsync(visitor, $"/Offentlig/aarhus/{keys[1]}"));
    }
}
