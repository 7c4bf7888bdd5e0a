using Bundlinje.Investments;
using Bundlinje.Security;

namespace Bundlinje.Web.Pages.Portfolio;

[Authorize(Policy = Policies.Reader)]
public sealed class IndexModel(BundlinjeDb db, IConfiguration configuration) : PageModel
{
    /// <summary>Share behind the planned enrolment that raises a warning (Bundlinje:EnrolmentWarningShare, default 0,10).</summary>
    public decimal WarningShare => configuration.GetValue("Bundlinje:EnrolmentWarningShare", EnrolmentPlan.DefaultWarningShare);

    public List<Investment> Investments { get; private set; } = [];
    public bool CanCreate => User.IsInRole(Roles.Secretariat);

    public async Task OnGetAsync(CancellationToken ct) =>
        Investments = await db.Investments.AsNoTracking().VisibleTo(User)
            .Include(i => i.Parties).ThenInclude(p => p.Organisation)
            .Include(i => i.SubProjects).Include(i => i.Enrolment)
            .OrderBy(i => i.Id).ToListAsync(ct);
}
