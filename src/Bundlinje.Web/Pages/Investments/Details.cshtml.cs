using Bundlinje.Investments;
using Bundlinje.Security;

namespace Bundlinje.Web.Pages.Investments;

[Authorize(Policy = Policies.Reader)]
public sealed class DetailsModel(BundlinjeDb db) : PageModel
{
    public Investment Investment { get; private set; } = null!;
    public bool CanEdit => User.ToViewer().AdministersFund(Investment.Fund!.Key);
    public bool CanReadAudit => User.CanReadAudit();

    public string OrganisationName(string key) =>
        Investment.Parties.FirstOrDefault(p => p.Organisation!.Key == key)?.Organisation!.Name ?? key;

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        var (access, investment) = await db.Investments.AsNoTracking()
            .Include(i => i.Fund).Include(i => i.Parties).ThenInclude(p => p.Organisation)
            .Include(i => i.SubProjects).Include(i => i.Enrolment)
            .Include(i => i.Versions).ThenInclude(v => v.Changes)
            .FindAsync(key, User, ct);
        if (access == Access.NotFound) return NotFound();
        if (access == Access.Denied) return Forbid();
        Investment = investment!;
        return Page();
    }
}
