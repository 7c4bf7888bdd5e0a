using Bundlinje.Proposals;

namespace Bundlinje.Web.Pages.Funds.Proposals;

/// <summary>The fund's proposals with the council's table as of a date (secretariat and council of the fund).</summary>
[Authorize(Policy = Policies.AuditReader)]
[RouteFund(nameof(Operations.ReadFundWide))]
public sealed class IndexModel(BundlinjeDb db, TimeProvider clock) : FundPageModel
{
    [FromQuery] public DateOnly? AsOf { get; set; }
    public ProposalStatistics Statistics { get; private set; } = null!;
    public List<Proposal> Proposals { get; private set; } = [];
    public DateOnly Date => AsOf ?? clock.Today();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Proposals = await db.Proposals.AsNoTracking().Include(p => p.Events).Include(p => p.Call)
            .Where(p => p.FundId == Fund.Id && p.ReceivedOn <= Date)
            .OrderByDescending(p => p.ReceivedOn).ThenBy(p => p.Reference).ToListAsync(ct);
        Statistics = ProposalStatistics.At(Proposals, Date);
        return Page();
    }

    public ProposalStep StepAt(Proposal p) => p.StepOn(Date);
}
