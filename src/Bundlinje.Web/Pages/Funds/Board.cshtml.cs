using Bundlinje.Investments;
using Bundlinje.Proposals;

namespace Bundlinje.Web.Pages.Funds;

/// <summary>All of a fund's cases by development phase, as the department's overview: proposals out for assessment,
/// then investments in phases 1–6 with owner and since when.</summary>
[RouteFund(nameof(Operations.Read))]
public sealed class BoardModel(BundlinjeDb db) : FundPageModel
{
    public string FundName { get; private set; } = "";
    public List<Proposal> InAssessment { get; private set; } = [];
    public ILookup<DevelopmentPhase, (Investment Investment, PhaseChange Phase)> ByPhase { get; private set; } = null!;
    public List<Investment> WithoutPhase { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var fund = Fund;
        FundName = fund.Name;
        var investments = await db.Investments.AsNoTracking().VisibleTo(User).Where(i => i.FundId == fund.Id).OrderBy(i => i.Name)
            .ToListAsync(ct);
        var ids = investments.Select(i => i.Id).ToList();
        var phases = (await db.PhaseChanges.AsNoTracking().Where(c => ids.Contains(c.InvestmentId)).ToListAsync(ct)).ToLookup(c =>
            c.InvestmentId);
        var placed = investments.Select(i => (Investment: i, Phase: PhaseChange.Current(phases[i.Id]))).ToList();
        ByPhase = placed.Where(x => x.Phase is not null).ToLookup(x => x.Phase!.Phase, x => (x.Investment, x.Phase!));
        WithoutPhase = placed.Where(x => x.Phase is null && x.Investment.Status != InvestmentStatus.Donation).Select(x => x.Investment)
            .ToList();
        if (await HttpContext.MayAsync(fund, Operations.ReadFundWide))
            InAssessment = (await db.Proposals.AsNoTracking().Include(p => p.Events).Where(p => p.FundId == fund.Id).ToListAsync(ct))
                .Where(p => Triage.Current(p) is ProposalStep.SentForAssessment or ProposalStep.AssessmentReceived)
                    .OrderBy(p => p.Reference).ToList();
        return Page();
    }
}
