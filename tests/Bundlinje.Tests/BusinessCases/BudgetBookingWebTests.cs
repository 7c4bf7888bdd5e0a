using System.Net;
using System.Text.Json;
using Bundlinje.BusinessCases;
using Bundlinje.Fund;
using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Tests.BusinessCases;

/// <summary>A business case booked into its fund's budget through the page, end to end on each database: the economics table
/// at 100 % effect then shows the case's expected payments for the coming years, the check stops listing the investment,
/// unbooking restores the figures before, two bookings at once leave one, and expected against realised.</summary>
public abstract class BudgetBookingWebTests : IAsyncLifetime
{
    protected BundlinjeFactory Factory { get; private set; } = null!;
    protected abstract Task<BundlinjeFactory?> CreateFactoryAsync();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => Factory = (await CreateFactoryAsync())!;

    public async ValueTask DisposeAsync()
    {
        if (Factory is not null) await Factory.DisposeAsync();
    }

    private sealed record Case(int Id, int InvestmentId, IReadOnlyDictionary<int, decimal> Future, ComputedCase Computed, int ThisYear);

    /// <summary>The investment's current case and its expected payments per year after this year (the case's own figures).</summary>
    private async Task<Case> CaseAsync(string key, string part = "")
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.BundlinjeDb>();
        var cases = scope.ServiceProvider.GetRequiredService<Bundlinje.BusinessCases.BusinessCases>();
        var thisYear = DateOnly.FromDateTime(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetLocalNow().Date).Year;
        var investment = await db.Investments.AsNoTracking().Include(i => i.Fund).SingleAsync(i => i.Key == key, Ct);
        var stored = (await cases.CurrentAsync(investment, Ct)).Single(b => b.Part == part);
        var computed = await cases.ComputeAsync(investment, stored, Ct);
        var future = computed.Result.Payments.Where(p => p.Year > thisYear).GroupBy(p => p.Year)
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));
        return new(stored.Id, investment.Id, future, computed, thisYear);
    }

    /// <summary>The investment's result-payment row of the economics table at 100 % effect, per column after this year.</summary>
    private async Task<List<(EconomicsColumn Column, decimal Cell)>> EconomicsAsync(string key, int thisYear)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<FundEconomics>()
            .BuildAsync("aarhus", new EconomicsQuery(EffectPercent: 100),
            ct: Ct);
        var table = report.Table!;
        var row = table.Investments.Single(r => r.Kind == EconomicsRowKind.ResultPayment && r.Reference == key);
        return table.Columns.Select((c, i) => (c, row.Cells[i])).Where(x => x.c.FirstYear > thisYear).ToList();
    }

    private static void AssertEconomicsShow(IReadOnlyDictionary<int, decimal> expected, List<(EconomicsColumn Column, decimal Cell)> row)
    {
        Assert.NotEmpty(row);
        foreach (var (column, cell) in row)
            Assert.True(-expected.Where(e => e.Key >= column.FirstYear && e.Key <= column.LastYear).Sum(e => e.Value) == cell,
                $"{column.Label}: {cell}");
        Assert.Equal(expected.Values.Sum(), -row.Sum(r => r.Cell));
    }

    /// <summary>The case's booking postings that stand (neither reversed nor reversals).</summary>
    private List<LedgerPosting> Standing(int caseId) => Factory.With(db =>
    {
        var all = db.LedgerPostings.AsNoTracking()
            .Where(p => p.SourceReference != null && p.SourceReference.StartsWith($"businessCase:{caseId}/"))
            .ToList();
        var reversed = db.LedgerPostings.AsNoTracking().Where(p => p.Reverses != null).Select(p => p.Reverses!.Value).ToHashSet();
        return all.Where(p => p.Reverses is null && !reversed.Contains(p.Id) && char.IsDigit(p.SourceReference!.Split('/')[1][0])).ToList();
    });

    private async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string handler) =>
        await client.PostAsync($"{url}?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await Login.TokenAsync(client, "/Portfolio"),
        }), Ct);

    private async Task<bool> CheckListsAsync(HttpClient client, string key) =>
        (await client.GetStringAsync("/Funds/aarhus/BusinessCaseCheck", Ct)).Contains($"data-investment=\"{key}\"");

    [Fact]
    public async Task Booking_laer_for_livet_puts_its_expected_payments_in_the_economics_table_and_unbooking_restores_it()
    {
        if (Factory is null) return;
        var secretariat = await Login.AsAsync(Factory, Login.Email(Roles.Secretariat));
        var c = await CaseAsync("laer-for-livet");
        var url = $"/Investments/laer-for-livet/BusinessCases/{c.Id}/Budget";
        var before = await EconomicsAsync("laer-for-livet", c.ThisYear);
        Assert.NotEqual(c.Future.Values.Sum(), -before.Sum(r => r.Cell)); // the demo's hand-typed budget rows differ from the case
        Assert.True(await CheckListsAsync(secretariat, "laer-for-livet"));
        var page = await secretariat.GetStringAsync(url, Ct);
        Assert.Contains("Business casen er ikke bogført i budgettet.", page);
        Assert.Contains("id=\"draft-metrics\"", page);

        var booked = await PostAsync(secretariat, url, "Book");
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        AssertEconomicsShow(c.Future, await EconomicsAsync("laer-for-livet", c.ThisYear));
        Assert.False(await CheckListsAsync(secretariat, "laer-for-livet"));
        var standing = Standing(c.Id);
        Assert.Equal(c.Future.Count, standing.Count);
        Assert.All(standing,
            p => Assert.Equal((LedgerSource.BusinessCase, LedgerBasis.Budget, "MSB", $"businessCase:{c.Id}/{p.FiscalYear}/MSB"),
            (p.Source, p.Basis, p.Payer, p.SourceReference)));
        Assert.Contains("Business casen er bogført i budgettet.", await secretariat.GetStringAsync(url, Ct));
        // Audited with the save: every new posting has its audit entries.
        Assert.True(Factory.With(db => standing.All(p => db.AuditEntries.Any(a => a.EntityType == "LedgerPosting" && a.EntityId == p.Id))));

        // Booking again reverses the first booking first: still one booking, the same figures.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(secretariat, url, "Book")).StatusCode);
        AssertEconomicsShow(c.Future, await EconomicsAsync("laer-for-livet", c.ThisYear));
        var again = Standing(c.Id);
        Assert.Equal(c.Future.Count, again.Count);
        Assert.Empty(again.Select(p => p.Id).Intersect(standing.Select(p => p.Id)));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(secretariat, url, "Unbook")).StatusCode);
        Assert.Equal(before.Select(r => (r.Column.Label, r.Cell)),
            (await EconomicsAsync("laer-for-livet", c.ThisYear)).Select(r => (r.Column.Label, r.Cell)));
        Assert.Empty(Standing(c.Id));
        Assert.True(await CheckListsAsync(secretariat, "laer-for-livet"));
        // Unbooking what is not booked is refused with a message.
        var refused = await PostAsync(secretariat, url, "Unbook");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"business case {c.Id} er ikke bogført i budgettet", await refused.Content.ReadAsStringAsync(Ct));
        // And booked again after the unbooking, it stands once more.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(secretariat, url, "Book")).StatusCode);
        AssertEconomicsShow(c.Future, await EconomicsAsync("laer-for-livet", c.ThisYear));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(secretariat, url, "Unbook")).StatusCode);
        Assert.Equal(before.Select(r => (r.Column.Label, r.Cell)),
            (await EconomicsAsync("laer-for-livet", c.ThisYear)).Select(r => (r.Column.Label, r.Cell)));
    }

    [Fact]
    public async Task Two_bookings_at_once_leave_exactly_one_booking()
    {
        if (Factory is null) return;
        var (first, second) =
            (await Login.AsAsync(Factory, Login.Email(Roles.Secretariat)), await Login.AsAsync(Factory, Login.Email(Roles.Secretariat)));
        // UngiFokus has the demo's budget rows to reverse; Dialog mod Vold has none, so only the investment's version decides.
        foreach (var key in new[] { "ungifokus", "dialog-mod-vold", "dialog-mod-vold" })
        {
            var c = await CaseAsync(key);
            Assert.NotEmpty(c.Future);
            var url = $"/Investments/{key}/BusinessCases/{c.Id}/Budget";
            var forms = await Task.WhenAll(new[] { first, second }.Select(async client => (client, new FormUrlEncodedContent(
                new Dictionary<string, string> { ["__RequestVerificationToken"] = await Login.TokenAsync(client, "/Portfolio") }))));
            var responses = await Task.WhenAll(forms.Select(f => f.client.PostAsync($"{url}?handler=Book", f.Item2, Ct)));
            Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Redirect);
            foreach (var response in responses.Where(r => r.StatusCode != HttpStatusCode.Redirect))
                Assert.Contains("blev ændret af en anden samtidig", await response.Content.ReadAsStringAsync(Ct));
            Assert.Equal(c.Future.Count, Standing(c.Id).Count);
            AssertEconomicsShow(c.Future, await EconomicsAsync(key, c.ThisYear));
        }
    }

    [Fact]
    public async Task An_investment_run_as_parts_is_booked_part_by_part()
    {
        if (Factory is null) return;
        var secretariat = await Login.AsAsync(Factory, Login.Email(Roles.Secretariat));
        var (havnen, hjem) = (await CaseAsync("housing-first", "Havnen"), await CaseAsync("housing-first", "Hjem, Job og Helhed"));
        Assert.True(await CheckListsAsync(secretariat, "housing-first"));
        string Url(Case c) => $"/Investments/housing-first/BusinessCases/{c.Id}/Budget";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(secretariat, Url(havnen), "Book")).StatusCode);
        AssertEconomicsShow(havnen.Future, await EconomicsAsync("housing-first", havnen.ThisYear));
        Assert.True(await CheckListsAsync(secretariat, "housing-first")); // the other part is not booked yet
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(secretariat, Url(hjem), "Book")).StatusCode);
        var both = havnen.Future.Keys.Union(hjem.Future.Keys)
            .ToDictionary(y => y, y => havnen.Future.GetValueOrDefault(y) + hjem.Future.GetValueOrDefault(y));
        AssertEconomicsShow(both, await EconomicsAsync("housing-first", havnen.ThisYear));
        Assert.Equal((havnen.Future.Count, hjem.Future.Count), (Standing(havnen.Id).Count, Standing(hjem.Id).Count));
        Assert.False(await CheckListsAsync(secretariat, "housing-first"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(secretariat, Url(havnen), "Unbook")).StatusCode);
        AssertEconomicsShow(hjem.Future, await EconomicsAsync("housing-first", havnen.ThisYear));
        Assert.Empty(Standing(havnen.Id));
    }

    [Fact]
    public async Task A_council_member_may_read_but_not_book_and_another_investments_case_is_not_found()
    {
        if (Factory is null) return;
        var council = await Login.AsAsync(Factory, Login.Email(Roles.CouncilMember));
        var (laer, ungi) = (await CaseAsync("laer-for-livet"), await CaseAsync("ungifokus"));
        var url = $"/Investments/laer-for-livet/BusinessCases/{laer.Id}/Budget";
        var page = await council.GetStringAsync(url, Ct);
        Assert.DoesNotContain("id=\"book\"", page);
        var response = await PostAsync(council, url, "Book");
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden
            || response.Headers.Location?.OriginalString.Contains("/Account/AccessDenied")
            == true, $"{(int)response.StatusCode} {response.Headers.Location}");
        Assert.Empty(Standing(laer.Id));
        var secretariat = await Login.AsAsync(Factory, Login.Email(Roles.Secretariat));
        Assert.Equal(HttpStatusCode.NotFound,
            (await secretariat.GetAsync($"/Investments/laer-for-livet/BusinessCases/{ungi.Id}/Budget", Ct))
            .StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await PostAsync(secretariat, $"/Investments/laer-for-livet/BusinessCases/{ungi.Id}/Budget", "Book"))
            .StatusCode);
        Assert.Empty(Standing(ungi.Id));

        // The draft downloads as a payment model the secretariat can review; the store refuses the placeholder measure.
        var draft = await secretariat.GetAsync($"/Investments/ungifokus/BusinessCases/{ungi.Id}/Budget?handler=Draft", Ct);
        Assert.Equal("application/json", draft.Content.Headers.ContentType?.MediaType);
        var json = await draft.Content.ReadAsStringAsync(Ct);
        var model = Bundlinje.Payments.PaymentModelFile.Read(json);
        Assert.Equal(PaymentModelDraft.Placeholder, model.Metrics.Single().Measure);
        var stored = await secretariat.PostAsync("/Investments/ungifokus/FollowUp/Model",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["ModelJson"] = json, ["__RequestVerificationToken"] = await Login.TokenAsync(secretariat, "/Portfolio"),
            }), Ct);
        Assert.Contains("$.model.metrics[0].measure", await stored.Content.ReadAsStringAsync(Ct));
        Assert.Contains("VÆLG-MÅLING", (await secretariat.GetStringAsync($"/Investments/ungifokus/BusinessCases/{ungi.Id}/Budget", Ct))
            .Replace("&#xC6;", "Æ").Replace("&#xC5;", "Å"));
    }

    [Fact]
    public async Task Expected_payments_stand_against_the_approved_runs_with_a_chart()
    {
        if (Factory is null) return;
        Factory.Settings["Bundlinje:DemoFollowUps"] = "true"; // Dialog mod Vold's approved runs
        var council = await Login.AsAsync(Factory, Login.Email(Roles.CouncilMember));
        var c = await CaseAsync("dialog-mod-vold");
        var realised = Factory.With(db => (from o in db.PaymentObligations
                                           join i in db.Investments on o.InvestmentId equals i.Id
                                           where i.Key == "dialog-mod-vold" && db.FollowUpApprovals.Any(a => a.RunId == o.RunId)
                                           select new { o.Amount, o.PaidOn, o.DueOn }).ToList()
            .GroupBy(o => (o.PaidOn ?? o.DueOn)!.Value.Year).ToDictionary(g => g.Key, g => g.Sum(o => o.Amount)));
        Assert.NotEmpty(realised);
        var html = await council.GetStringAsync($"/Investments/dialog-mod-vold/BusinessCases/{c.Id}/Budget", Ct);
        var expected = c.Computed.Result.Payments.GroupBy(p => p.Year).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));
        var years = Enumerable.Range(c.Computed.Case.StartYear, c.Computed.Case.HorizonYears).Union(realised.Keys).ToList();
        foreach (var year in years)
            Assert.Contains($"<tr data-year=\"{year}\"><td>{year}</td><td class=\"number\">{Bundlinje.Common.Kroner.Exact(
                expected.GetValueOrDefault(year))}</td>"
                + $"<td class=\"number\">{Bundlinje.Common.Kroner.Exact(realised.GetValueOrDefault(year))}</td></tr>", html);
        Assert.Contains("<svg", html);
        Assert.Equal(years.Count, System.Text.RegularExpressions.Regex.Matches(html, "<rect class=\"realised\"").Count);
    }
}

public sealed class SqliteBudgetBookingWebTests : BudgetBookingWebTests
{
    protected override Task<BundlinjeFactory?> CreateFactoryAsync() => Task.FromResult<BundlinjeFactory?>(BundlinjeFactory.Sqlite());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresBudgetBookingWebTests(PostgresCluster cluster) : BudgetBookingWebTests
{
    protected override async Task<BundlinjeFactory?> CreateFactoryAsync()
    {
        if (cluster.Unavailable is { } reason) { Requirement.Missing(reason); return null; }
        return BundlinjeFactory.Postgres(await cluster.CreateDatabaseAsync());
    }
}
