using Bundlinje.Security;

namespace Bundlinje.Web.Pages.Funds;

[Authorize(Policy = Policies.Reader)]
public sealed class IndexModel(BundlinjeDb db) : PageModel
{
    public List<Fund.Fund> Funds { get; private set; } = [];
    public bool CanCreate => User.IsInRole(Roles.Secretariat);
    /// <summary>Funds whose proposals, calls and audit log the user reads (<see cref="Operations.ReadFundWide"/>).</summary>
    public HashSet<string> FundWide { get; } = [];
    /// <summary>Funds the user administers (<see cref="Operations.Administer"/>).</summary>
    public HashSet<string> Administered { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Funds = await db.Funds.AsNoTracking().OrderBy(f => f.Name).ToListAsync(ct);
        foreach (var fund in Funds)
        {
            if (await HttpContext.MayAsync(fund, Operations.ReadFundWide)) FundWide.Add(fund.Key);
            if (await HttpContext.MayAsync(fund, Operations.Administer)) Administered.Add(fund.Key);
        }
    }
}
