using Bundlinje.Fund;

namespace Bundlinje.Web.Pages.Funds;

/// <summary>The outcome fund's own books: appropriations, commitments per investment and metric, payouts.</summary>
[Authorize(Policy = Policies.AuditReader)]
[RouteFund(nameof(Operations.ReadFundWide))]
public sealed class OutcomeFundModel(BundlinjeDb db, FundEconomics economics) : FundPageModel
{
    public string FundName { get; private set; } = "";
    public OutcomeFundSummary Summary { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();
    public bool Administers { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Administers = await HttpContext.MayAsync(Fund, Operations.Administer);
        FundName = Fund.Name;
        Summary = OutcomeFundSummary.From(await economics.LoadEntriesAsync(Fund.Id, ct));
        Names = await db.Investments.AsNoTracking().Where(i => i.FundId == Fund.Id).ToDictionaryAsync(i => i.Key, i => i.Name, ct);
        return Page();
    }
}
