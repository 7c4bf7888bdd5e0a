using Bundlinje.Investments;
using Bundlinje.Security;

namespace Bundlinje.Web.Pages.Investments;

[Authorize(Policy = Policies.Reader)]
public sealed class DetailsModel(BundlinjeDb db) : PageModel
{
    public Investment Investment { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public bool CanReadAudit { get; private set; }

    public string OrganisationName(string key) =>
        Investment.Parties.FirstOrDefault(p => p.Organisation!.Key == key)?.Organisation!.Name ?? key;

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        var (refusal, investment) = await this.LoadAsync(db.Investments.AsNoTracking()
            .Include(i => i.Parties).ThenInclude(p => p.Organisation)
            .Include(i => i.SubProjects).Include(i => i.Enrolment)
            .Include(i => i.Versions).ThenInclude(v => v.Changes), key, ct: ct);
        if (refusal is not null) return refusal;
        Investment = investment!;
        CanEdit = await HttpContext.MayAsync(Investment, Operations.Administer);
        CanReadAudit = await HttpContext.MayAsync(Investment, Operations.ReadFundWide);
        return Page();
    }
}
