using Bundlinje.Common;
using Bundlinje.Fund;

namespace Bundlinje.Web.Pages.Funds.Ledger;

/// <summary>A fund's postings: all of them, or those behind one cell of the economics table, with what each adds to it.
/// Filtered, sorted and paged on the server (query string; the count and sum are over the whole filter, not the page).
/// The secretariat reverses a posting here (with a reason); nothing is edited.</summary>
[RouteFund(nameof(Operations.Read))]
public sealed class IndexModel(BundlinjeDb db, FundEconomics economics, Fund.Ledger ledger) : FundPageModel
{
    public const int PageSize = 100;

    /// <summary>The orders the list can be sorted in; <see cref="LedgerSort.Book"/> is the ledger's own (pot, year, number).</summary>
    public enum LedgerSort { Book, Number, Date, Amount, Year }

    [FromQuery] public int? Effect { get; set; }
    [FromQuery] public DateOnly? CountedIn { get; set; }
    [FromQuery] public int? LaterFrom { get; set; }
    [FromQuery] public string? Column { get; set; }
    [FromQuery] public EconomicsRowKind? Row { get; set; }
    [FromQuery] public string? Reference { get; set; }
    [FromQuery] public bool Balance { get; set; }
    [FromQuery] public int? Year { get; set; }
    [FromQuery] public LedgerPot? Pot { get; set; }
    [FromQuery] public LedgerKind? Kind { get; set; }
    /// <summary>Words in the posting's text, category or investment name.</summary>
    [FromQuery(Name = "q")] public string? Search { get; set; }
    [FromQuery] public LedgerSort Sort { get; set; }
    [FromQuery] public bool Desc { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<int> Years { get; private set; } = [];
    [BindProperty] public int PostingId { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public EconomicsReport Report { get; private set; } = null!;
    public string? CellTitle { get; private set; }
    public List<(LedgerPosting Posting, decimal? Contribution)> Lines { get; private set; } = [];
    public decimal? CellSum { get; private set; }
    /// <summary>The number and sum of the postings under the filter (all pages).</summary>
    public (int Count, decimal Sum) Totals { get; private set; }
    public Paging Paging { get; private set; } = null!;
    /// <summary>Postings on this page that have been reversed (their reversal is in the fund's ledger).</summary>
    public HashSet<int> Reversed { get; private set; } = [];
    public bool Administers { get; private set; }
    /// <summary>Per posting that pays obligations of follow-up runs: the investment and the runs (posting → run; the run
    /// page links back).</summary>
    public Dictionary<int, (string Investment, List<int> Runs)> PaidRuns { get; private set; } = [];
    public string? Refusal { get; private set; }
    public string? Done { get; private set; }

    /// <summary>The reverse form posts back to the same filtered view.</summary>
    public string ReverseAction => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Request.Path,
        Request.Query.Where(q => q.Key != "handler").Append(new("handler", "Reverse")));

    /// <summary>This list sorted by a column (again: the other direction), from its first page.</summary>
    public string SortLink(LedgerSort sort) =>
        Request.With(("sort", sort == LedgerSort.Book ? null : sort.ToString()), ("desc", sort == Sort && !Desc ? "true" : null),
            ("page", null));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Reverses a posting of this fund (another fund's posting is 404, whoever asks).</summary>
    [Requires(nameof(Operations.Administer))]
    public async Task<IActionResult> OnPostReverseAsync(CancellationToken ct)
    {
        try
        {
            var reversal = await ledger.ReverseAsync(Fund, PostingId, Reason ?? "", ct);
            Done = $"Postering {PostingId} er tilbageført af postering {reversal.Id}.";
            Reason = null;
        }
        catch (Refused e) { Refusal = Data.Texts.RefusalText.Message(e); }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var fund = Fund;
        Administers = await HttpContext.MayAsync(fund, Operations.Administer);
        // The report's entries are the postings this viewer may see (all, or a scoped viewer's own investments'); they are
        // cached per change of the fund's books, so the years and a cell's postings cost no query.
        var query = new EconomicsQuery(Effect is >= 0 and <= 150 ? Effect : null, LaterFrom, CountedIn);
        // A link made before a year was closed (or a typed URL) can carry a "later years from" the books have passed: the
        // fund's default then, as on the economics page.
        try { Report = await economics.BuildAsync(fund, query, User.ToViewer(), ct); }
        catch (Refused)
        {
            LaterFrom = null;
            Report = await economics.BuildAsync(fund, query with { LaterFrom = null }, User.ToViewer(), ct);
        }
        Years = Report.Entries.Select(e => e.FiscalYear).Distinct().Order().ToList();
        var column = Report.Table?.Columns.FirstOrDefault(c => c.Label == Column);
        if (column is null || Report.Table is null || (Report.Scoped && (Row is null || Balance)))
            await LoadListAsync(fund.Id, ct);
        else await LoadCellAsync(Report.Table, column, ct);
        var onPage = Lines.Select(l => l.Posting.Id).ToList();
        Reversed = (await db.LedgerPostings.Where(p => p.Reverses != null && onPage.Contains(p.Reverses.Value))
            .Select(p => p.Reverses!.Value).ToListAsync(ct)).ToHashSet();
        var resultPayments = Lines.Where(l => l.Posting.Kind == LedgerKind.ResultPayment).Select(l => (int?)l.Posting.Id).ToList();
        PaidRuns = resultPayments.Count == 0 ? []
            : (await (from o in db.PaymentObligations join i in db.Investments on o.InvestmentId equals i.Id
                      where o.LedgerPostingId != null
                          && resultPayments.Contains(
                              o.LedgerPostingId) select new
                              {
                                  Posting = o.LedgerPostingId!.Value,
                                  i.Key, o.RunId
                              })
                .AsNoTracking().ToListAsync(ct))
            .GroupBy(x => x.Posting).ToDictionary(g => g.Key, g => (g.First().Key, g.Select(x => x.RunId).Distinct().Order().ToList()));
    }

    /// <summary>The filtered list: count and sum over the filter, then one page, all in the database.</summary>
    private async Task LoadListAsync(int fundId, CancellationToken ct)
    {
        var postings = db.LedgerPostings.AsNoTracking().Where(p => p.FundId == fundId);
        if (Report.Scoped)
        {
            var readable = db.Investments.Where(User.ToViewer().CanRead()).Select(i => i.Id);
            postings = postings.Where(p => p.InvestmentId != null && readable.Contains(p.InvestmentId.Value));
        }
        if (Year is { } year) postings = postings.Where(p => p.FiscalYear == year);
        if (Pot is { } pot) postings = postings.Where(p => p.Pot == pot);
        if (Kind is { } kind) postings = postings.Where(p => p.Kind == kind);
        if (Search?.Trim() is { Length: > 0 } words)
            postings = postings.Where(p => p.Text!.Contains(words) || p.Category!.Contains(words) || p.Investment!.Name.Contains(words)
                || p.Payer!.Contains(words));
        var totals = await postings.GroupBy(_ => 1).Select(g => new { Count = g.Count(), Sum = g.Sum(p => p.Amount) })
            .FirstOrDefaultAsync(ct);
        Totals = (totals?.Count ?? 0, totals?.Sum ?? 0m);
        Paging = new(PageNumber, PageSize, Totals.Count, n => Request.With(("page", n == 1 ? null : n.ToString())));
        var sorted = (Sort, Desc) switch
        {
            (LedgerSort.Number, false) => postings.OrderBy(p => p.Id),
            (LedgerSort.Number, true) => postings.OrderByDescending(p => p.Id),
            (LedgerSort.Date, false) => postings.OrderBy(p => p.EntryDate).ThenBy(p => p.Id),
            (LedgerSort.Date, true) => postings.OrderByDescending(p => p.EntryDate).ThenByDescending(p => p.Id),
            // Amounts are bounded kroner (Common.Kroner), exact as doubles for ordering; SQLite cannot order decimals.
            (LedgerSort.Amount, false) => postings.OrderBy(p => (double)p.Amount).ThenBy(p => p.Id),
            (LedgerSort.Amount, true) => postings.OrderByDescending(p => (double)p.Amount).ThenByDescending(p => p.Id),
            (LedgerSort.Year, false) => postings.OrderBy(p => p.FiscalYear).ThenBy(p => p.Id),
            (LedgerSort.Year, true) => postings.OrderByDescending(p => p.FiscalYear).ThenByDescending(p => p.Id),
            (_, false) => postings.OrderBy(p => p.Pot).ThenBy(p => p.FiscalYear).ThenBy(p => p.Id),
            (_, true) => postings.OrderByDescending(p => p.Pot).ThenByDescending(p => p.FiscalYear).ThenByDescending(p => p.Id),
        };
        // The page's numbers first (the database sorts narrow rows), then those postings with their investments.
        var ids = await sorted.Skip(Paging.Skip).Take(PageSize).Select(p => p.Id).ToListAsync(ct);
        var page = await PostingsAsync(ids, ct);
        Lines = ids.Select(id => (page[id], (decimal?)null)).ToList();
    }

    /// <summary>A cell's postings and what each adds to it, from the report's (cached) entries; only the page is read.</summary>
    private async Task LoadCellAsync(EconomicsTable table, EconomicsColumn column, CancellationToken ct)
    {
        var contributions = Report.Entries
            .Where(e => (Year is null || e.FiscalYear == Year) && (Pot is null || e.Pot == Pot))
            .Select(e => (e.PostingId, Amount: e.Amount, Contribution: table.Contribution(e, Row, Reference, column, Balance)))
            .Where(c => c.Contribution is not null).ToList();
        CellSum = contributions.Sum(c => c.Contribution!.Value);
        Totals = (contributions.Count, contributions.Sum(c => c.Amount));
        Paging = new(PageNumber, PageSize, Totals.Count, n => Request.With(("page", n == 1 ? null : n.ToString())));
        var page = contributions.Skip(Paging.Skip).Take(PageSize).ToList();
        var ids = page.Select(c => c.PostingId).ToList();
        var postings = await PostingsAsync(ids, ct);
        Lines = page.Select(c => (postings[c.PostingId], c.Contribution)).ToList();
        var rowLabel = Balance ? Report.BalanceLabel : Row is null ? Reconciliation.TotalRow
            : table.RunningCosts.Concat(table.Investments).FirstOrDefault(r => r.Kind == Row && r.Reference == Reference) is { } row
                ? (row.Indented ? $"{Report.InvestmentNames.GetValueOrDefault(row.Reference, row.Reference)} – resultatbetaling"
                    : row.Label) : Reference;
        CellTitle = $"{rowLabel}, {column.Label}";
    }

    /// <summary>One page's postings with their investments, by number.</summary>
    private Task<Dictionary<int, LedgerPosting>> PostingsAsync(List<int> ids, CancellationToken ct) =>
        db.LedgerPostings.AsNoTracking().Include(p => p.Investment).Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
}
