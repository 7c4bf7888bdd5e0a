using Bundlinje.Proposals;

namespace Bundlinje.Web.Pages.Proposals;

/// <summary>The public list of open themed calls, each with a link to answer it on the proposal form.</summary>
[AllowAnonymous]
public sealed class CallsModel(BundlinjeDb db, TimeProvider clock) : PageModel
{
    public List<(string FundKey, string FundName, Call Call)> Open { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await (from c in db.Calls.AsNoTracking().Where(Bundlinje.Proposals.Calls.OpenOn(clock.Today()))
                          join f in db.Funds.AsNoTracking() on c.FundId equals f.Id
                          orderby c.ClosesOn
                          select new { f.Key, f.Name, Call = c }).ToListAsync(ct);
        Open = rows.Select(r => (r.Key, r.Name, r.Call)).ToList();
    }
}
