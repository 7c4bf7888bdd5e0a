using Bundlinje.FollowUps;
using Bundlinje.Investments;
using Bundlinje.Participants;

namespace Bundlinje.Web.Pages.Investments.FollowUp;

/// <summary>One stored run: per metric and cohort eligible, achieved, rate, price and payment before and after caps;
/// payers and investors; and a drill-down to the participants behind a metric, which is access-logged.</summary>
[RouteInvestment(nameof(Operations.Read))]
public sealed class RunModel(BundlinjeDb db, IRegisterStore register, ParticipantStore participants) : InvestmentPageModel
{
    [FromRoute] public int Id { get; set; }
    [FromQuery] public string? Metric { get; set; }
    [FromQuery] public string? Cohort { get; set; }
    public FollowUpRun Run { get; private set; } = null!;
    public RunResult Result { get; private set; } = null!;
    public List<(string Person, decimal Amount)>? Rows { get; private set; }
    /// <summary>Per investor: capital, what approved runs up to this one pay it, the multiple and the IRR so far.</summary>
    public List<(string Investor, decimal Capital, decimal Received, decimal Multiple, decimal? Irr)> Returns { get; private set; } = [];
    public bool SeesParticipants { get; private set; }
    /// <summary>The metrics paid per participant (only their lines have participants to drill down to).</summary>
    public IReadOnlySet<string> PerPerson { get; private set; } = new HashSet<string>();
    public FollowUpApproval? Approval { get; private set; }
    /// <summary>The run's obligations, each with the ledger posting that paid it (if paid).</summary>
    public List<PaymentObligation> Obligations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        SeesParticipants = await HttpContext.MayAsync(Investment, Operations.SeeParticipants);
        var run = await db.FollowUpRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == Id && r.InvestmentId == Investment.Id, ct);
        if (run is null) return NotFound();
        (Run, Result) = (run, RunResult.FromJson(run.ResultJson));
        await LoadReturnsAsync(ct);
        PerPerson = (await db.PaymentModels.AsNoTracking().FirstAsync(m => m.Id == run.PaymentModelId, ct)).Model.Metrics
            .Where(Bundlinje.Payments.Settler.PerParticipant).Select(m => m.Key).ToHashSet();
        Approval = await db.FollowUpApprovals.AsNoTracking().FirstOrDefaultAsync(a => a.RunId == run.Id, ct);
        Obligations = await db.PaymentObligations.AsNoTracking().Include(o => o.LedgerPosting).Where(o => o.RunId == run.Id)
            .OrderBy(o => o.Id).ToListAsync(ct);
        if (Metric is not null && Cohort is not null)
        {
            if (!SeesParticipants) return Forbid();
            Rows = register.RunRows(run.ResultHash, Metric, Cohort);
            await participants.LogReadAsync(Investment.Id, $"Kørsel {Id}, effektmål {Metric}, kohorte {Cohort}", Rows.Count, ct);
        }
        return Page();
    }

    private async Task LoadReturnsAsync(CancellationToken ct)
    {
        var approved = await (from r in db.FollowUpRuns join a in db.FollowUpApprovals on r.Id equals a.RunId
                              where r.InvestmentId == Investment.Id && r.AsOf <= Run.AsOf select r).AsNoTracking().ToListAsync(ct);
        if (!approved.Any(r => r.Id == Run.Id)) approved.Add(Run); // as if this run were approved too
        var parties = await db.Parties.AsNoTracking().Include(p => p.Organisation)
            .Where(p => p.InvestmentId == Investment.Id && (p.Role == PartyRole.Investor || p.Role == PartyRole.CoFunder) && p.Capital > 0)
                .ToListAsync(ct);
        var start = Investment.PeriodStart ?? Investment.AgreedOn ?? approved.Min(r => r.AsOf);
        var byInvestor = approved.Select(r => (r.AsOf, r.Id == Run.Id ? Result.ByInvestor : RunResult.FromJson(r.ResultJson).ByInvestor))
            .ToList();
        foreach (var party in parties)
        {
            var flows = byInvestor.Select(r => new Bundlinje.Payments.CashFlow(r.AsOf,
                r.Item2.Where(i => i.Investor == party.Organisation!.Name).Sum(i => i.Amount))).ToList();
            var received = flows.Sum(f => f.Amount);
            var capital = party.Capital!.Value;
            Returns.Add((party.Organisation!.Name, capital, received, Bundlinje.Payments.InvestorReturns.Multiple(capital, received),
                Bundlinje.Payments.InvestorReturns.Irr([new(start, -capital), .. flows])));
        }
    }
}
