using Bundlinje.Security;

namespace Bundlinje.Web.Pages.Funds;

[Authorize(Policy = Policies.Reader)]
public sealed class IndexModel(BundlinjeDb db) : PageModel
{
    public List<Fund.Fund> Funds { get; private set; } = [];
    public Viewer Viewer => User.ToViewer();
    public bool CanCreate => User.IsInRole(Roles.Secretariat);
    public bool CanReadAudit => User.CanReadAudit();

    public async Task OnGetAsync(CancellationToken ct) =>
        Funds = await db.Funds.AsNoTracking().OrderBy(f => f.Name).ToListAsync(ct);
}
