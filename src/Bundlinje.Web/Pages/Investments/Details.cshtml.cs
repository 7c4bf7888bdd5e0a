using Bundlinje.Security;

namespace Bundlinje.Web.Pages.Investments;

[RouteInvestment(nameof(Operations.Read))]
public sealed class DetailsModel(BundlinjeDb db) : InvestmentPageModel
{
    public bool CanEdit { get; private set; }
    public bool CanReadAudit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var entry = db.Entry(Investment);
        await entry.Collection(i => i.Parties).Query().Include(p => p.Organisation).LoadAsync(ct);
        await entry.Collection(i => i.SubProjects).LoadAsync(ct);
        await entry.Collection(i => i.Versions).Query().Include(v => v.Changes).LoadAsync(ct);
        await entry.Collection(i => i.Enrolment).LoadAsync(ct);
        CanEdit = await HttpContext.MayAsync(Investment, Operations.Administer);
        CanReadAudit = await HttpContext.MayAsync(Investment, Operations.ReadFundWide);
        return Page();
    }
}
