using Bundlinje.Proposals;

namespace Bundlinje.Web.Pages.Funds.Calls;

/// <summary>A fund's themed calls; its secretariat announces new ones.</summary>
[Authorize(Policy = Policies.AuditReader)]
public sealed class IndexModel(BundlinjeDb db, TimeProvider clock) : FormPage(db)
{
    [FromRoute] public string Key { get; set; } = "";
    [BindProperty] public CallForm Input { get; set; } = new();
    public List<Call> CallList { get; private set; } = [];
    public Dictionary<int, int> Answers { get; private set; } = [];
    public DateOnly Today => clock.Today();
    public bool Administers { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        if (!Administers) return Forbid(); // the loaded fund's Administer (LoadAsync)
        ModelState.Clear();
        try
        {
            await new Bundlinje.Proposals.Calls(Db).AnnounceAsync(Key,
                new CallInput(Input.Title, Input.Theme, Input.Text, Input.OpensOn, Input.ClosesOn), ct);
            return Redirect($"/Funds/{Key}/Calls");
        }
        catch (CallRefused e)
        {
            ModelState.AddModelError($"Input.{e.Field}", e.Message);
            Db.ChangeTracker.Clear();
            return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var fund = await Db.Funds.AsNoTracking().FirstOrDefaultAsync(f => f.Key == Key, ct);
        if (await this.RefuseUnlessAsync(fund, Operations.ReadFundWide) is { } refused) return refused;
        Administers = await HttpContext.MayAsync(fund!, Operations.Administer);
        CallList = await Db.Calls.AsNoTracking().Where(c => c.FundId == fund!.Id).OrderByDescending(c => c.OpensOn).ToListAsync(ct);
        Answers = await Db.Proposals.Where(p => p.FundId == fund!.Id && p.CallId != null).GroupBy(p => p.CallId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return null;
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
