using Bundlinje.Proposals;

namespace Bundlinje.Web.Pages.Funds.Calls;

/// <summary>A fund's themed calls; its secretariat announces new ones.</summary>
[Authorize(Policy = Policies.AuditReader)]
[RouteFund(nameof(Operations.ReadFundWide))]
public sealed class IndexModel(BundlinjeDb db, Bundlinje.Proposals.Calls calls, TimeProvider clock) : FundFormPage(db)
{
    [BindProperty] public CallInput Input { get; set; } = new(null, null, null, null, null);
    public List<Call> CallList { get; private set; } = [];
    public Dictionary<int, int> Answers { get; private set; } = [];
    public DateOnly Today => clock.Today();
    public bool Administers { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    [Requires(nameof(Operations.Administer))]
    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SaveFormAsync("Input", () => calls.AnnounceAsync(Fund, Input, ct), $"/Funds/{Key}/Calls", () => LoadAsync(ct));

    private async Task LoadAsync(CancellationToken ct)
    {
        Administers = await HttpContext.MayAsync(Fund, Operations.Administer);
        CallList = await Db.Calls.AsNoTracking().Where(c => c.FundId == Fund.Id).OrderByDescending(c => c.OpensOn).ToListAsync(ct);
        Answers = await Db.Proposals.Where(p => p.FundId == Fund.Id && p.CallId != null).GroupBy(p => p.CallId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }
}
