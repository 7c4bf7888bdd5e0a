using Bundlinje.Common;
using Bundlinje.Fund;

namespace Bundlinje.Web.Pages.Funds.Ledger;

/// <summary>A fund's postings: all of them, or those behind one cell of the economics table, with what each adds to it.
/// The secretariat reverses a posting here (with a reason); nothing is edited.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class IndexModel(BundlinjeDb db, ICurrentUser user, TimeProvider clock) : PageModel
{
    [FromRoute] public string Key { get; set; } = "";
    [FromQuery] public int? Effect { get; set; }
    [FromQuery] public DateOnly? CountedIn { get; set; }
    [FromQuery] public int? LaterFrom { get; set; }
    [FromQuery] public string? Column { get; set; }
    [FromQuery] public EconomicsRowKind? Row { get; set; }
    [FromQuery] public string? Reference { get; set; }
    [FromQuery] public bool Balance { get; set; }
    [FromQuery] public int? Year { get; set; }
    [FromQuery] public LedgerPot? Pot { get; set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    [BindProperty] public int PostingId { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public EconomicsReport Report { get; private set; } = null!;
    public string? CellTitle { get; private set; }
    public List<(LedgerPosting Posting, decimal? Contribution)> Lines { get; private set; } = [];
    public decimal? CellSum { get; private set; }
    /// <summary>Postings that have been reversed (their reversal is in the fund's ledger).</summary>
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

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    /// <summary>Reverses a posting of this fund (another fund's posting is 404, whoever asks).</summary>
    public async Task<IActionResult> OnPostReverseAsync(CancellationToken ct)
    {
        var fund = await db.Funds.AsNoTracking().FirstOrDefaultAsync(f => f.Key == Key, ct);
        if (await this.RefuseUnlessAsync(fund, Operations.Administer) is { } refused) return refused;
        if (!await db.LedgerPostings.AnyAsync(p => p.Id == PostingId && p.FundId == fund!.Id, ct)) return NotFound();
        try
        {
            var reversal = await new Fund.Ledger(db, user, clock).ReverseAsync(PostingId, Reason ?? "", ct);
            Done = $"Postering {PostingId} er tilbageført af postering {reversal.Id}.";
            Reason = null;
        }
        catch (LedgerRefused e) { Refusal = e.Message; ModelState.AddModelError(nameof(Reason), e.Message); }
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var fund = await db.Funds.AsNoTracking().FirstOrDefaultAsync(f => f.Key == Key, ct);
        if (fund is null) return false;
        Administers = await HttpContext.MayAsync(fund, Operations.Administer);
        var economics = new FundEconomics(db, clock);
        var postings = await economics.LoadPostingsAsync(fund.Id, ct);
        Report = await economics.BuildAsync(Key, new(Effect is >= 0 and <= 150 ? Effect : null, LaterFrom, CountedIn), User.ToViewer(), ct,
            postings);
        var visible = Report.Entries.Select(e => e.PostingId).ToHashSet();
        postings = postings.Where(p => visible.Contains(p.Id)).ToList();
        Reversed = postings.Where(p => p.Reverses is not null).Select(p => p.Reverses!.Value).ToHashSet();
        Years = postings.Select(p => p.FiscalYear).Distinct().Order().ToList();
        postings = postings.Where(p => (Year is null || p.FiscalYear == Year) && (Pot is null || p.Pot == Pot)).ToList();
        var resultPayments = postings.Where(p => p.Kind == LedgerKind.ResultPayment).Select(p => (int?)p.Id).ToList();
        PaidRuns = (await (from o in db.PaymentObligations join i in db.Investments on o.InvestmentId equals i.Id
                           where o.LedgerPostingId != null
                               && resultPayments.Contains(o.LedgerPostingId) select new
                               {
                                   Posting = o.LedgerPostingId!.Value, i.Key,
                                   o.RunId
                               })
                .AsNoTracking().ToListAsync(ct))
            .GroupBy(x => x.Posting).ToDictionary(g => g.Key, g => (g.First().Key, g.Select(x => x.RunId).Distinct().Order().ToList()));
        var column = Report.Table?.Columns.FirstOrDefault(c => c.Label == Column);
        if (column is null || Report.Table is null || (Report.Scoped && (Row is null || Balance)))
        {
            Lines = postings.Select(p => (p, (decimal?)null)).ToList();
            return true;
        }
        var table = Report.Table;
        Lines = postings.Select(p => (p, table.Contribution(p.ToEntry(), Row, Reference, column, Balance)))
            .Where(l => l.Item2 is not null).ToList();
        CellSum = Lines.Sum(l => l.Contribution!.Value);
        var rowLabel = Balance ? Report.BalanceLabel : Row is null ? Reconciliation.TotalRow
            : table.RunningCosts.Concat(table.Investments).FirstOrDefault(r => r.Kind == Row && r.Reference == Reference) is { } row
                ? (row.Indented ? $"{Report.InvestmentNames.GetValueOrDefault(row.Reference, row.Reference)} – resultatbetaling"
                    : row.Label) : Reference;
        CellTitle = $"{rowLabel}, {column.Label}";
        return true;
    }
}
