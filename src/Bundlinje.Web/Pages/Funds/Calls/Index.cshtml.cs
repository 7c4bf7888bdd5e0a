using Bundlinje.Proposals;

namespace Bundlinje.Web.Pages.Funds.Calls;

/// <summary>A fund's themed calls; its secretariat announces new ones.</summary>
[Authorize(Policy = Policies.AuditReader)]
[RouteFund(nameof(Operations.ReadFundWide))]
public sealed class IndexModel(BundlinjeDb db, Bundlinje.Proposals.Calls calls, TimeProvider clock) : FundFormPage(db)
{
    [BindProperty] public CallForm Input { get; set; } = new();
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
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        try
        {
            await calls.AnnounceAsync(Fund, new CallInput(Input.Title, Input.Theme, Input.Text, Input.OpensOn, Input.ClosesOn), ct);
            return Redirect($"/Funds/{Key}/Calls");
        }
        catch (Refused e)
        {
            ModelState.AddRefusal(e, field => $"Input.{field}");
            Db.ChangeTracker.Clear();
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Administers = await HttpContext.MayAsync(Fund, Operations.Administer);
        CallList = await Db.Calls.AsNoTracking().Where(c => c.FundId == Fund.Id).OrderByDescending(c => c.OpensOn).ToListAsync(ct);
        Answers = await Db.Proposals.Where(p => p.FundId == Fund.Id && p.CallId != null).GroupBy(p => p.CallId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }

    public sealed class CallForm
    {
        public string? Title { get; set; }
        public string? Theme { get; set; }
        public string? Text { get; set; }
        public DateOnly? OpensOn { get; set; }
        public DateOnly? ClosesOn { get; set; }
    }
}
