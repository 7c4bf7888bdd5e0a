using Bundlinje.Proposals;
using Bundlinje.Security;

namespace Bundlinje.Web.Pages.Proposals.Assessments;

/// <summary>Assessment requests: an analyst sees those of their departments, the secretariat those of its funds.</summary>
[Authorize(Policy = Policies.Assessor)]
public sealed class IndexModel(BundlinjeDb db, TimeProvider clock) : PageModel
{
    public List<AssessmentRequest> Requests { get; private set; } = [];
    public DateOnly Today => clock.Today();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Requests = await Visible(db, User.ToViewer()).Include(r => r.Organisation).Include(r => r.Proposal)
            .OrderBy(r => r.WrittenOn != null).ThenBy(r => r.DueOn).ThenBy(r => r.Id).ToListAsync(ct);
    }

    internal static IQueryable<AssessmentRequest> Visible(BundlinjeDb db, Viewer viewer)
    {
        var scopes = viewer.Scopes.ToList();
        var analyst = viewer.Is(Roles.DepartmentAnalyst);
        var secretariat = viewer.Is(Roles.Secretariat);
        var funds = db.Funds.Where(f => scopes.Contains(f.Key)).Select(f => f.Id);
        return db.AssessmentRequests.AsNoTracking().Where(r =>
            (analyst && scopes.Contains(r.Organisation!.Key)) || (secretariat && funds.Contains(r.Proposal!.FundId)));
    }
}
