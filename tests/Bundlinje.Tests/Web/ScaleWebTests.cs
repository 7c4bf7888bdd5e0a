using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Bundlinje.Common;
using Bundlinje.Fund;
using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Tests.Web;

/// <summary>The pages that must stay fast at 1.000 investments (docs/performance.md), at demo size over real HTTP: a fixed
/// number of database commands per page (no N+1), the economics table computed once per change of the fund's books
/// and recomputed at once after a posting, and the ledger and portfolio paged, filtered and sorted on the server.</summary>
public abstract class ScaleWebTests : AppTests
{
    /// <summary>At most this many database commands for any main page: the pages run a fixed set of queries each, so an
    /// N+1 over the demo's 11 investments or 100 postings crosses it.</summary>
    private const int CommandsPerPage = 15;

    [Fact]
    public async Task Every_main_page_runs_a_small_fixed_number_of_database_commands()
    {
        if (Factory is null) return;
        var client = await Login.AsAsync(Factory, Login.Email(Roles.Secretariat));
        var investment = await Factory.WithAsync(db => db.Investments.Where(i => i.Fund!.Key == "aarhus").OrderBy(i => i.Id)
            .Select(i => i.Key).FirstAsync());
        string[] pages =
        [
            "/Funds", "/Portfolio", "/Portfolio?sort=Name&desc=true&page=1", "/Funds/aarhus/Economics",
            "/Funds/aarhus/Economics?effect=100",
            "/Funds/aarhus/Ledger", "/Funds/aarhus/Ledger?year=2024&sort=Amount", "/Funds/aarhus/Ledger?column=R%202022",
            "/Funds/aarhus/Ledger?effect=100&laterFrom=2029&column=B%202025&row=ResultPayment&reference=ungifokus",
            "/Funds/aarhus/Board", "/Funds/aarhus/Proposals", "/Funds/aarhus/Measures", "/Funds/aarhus/Reconcile",
            "/Funds/aarhus/OutcomeFund",
            $"/Investments/{investment}", $"/Investments/{investment}/FollowUp", "/Organisations", "/api/investments",
        ];
        using var counter = new CommandCounter();
        var counts = new Dictionary<string, int>();
        foreach (var page in pages)
        {
            var (status, commands) = await counter.CountAsync(client, page);
            Assert.Equal(HttpStatusCode.OK, status);
            counts[page] = commands;
        }
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join("\n", counts.Select(c => $"{c.Key}: {c.Value}")));
        Assert.All(counts.Values, c => Assert.True(c > 0, "the counter sees the page's commands"));
        Assert.Empty(counts.Where(c => c.Value > CommandsPerPage).Select(c => $"{c.Key}: {c.Value} commands"));
    }

    [Fact]
    public async Task The_economics_table_is_computed_once_until_the_books_change_and_a_posting_shows_at_once()
    {
        if (Factory is null) return;
        var cache = Factory.Services.GetRequiredService<EconomicsCache>();
        var client = await Login.AsAsync(Factory, Login.Email(Roles.Secretariat));
        var before = await TotalAsync(client, "B 2026");
        var (loads, builds) = (cache.Loads, cache.Builds);
        Assert.Equal(before, await TotalAsync(client, "B 2026"));
        Assert.Equal(before, await TotalAsync(client, "B 2026"));
        Assert.Equal((loads, builds), (cache.Loads, cache.Builds)); // two more requests, nothing read or computed again

        // A posting written by another process (here: the ledger service on its own connection) is seen by the next request.
        await Factory.WithAsync(db => new Ledger(db, new FixedUser("test"), TimeProvider.System).PostAsync("aarhus", new LedgerLine
        {
            FiscalYear = 2026, Kind = LedgerKind.RunningCost, Basis = LedgerBasis.Budget, Amount = 7_000_000m,
            Category = "Øvrig drift af Rådet", Text = "Skalatest",
        }));
        Assert.Equal(before + 7_000, await TotalAsync(client, "B 2026"));
        Assert.Equal(loads + 1, cache.Loads);

        // So is a renamed investment (its name is part of the table).
        await Factory.WithAsync(async db =>
        {
            var ungifokus = await db.Investments.SingleAsync(i => i.Key == "ungifokus");
            ungifokus.Name = "UngiFokus (omdøbt)";
            return await db.SaveChangesAsync();
        });
        Assert.Contains(">UngiFokus (omdøbt)</th>",
            await client.GetStringAsync("/Funds/aarhus/Economics", TestContext.Current.CancellationToken));
    }

    /// <summary>The fund-wide total of a column in the economics page, in thousands.</summary>
    private static async Task<int> TotalAsync(HttpClient client, string column)
    {
        var html = await client.GetStringAsync("/Funds/aarhus/Economics");
        var cell = Regex.Match(html, $"column={Uri.EscapeDataString(column)}\">([^<]+)</a>");
        Assert.True(cell.Success, $"total cell of {column}");
        return int.Parse(cell.Groups[1].Value.Replace(".", ""), System.Globalization.NumberStyles.AllowLeadingSign);
    }

    [Fact]
    public async Task The_economics_table_groups_investments_by_department_and_a_large_fund_opens_one_group_at_a_time()
    {
        if (Factory is null) return;
        var client = await Login.AsAsync(Factory, Login.Email(Roles.CouncilMember));
        var html = await client.GetStringAsync("/Funds/aarhus/Economics", TestContext.Current.CancellationToken);
        // The demo fund is small: every group is open, each investment row under its department's sum row.
        Assert.All(["class=\"department\"", ">UngiFokus</th>", "aria-expanded=\"true\""], part => Assert.Contains(part, html));
        Assert.DoesNotContain("aria-expanded=\"false\"", html);

        // Over 60 investment rows the groups are closed; a group's link opens it (and keeps the what-if parameters).
        await Factory.WithAsync(async db =>
        {
            var fund = await db.Funds.SingleAsync(f => f.Key == "aarhus");
            var department = await db.Organisations.FirstAsync(o => o.Kind == Bundlinje.Organisations.OrganisationKind.Department);
            for (var i = 1; i <= EconomicsPageRows; i++)
            {
                var investment = new Bundlinje.Investments.Investment { FundId = fund.Id, Key = $"skala-{i}", Name = $"Skala {i}" };
                investment.Parties.Add(
                    new Bundlinje.Investments.Party { OrganisationId = department.Id, Role = Bundlinje.Investments.PartyRole.Authority });
                db.Investments.Add(investment);
            }
            await db.SaveChangesAsync();
            var ledger = new Ledger(db, new FixedUser("test"), TimeProvider.System);
            for (var i = 1; i <= EconomicsPageRows; i++)
                await ledger.AddAsync("aarhus",
                    new LedgerLine
                    {
                        FiscalYear = 2026, Kind = LedgerKind.Disbursement, Basis = LedgerBasis.Budget, Amount = 1_000m,
                        Investment = $"skala-{i}"
                    }, LedgerSource.Manual, null);
            return await db.SaveChangesAsync();
        });
        var closed = await client.GetStringAsync("/Funds/aarhus/Economics?effect=100", TestContext.Current.CancellationToken);
        Assert.DoesNotContain(">Skala 1</th>", closed);
        Assert.DoesNotContain("aria-expanded=\"true\"", closed);
        var withSkala = Regex.Matches(closed,
            "<a href=\"([^\"]+)\" aria-expanded=\"false\">▸ ([^<]+)</a>\\s*<span class=\"meta\">\\((\\d+)\\)")
            .Single(m => int.Parse(m.Groups[3].Value) >= EconomicsPageRows);
        var opened = await client.GetStringAsync(WebUtility.HtmlDecode(withSkala.Groups[1].Value), TestContext.Current.CancellationToken);
        Assert.Contains(">Skala 1</th>", opened);
        Assert.Contains(">Skala 61</th>", opened);
        Assert.Contains("effect=100", WebUtility.HtmlDecode(withSkala.Groups[1].Value));
    }

    private const int EconomicsPageRows = 61;

    [Fact]
    public async Task The_ledger_is_paged_filtered_and_sorted_on_the_server_with_totals_over_the_whole_filter()
    {
        if (Factory is null) return;
        var client = await Login.AsAsync(Factory, Login.Email(Roles.Secretariat));
        var (count, sum) = await Factory.WithAsync(async db =>
        {
            var postings = await db.LedgerPostings.Where(p => p.Fund!.Key == "aarhus").Select(p => new { p.Amount, p.FiscalYear })
                .ToListAsync();
            return (postings.Count, postings.Sum(p => p.Amount));
        });
        Assert.True(count > 100, "the demo ledger spans more than one page");
        var first = await client.GetStringAsync("/Funds/aarhus/Ledger", TestContext.Current.CancellationToken);
        Assert.Equal(100, PostingRows(first));
        Assert.Contains($"<strong>{count.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("da-DK"))}</strong>", first);
        Assert.Contains(Kroner.Exact(sum), first);
        Assert.Contains("class=\"pagination\"", first);
        var last = (count + 99) / 100;
        var lastPage = await client.GetStringAsync($"/Funds/aarhus/Ledger?page={last}", TestContext.Current.CancellationToken);
        Assert.Equal(count - (last - 1) * 100, PostingRows(lastPage));
        Assert.Contains("aria-current=\"page\">" + last + "<", lastPage);

        // Sorted by amount, descending: the first row is the largest posting; the totals stay those of the filter.
        var largest = await Factory.WithAsync(db => db.LedgerPostings.Where(p => p.Fund!.Key == "aarhus" && p.FiscalYear == 2024)
            .Select(p => new { p.Id, p.Amount }).ToListAsync());
        var byAmount = await client.GetStringAsync("/Funds/aarhus/Ledger?year=2024&sort=Amount&desc=true",
            TestContext.Current.CancellationToken);
        Assert.Equal(largest.MaxBy(p => p.Amount)!.Id, PostingIds(byAmount).First());
        Assert.Contains(Kroner.Exact(largest.Sum(p => p.Amount)), byAmount);
        Assert.Contains("aria-sort=\"descending\"", byAmount);
        var ascending = PostingIds(await client.GetStringAsync("/Funds/aarhus/Ledger?sort=Number", TestContext.Current.CancellationToken));
        Assert.Equal(ascending.Order(), ascending);

        // A search narrows the list and its totals.
        var searched = await client.GetStringAsync("/Funds/aarhus/Ledger?q=UngiFokus", TestContext.Current.CancellationToken);
        Assert.InRange(PostingRows(searched), 1, 99);
        Assert.DoesNotContain("class=\"pagination\"", searched);
    }

    [Fact]
    public async Task The_portfolio_is_paged_filtered_and_sorted_on_the_server()
    {
        if (Factory is null) return;
        var client = await Login.AsAsync(Factory, Login.Email(Roles.CouncilMember));
        var all = await client.GetStringAsync("/Portfolio?sort=Name", TestContext.Current.CancellationToken);
        var names = Regex.Matches(all, "<td><a href=\"/Investments/[^\"]+\">([^<]+)</a></td>")
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(11, names.Count);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        var descending = await client.GetStringAsync("/Portfolio?sort=Name&desc=true", TestContext.Current.CancellationToken);
        Assert.Equal(names.AsEnumerable().Reverse(), Regex.Matches(descending, "<td><a href=\"/Investments/[^\"]+\">([^<]+)</a></td>")
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)));
        var filtered = await client.GetStringAsync("/Portfolio?q=UngiFokus", TestContext.Current.CancellationToken);
        Assert.Single(Regex.Matches(filtered, "<td><a href=\"/Investments/"));
        Assert.Contains("der matcher: 1", filtered);
    }

    private static int PostingRows(string html) => Regex.Matches(html, "<tr id=\"posting-").Count;
    private static List<int> PostingIds(string html) => Regex.Matches(html, "<tr id=\"posting-(\\d+)\"")
        .Select(m => int.Parse(m.Groups[1].Value)).ToList();

    /// <summary>Counts the EF Core commands run while serving requests that carry its probe header (other tests' requests
    /// and background work in the same process are not counted).</summary>
    internal sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private const string Header = "X-Command-Probe";
        private readonly string probe = Guid.NewGuid().ToString("N");
        private readonly IDisposable subscription;
        private readonly List<IDisposable> listeners = [];
        private readonly HttpContextAccessor http = new();
        private int commands;

        public CommandCounter() => subscription = DiagnosticListener.AllListeners.Subscribe(this);

        public async Task<(HttpStatusCode Status, int Commands)> CountAsync(HttpClient client, string url)
        {
            Interlocked.Exchange(ref commands, 0);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add(Header, probe);
            using var response = await client.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            return (response.StatusCode, Volatile.Read(ref commands));
        }

        void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name) lock (listeners) listeners.Add(listener.Subscribe(this));
        }

        void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> e)
        {
            if (e.Key == RelationalEventId.CommandExecuting.Name && http.HttpContext?.Request.Headers[Header]
                .ToString() == probe) Interlocked.Increment(ref commands);
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }

        public void Dispose()
        {
            subscription.Dispose();
            lock (listeners) listeners.ForEach(l => l.Dispose());
        }
    }
}

public sealed class SqliteScaleWebTests : ScaleWebTests
{
    protected override Task<BundlinjeFactory?> CreateFactoryAsync() => Task.FromResult<BundlinjeFactory?>(BundlinjeFactory.Sqlite());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresScaleWebTests(PostgresCluster cluster) : ScaleWebTests
{
    protected override async Task<BundlinjeFactory?> CreateFactoryAsync()
    {
        if (cluster.Unavailable is { } reason) { Requirement.Missing(reason); return null; }
        return BundlinjeFactory.Postgres(await cluster.CreateDatabaseAsync());
    }
}
