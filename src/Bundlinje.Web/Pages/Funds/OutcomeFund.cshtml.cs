using Bundlinje.Fund;

namespace Bundlinje.Web.Pages.Funds;

/// <summary>The outcome fund's own books: appropriations, commitments per investment and metric, payouts.</summary>
[Authorize(Policy = Policies.AuditReader)]
public sealed class OutcomeFundModel(BundlinjeDb db, FundEconomics economics) : PageModel
{
    [FromRoute] public string Key { get; set; } = "";
    public string FundName { get; private set; } = "";
    public OutcomeFundSummary Summary { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();
    public bool Administers { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var fund = await db.Funds.AsNoTracking().FirstOrDefaultAsync(f => f.Key == Key, ct);
        if (await this.RefuseUnlessAsync(fund, Operations.ReadFundWide) is { } refused) return refused;
        Administers = await HttpContext.MayAsync(fund!, Operations.Administer);
        FundName = fund!.Name;
        Summary = OutcomeFundSummary.From(await economics.LoadEntriesAsync(fund.Id, ct));
        Names = await db.Investments.AsNoTracking().Where(i => i.FundId == fund.Id).ToDictionaryAsync(i => i.Key, i => i.Name, ct);
        return Page();
    }
}
