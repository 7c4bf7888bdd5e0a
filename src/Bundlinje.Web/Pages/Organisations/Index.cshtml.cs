using Bundlinje.Investments;
using Bundlinje.Organisations;
using Bundlinje.Security;

namespace Bundlinje.Web.Pages.Organisations;

/// <summary>All organisations; each lists only the investments the viewer may read.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class IndexModel(BundlinjeDb db) : PageModel
{
    public List<Organisation> Organisations { get; private set; } = [];
    private List<Investment> visible = [];
    public bool CanEdit => User.IsInRole(Roles.Secretariat);

    public IEnumerable<(Investment Investment, List<PartyRole> Roles)> InvestmentsOf(int organisationId) =>
        visible.Select(i => (i, i.Parties.Where(p => p.OrganisationId == organisationId).Select(p => p.Role).ToList()))
            .Where(x => x.Item2.Count > 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Kind).ThenBy(o => o.Name).ToListAsync(ct);
        visible = await db.Investments.AsNoTracking().VisibleTo(User).Include(i => i.Parties).OrderBy(i => i.Id).ToListAsync(ct);
    }
}
