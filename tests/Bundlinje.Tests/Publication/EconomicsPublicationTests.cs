using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Bundlinje.Common;
using Bundlinje.Data;
using Bundlinje.Fund;
using Bundlinje.Investments;
using Bundlinje.Publication;
using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;
using Bundlinje.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Tests.Publication;

/// <summary>The real app in demo mode (without the synthetic follow-ups) on one database for the class.</summary>
public abstract class EconomicsPublicationApp : IAsyncLifetime
{
    private BundlinjeFactory? factory;
    public BundlinjeFactory Factory => factory ?? throw new InvalidOperationException("No database.");
    public string? Unavailable { get; protected set; }
    protected abstract Task<BundlinjeFactory?> CreateAsync();

    public async ValueTask InitializeAsync()
    {
        factory = await CreateAsync();
        if (factory is not null) _ = factory.Services; // migrates and loads the demo
    }

    public async ValueTask DisposeAsync()
    {
        if (factory is not null) await factory.DisposeAsync();
    }
}

public sealed class SqliteEconomicsPublicationApp : EconomicsPublicationApp
{
    protected override Task<BundlinjeFactory?> CreateAsync() => Task.FromResult<BundlinjeFactory?>(BundlinjeFactory.Sqlite());
}

public sealed class PostgresEconomicsPublicationApp(PostgresCluster cluster) : EconomicsPublicationApp
{
    protected override async Task<BundlinjeFactory?> CreateAsync()
    {
        if (cluster.Unavailable is { } reason) { Unavailable = reason; return null; }
        return BundlinjeFactory.Postgres(await cluster.CreateDatabaseAsync());
    }
}

public sealed class SqliteEconomicsPublicationTests(SqliteEconomicsPublicationApp app) : EconomicsPublicationTests(app),
    IClassFixture<SqliteEconomicsPublicationApp>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresEconomicsPublicationTests(PostgresEconomicsPublicationApp app) : EconomicsPublicationTests(app),
    IClassFixture<PostgresEconomicsPublicationApp>;

/// <summary>The council approves the economics summary for publication, on each database: a council member of the fund
/// records the decision on the page and the summary is frozen with its digests; the secretariat sees the status but cannot
/// approve, another fund's council member is refused, and nothing is written; two approvals at once save one; a changed
/// ledger does not change the approved snapshot (a later decision supersedes it, the history is kept); absurd input is
/// refused at its field; the demo has the 2024 summary approved once. Each test has a fund of its own
/// (<see cref="NewFundAsync"/>), with a secretariat and a council member.</summary>
public abstract partial class EconomicsPublicationTests(EconomicsPublicationApp app)
{
    private const string Council = "Rådet for Sociale Investeringer";
    private static readonly DateOnly Decided = new(2025, 3, 12);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private BundlinjeFactory Factory
    {
        get
        {
            if (app.Unavailable is { } reason) Requirement.Missing(reason);
            return app.Factory;
        }
    }

    private sealed record TestFund(string Key, int Id, int InvestmentId, string Secretariat, string CouncilMember);

    /// <summary>A fund with an investment, a 2024 appropriation, running cost and disbursement (accounts) and a 2025 budget
    /// disbursement, and its own secretariat and council member; inserted directly (the set-up, not the subject).</summary>
    private async Task<TestFund> NewFundAsync()
    {
        var key = "oek-" + Guid.NewGuid().ToString("N")[..8];
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BundlinjeDb>();
        var fund = new Bundlinje.Fund.Fund { Key = key, Name = "Økonomiprøve " + key, Council = Council };
        db.Funds.Add(fund);
        await db.SaveChangesAsync(Ct);
        var investment = new Investment { Key = key + "-indsats", Name = "Indsats " + key, FundId = fund.Id };
        db.Investments.Add(investment);
        await db.SaveChangesAsync(Ct);
        db.LedgerPostings.AddRange(
            Posting(fund.Id, 2024, LedgerKind.Appropriation, LedgerBasis.Actual, 10_000_000m),
            Posting(fund.Id, 2024, LedgerKind.RunningCost, LedgerBasis.Actual, 400_000m, category: "Drift"),
            Posting(fund.Id, 2024, LedgerKind.Disbursement, LedgerBasis.Actual, 2_500_000m, investment.Id),
            Posting(fund.Id, 2025, LedgerKind.Disbursement, LedgerBasis.Budget, 1_750_000m, investment.Id));
        await db.SaveChangesAsync(Ct);
        var accounts = scope.ServiceProvider.GetRequiredService<Accounts>();
        var (secretariat, council) = ($"sekretariat@{key}.test", $"raad@{key}.test");
        await accounts.AddAsync(secretariat, Roles.Secretariat, [key], DemoData.Password, "Sekretariat " + key);
        await accounts.AddAsync(council, Roles.CouncilMember, [key], DemoData.Password, "Råd " + key);
        return new(key, fund.Id, investment.Id, secretariat, council);
    }

    private static LedgerPosting Posting(int fundId, int year, LedgerKind kind, LedgerBasis basis, decimal amount, int? investmentId = null,
        string? category = null) => new()
        {
            FundId = fundId, Pot = LedgerPot.InvestmentFund, FiscalYear = year, EntryDate = new(year, 1, 15), Kind = kind, Basis = basis,
            Amount = amount, InvestmentId = investmentId, Category = category, Text = "Prøve", PostedBy = "test",
            PostedAt = DateTimeOffset.UnixEpoch,
        };

    /// <summary>Runs <paramref name="use"/> with the service in its own scope as <paramref name="user"/>, on the fund loaded
    /// there.</summary>
    private async Task<T> As<T>(string user, string fundKey, Func<EconomicsPublications, Bundlinje.Fund.Fund, Task<T>> use)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<JobActor>().Name = user;
        var fund = await scope.ServiceProvider.GetRequiredService<BundlinjeDb>().Funds.SingleAsync(f => f.Key == fundKey, Ct);
        return await use(scope.ServiceProvider.GetRequiredService<EconomicsPublications>(), fund);
    }

    /// <summary>The fund's economics table as the economics page computes it for the fund's council.</summary>
    private async Task<EconomicsTable> TableAsync(string fundKey)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<FundEconomics>().BuildAsync(fundKey, null, null, Ct)).Table!;
    }

    private Task<EconomicsSummaryDraft> PreviewAsync(TestFund f, EconomicsQuery? query = null) =>
        As(f.Secretariat, f.Key, (p, fund) => p.PreviewAsync(fund, query, Ct));

    private Task<List<EconomicsPublication>> RowsAsync(int fundId) =>
        Factory.WithAsync(db => db.EconomicsPublications.AsNoTracking().Where(p => p.FundId == fundId).OrderBy(p => p.Sequence)
            .ToListAsync(Ct));

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, params (string, string)[] fields)
    {
        var form = fields.ToDictionary(f => f.Item1, f => f.Item2);
        form["__RequestVerificationToken"] = await Login.TokenAsync(client, "/Portfolio");
        return await client.PostAsync(url, new FormUrlEncodedContent(form), Ct);
    }

    private static async Task<string> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    private static bool IsRefused(HttpResponseMessage r) => r.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
        || r.Headers.Location?.OriginalString.Contains("/Account/AccessDenied", StringComparison.Ordinal) == true;

    private static string Url(TestFund f) => $"/Funds/{f.Key}/Economics/Publication";

    [GeneratedRegex("""<td class="number">([^<]*)</td>""")]
    private static partial Regex Cell();

    /// <summary>The figures of the table with this id, as the page printed them.</summary>
    private static List<string> Figures(string html, string tableId)
    {
        var start = html.IndexOf($"id=\"{tableId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No table {tableId}");
        var table = html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
        return Cell().Matches(table).Select(m => m.Groups[1].Value).ToList();
    }

    private static List<string> Figures(EconomicsSummary summary) =>
        summary.Rows.SelectMany(r => r.Cells.Select(Kroner.Thousands)).ToList();

    [Fact]
    public async Task A_council_member_approves_on_the_page_and_the_summary_is_frozen_with_its_digests()
    {
        var f = await NewFundAsync();
        using var council = await Login.AsAsync(Factory, f.CouncilMember);
        var before = await PageAsync(council, Url(f));
        Assert.Contains("id=\"approve\"", before);
        // The public partial without a decision: the sentence, no table.
        Assert.Contains("<p id=\"approved-economics-none\">Rådet har endnu ikke godkendt et økonomiresumé til offentliggørelse.</p>",
            before);
        Assert.DoesNotContain("id=\"approved-economics\"", before);
        var draft = await PreviewAsync(f);

        var saved = await PostAsync(council, Url(f), ("DecidedOn", "2025-03-12"), ("Reference", "  Rådsmøde 12-03-2025, pkt. 4 "),
            ("Seen", draft.SnapshotSha256));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var row = Assert.Single(await RowsAsync(f.Id));
        Assert.Equal((1, Decided, "Rådsmøde 12-03-2025, pkt. 4", f.CouncilMember),
            (row.Sequence, row.DecidedOn, row.Reference, row.RecordedBy));
        Assert.Equal((2024, 2024, 2029, 80), (row.FirstYear, row.LastActualYear, row.LaterFrom, row.EffectPercent));
        Assert.Equal(draft.Summary.ToJson(), row.Snapshot);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(row.Snapshot))), row.SnapshotSha256);
        Assert.Equal(draft.InputsSha256, row.InputsSha256);
        Assert.True(DateTimeOffset.UtcNow - row.RecordedAt < TimeSpan.FromMinutes(5));

        // The summary is the council's table with the investments summed: its total and balance are the table's own.
        var table = await TableAsync(f.Key);
        var summary = row.Summary();
        Assert.Equal(table.Total, summary.Rows.Single(r => r.Kind == SummaryRowKind.Total).Cells);
        Assert.Equal(table.Balance, summary.Rows.Single(r => r.Kind == SummaryRowKind.Balance).Cells);
        Assert.Equal(table.Appropriations, summary.Rows.Single(r => r.Kind == SummaryRowKind.Appropriations).Cells);
        Assert.Equal(table.Total, summary.Columns.Select((_, i) => summary.Rows
            .Where(r => r.Kind is SummaryRowKind.RunningCost or SummaryRowKind.Spending or SummaryRowKind.ResultPayments)
            .Sum(r => r.Cells[i])));
        Assert.DoesNotContain(summary.Rows, r => r.Label.Contains("Indsats " + f.Key, StringComparison.Ordinal));

        var after = await PageAsync(council, Url(f));
        Assert.Contains("Dette resumé er det, Rådet har godkendt.", after);
        Assert.DoesNotContain("id=\"approve\"", after);
        Assert.Contains($"Godkendt af {Council} 12-03-2025, Rådsmøde 12-03-2025, pkt. 4", after);
        Assert.Equal(Figures(summary), Figures(after, "approved-economics"));
        Assert.Contains("Rådsmøde 12-03-2025, pkt. 4", after[after.IndexOf("id=\"history\"", StringComparison.Ordinal)..]);
        Assert.Equal(row.Snapshot, (await As(f.Secretariat, f.Key, (p, _) => p.LatestAsync(f.Id, Ct)))!.Decision.Snapshot);
    }

    [Fact]
    public async Task The_secretariat_sees_the_status_but_cannot_approve_and_another_funds_council_member_is_refused()
    {
        var f = await NewFundAsync();
        var draft = await PreviewAsync(f);
        using var secretariat = await Login.AsAsync(Factory, f.Secretariat);
        var page = await PageAsync(secretariat, Url(f));
        Assert.Contains("id=\"draft-summary\"", page);
        Assert.Contains("id=\"council-only\"", page);
        Assert.DoesNotContain("id=\"approve\"", page);
        var fields = new[] { ("DecidedOn", "2025-03-12"), ("Reference", "Rådsmøde 12-03-2025, pkt. 4"), ("Seen", draft.SnapshotSha256) };
        var denied = await PostAsync(secretariat, Url(f), fields);
        Assert.True(IsRefused(denied), $"{denied.StatusCode} {denied.Headers.Location}");

        using var otherCouncil = await Login.AsAsync(Factory, "raad@demo.bundlinje.dk"); // aarhus' council member
        var other = await PostAsync(otherCouncil, Url(f), fields);
        Assert.True(IsRefused(other), $"{other.StatusCode} {other.Headers.Location}");
        Assert.True(IsRefused(await otherCouncil.GetAsync(Url(f), Ct)));
        using var analyst = await Login.AsAsync(Factory, Login.Email(Roles.DepartmentAnalyst));
        Assert.True(IsRefused(await analyst.GetAsync(Url(f), Ct)));
        Assert.Empty(await RowsAsync(f.Id));
    }

    [Fact]
    public async Task Two_approvals_of_the_same_summary_at_once_save_one_and_tell_the_other()
    {
        var f = await NewFundAsync();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            try
            {
                return (await As(f.CouncilMember, f.Key, (p, fund) => p.ApproveAsync(fund, new(), Decided, "Rådsmøde", null, Ct)))
                    .Sequence.ToString();
            }
            catch (Refused e) { return e.Code; }
        }, Ct)));
        Assert.Single(outcomes, o => o == "1");
        Assert.Single(outcomes, o => o is "economicsPublication.recordedConcurrently" or "economicsPublication.alreadyApproved");
        Assert.Single(await RowsAsync(f.Id));
        // A second click after the first was saved: the same summary is already approved.
        var again = await Assert.ThrowsAsync<Refused>(() =>
            As(f.CouncilMember, f.Key, (p, fund) => p.ApproveAsync(fund, new(), Decided, "Rådsmøde", null, Ct)));
        Assert.Equal("economicsPublication.alreadyApproved", again.Code);
        Assert.Single(await RowsAsync(f.Id));
    }

    [Fact]
    public async Task A_changed_ledger_does_not_change_the_approved_snapshot_and_a_later_decision_supersedes_it()
    {
        var f = await NewFundAsync();
        var first = await As(f.CouncilMember, f.Key, (p, fund) => p.ApproveAsync(fund, new(), Decided, "Rådsmøde 1", null, Ct));
        var seenBefore = first.SnapshotSha256;
        await Factory.WithAsync(async db =>
        {
            db.LedgerPostings.Add(Posting(f.Id, 2025, LedgerKind.Disbursement, LedgerBasis.Budget, 3_000_000m, f.InvestmentId));
            return await db.SaveChangesAsync(Ct);
        });

        var latest = (await As(f.Secretariat, f.Key, (p, _) => p.LatestAsync(f.Id, Ct)))!;
        Assert.Equal((first.Snapshot, first.SnapshotSha256, first.InputsSha256),
            (latest.Decision.Snapshot, latest.Decision.SnapshotSha256, latest.Decision.InputsSha256));
        var now = await PreviewAsync(f);
        Assert.NotEqual(first.SnapshotSha256, now.SnapshotSha256);
        Assert.NotEqual(first.InputsSha256, now.InputsSha256);
        using var council = await Login.AsAsync(Factory, f.CouncilMember);
        var page = await PageAsync(council, Url(f));
        Assert.Contains("Tallene er ændret siden Rådets godkendelse: dette resumé er ikke godkendt.", page);
        Assert.Equal(Figures(latest.Summary), Figures(page, "approved-economics"));
        Assert.Equal(Figures(now.Summary), Figures(page, "draft-summary"));
        Assert.NotEqual(Figures(page, "approved-economics"), Figures(page, "draft-summary"));

        // A form showing the old summary cannot approve the new one.
        var stale = await PostAsync(council, Url(f), ("DecidedOn", "2025-06-01"), ("Reference", "Rådsmøde 2"), ("Seen", seenBefore));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Fondens tal er ændret, siden resuméet blev vist.",
            WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync(Ct)));
        Assert.Single(await RowsAsync(f.Id));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(council, Url(f), ("DecidedOn", "2025-06-01"), ("Reference", "Rådsmøde 2"),
            ("Seen", now.SnapshotSha256))).StatusCode);
        var history = await As(f.Secretariat, f.Key, (p, _) => p.HistoryAsync(f.Id, Ct));
        Assert.Equal([(2, "Rådsmøde 2", now.SnapshotSha256), (1, "Rådsmøde 1", seenBefore)],
            history.Select(h => (h.Sequence, h.Reference, h.SnapshotSha256)));
        Assert.Equal(first.Snapshot, history[1].Snapshot);
        Assert.Equal(2, (await As(f.Secretariat, f.Key, (p, _) => p.LatestAsync(f.Id, Ct)))!.Decision.Sequence);
        // The database keeps the history: a decision cannot be changed or deleted.
        await Assert.ThrowsAnyAsync<Exception>(() => Factory.WithAsync(db => db.EconomicsPublications.Where(p => p.FundId == f.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Reference, "Ændret"), Ct)));
        await Assert.ThrowsAnyAsync<Exception>(() => Factory.WithAsync(db => db.EconomicsPublications.Where(p => p.FundId == f.Id)
            .ExecuteDeleteAsync(Ct)));
        Assert.Equal(2, (await RowsAsync(f.Id)).Count);
    }

    [Fact]
    public async Task Absurd_input_is_refused_at_its_field_and_nothing_is_written()
    {
        var f = await NewFundAsync();
        Task<EconomicsPublication> Approve(DateOnly? on, string? reference, string? seen = null) =>
            As(f.CouncilMember, f.Key, (p, fund) => p.ApproveAsync(fund, new(), on, reference, seen, Ct));
        var today = DateOnly.FromDateTime(DateTime.Now);

        var both = await Assert.ThrowsAsync<Refused>(() => Approve(today.AddDays(1), "  "));
        Assert.Equal([("DecidedOn", "economicsPublication.dateInFuture"), ("Reference", "economicsPublication.referenceRequired")],
            both.Problems.Select(p => (p.Field, p.Code)));
        Assert.Equal([("DecidedOn", "economicsPublication.dateRequired")],
            (await Assert.ThrowsAsync<Refused>(() => Approve(null, "Rådsmøde"))).Problems.Select(p => (p.Field, p.Code)));
        Assert.Equal([("DecidedOn", "economicsPublication.dateBeforeFund")],
            (await Assert.ThrowsAsync<Refused>(() => Approve(new(2023, 12, 31), "Rådsmøde"))).Problems.Select(p => (p.Field, p.Code)));
        Assert.Equal([("Reference", "economicsPublication.referenceTooLong")],
            (await Assert.ThrowsAsync<Refused>(() => Approve(Decided, new string('x', 301)))).Problems.Select(p => (p.Field, p.Code)));
        Assert.Equal("economicsPublication.tableChanged",
            (await Assert.ThrowsAsync<Refused>(() => Approve(Decided, "Rådsmøde", new string('0', 64)))).Code);
        Assert.Equal("EffectPercent", (await Assert.ThrowsAsync<Refused>(() =>
            As(f.CouncilMember, f.Key, (p, fund) => p.ApproveAsync(fund, new(EffectPercent: 500), Decided, "Rådsmøde", null, Ct)))).Field);
        Assert.Empty(await RowsAsync(f.Id));

        // On the page, the refusal is shown at the form's fields, in Danish.
        using var council = await Login.AsAsync(Factory, f.CouncilMember);
        var response = await PostAsync(council, Url(f), ("DecidedOn", today.AddYears(1).ToString("yyyy-MM-dd")), ("Reference", ""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Beslutningsdatoen kan ikke ligge efter i dag", html);
        Assert.Contains("Angiv, hvor beslutningen står", html);
        Assert.Equal(2, Regex.Count(html, "form-group form-error"));
        Assert.Empty(await RowsAsync(f.Id));

        // A later decision dated before the one in force is refused too.
        await Approve(Decided, "Rådsmøde 1");
        await Factory.WithAsync(async db =>
        {
            db.LedgerPostings.Add(Posting(f.Id, 2025, LedgerKind.RunningCost, LedgerBasis.Budget, 100_000m, category: "Drift"));
            return await db.SaveChangesAsync(Ct);
        });
        Assert.Equal([("DecidedOn", "economicsPublication.beforeLatest")],
            (await Assert.ThrowsAsync<Refused>(() => Approve(Decided.AddDays(-1), "Rådsmøde 0"))).Problems.Select(p => (p.Field, p.Code)));
        Assert.Single(await RowsAsync(f.Id));
    }

    [Fact]
    public async Task The_demo_has_the_2024_summary_approved_once_by_the_council_member()
    {
        var aarhus = await Factory.WithAsync(db => db.Funds.AsNoTracking().SingleAsync(x => x.Key == "aarhus", Ct));
        var row = Assert.Single(await RowsAsync(aarhus.Id));
        Assert.Equal(("raad@demo.bundlinje.dk", EconomicsPublications.DemoDecidedOn, EconomicsPublications.DemoReference),
            (row.RecordedBy, row.DecidedOn, row.Reference));
        Assert.Equal((2024, 2029, aarhus.BudgetEffectPercent), (row.LastActualYear, row.LaterFrom, row.EffectPercent));
        var summary = row.Summary();
        Assert.Equal(aarhus.Council, summary.Council);
        // The columns are those of the council's published 2024 table (the demo's aarhus-published-2024.csv).
        var published = await Factory.WithAsync(db => db.PublishedEconomicsTables.AsNoTracking()
            .SingleAsync(t => t.FundId == aarhus.Id && t.Year == 2024, Ct));
        Assert.Equal(published.Read().Select(c => c.Column).Distinct(), summary.Columns.Select(c => c.Label));
        // The snapshot is what the service computes for the 2024 summary from the demo's books.
        var draft = await As("raad@demo.bundlinje.dk", "aarhus", (p, fund) => p.PreviewAsync(fund, new(LaterFrom: 2029), Ct));
        Assert.Equal((draft.Summary.ToJson(), draft.SnapshotSha256, draft.InputsSha256),
            (row.Snapshot, row.SnapshotSha256, row.InputsSha256));

        await using (var scope = Factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DemoData>().LoadAsync(Ct);
        Assert.Single(await RowsAsync(aarhus.Id));
    }
}
