using Bundlinje.Investments;
using Bundlinje.Organisations;
using Bundlinje.Security;

namespace Bundlinje.Web.Pages.Organisations;

[Authorize(Policy = Policies.Reader)]
public sealed class DetailsModel(BundlinjeDb db) : PageModel
{
    public Organisation Organisation { get; private set; } = null!;
    public List<Party> Parties { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool CanReadAudit { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Key == key, ct);
        if (organisation is null) return NotFound();
        Organisation = organisation;
        CanEdit = await HttpContext.MayAsync(organisation, Operations.Administer);
        CanReadAudit = await HttpContext.MayAsync(organisation, Operations.ReadFundWide);
        var visible = db.Investments.VisibleTo(User).Select(i => i.Id);
        Parties = await db.Parties.AsNoTracking().Include(p => p.Investment)
            .Where(p => p.OrganisationId == organisation.Id && visible.Contains(p.InvestmentId))
            .OrderBy(p => p.InvestmentId).ThenBy(p => p.Role).ToListAsync(ct);
        return Page();
    }
}
