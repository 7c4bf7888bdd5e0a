using Bundlinje.Agreements;
using Bundlinje.Common;
using Bundlinje.Investments;
using Bundlinje.Security;

namespace Bundlinje.Web.Pages.Investments.Development;

/// <summary>An investment's development: its phases, maturity assessments and approval chain. The secretariat records
/// phases, maturity and the councillors' and mayor's approvals; a council member records the council's decision.</summary>
[RouteInvestment(nameof(Operations.Read))]
public sealed class IndexModel(BundlinjeDb db, InvestmentDevelopment development, ApprovalChain chain) : InvestmentFormPage(db)
{
    // The forms bind straight to the services' inputs.
    [BindProperty] public PhaseInput Phase { get; set; } = new(null, null, null, null);
    [BindProperty] public MaturityInput Maturity { get; set; } = new(null, null, null, null, null, null, null);
    [BindProperty] public ApprovalInput Approval { get; set; } = new(default, null, null, null, null);

    public List<PhaseChange> Phases { get; private set; } = [];
    public List<MaturityAssessment> Assessments { get; private set; } = [];
    public List<Approval> Approvals { get; private set; } = [];
    public IReadOnlyList<Refusal> Missing { get; private set; } = [];

    public bool Administers { get; private set; }
    public bool RecordsCouncilDecision { get; private set; }
    public IEnumerable<Party> Payers => Investment.Parties.Where(p => p.Role == PartyRole.Authority);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    [Requires(nameof(Operations.Administer))]
    public async Task<IActionResult> OnPostPhaseAsync(CancellationToken ct) =>
        await SaveAsync("Phase", () => development.EnterPhaseAsync(Investment, Phase, ct), ct);

    [Requires(nameof(Operations.Administer))]
    public async Task<IActionResult> OnPostMaturityAsync(CancellationToken ct) =>
        await SaveAsync("Maturity", () => development.AssessMaturityAsync(Investment, Maturity, ct), ct);

    /// <summary>The council's decision is a council member's to record, the other approvals the secretariat's.</summary>
    public async Task<IActionResult> OnPostApprovalAsync(CancellationToken ct)
    {
        var operation = Approval.Kind == ApprovalKind.CouncilDecision ? Operations.RecordCouncilDecision : Operations.Administer;
        if (!await HttpContext.MayAsync(Investment, operation, refusesRequest: true)) return Forbid();
        await LoadPartiesAsync(ct);
        return await SaveAsync("Approval", () => chain.RecordAsync(Investment, Approval, ct), ct);
    }

    private Task<IActionResult> SaveAsync(string form, Func<Task> save, CancellationToken ct) =>
        SaveFormAsync(form, save, $"/Investments/{Key}/Development#{form.ToLowerInvariant()}", () => LoadAsync(ct));

    /// <summary>The investment's parties with their organisations, onto the route's investment (loaded once).</summary>
    private async Task LoadPartiesAsync(CancellationToken ct)
    {
        if (Db.Entry(Investment).State == EntityState.Detached) Db.Attach(Investment);
        var entry = Db.Entry(Investment).Collection(i => i.Parties);
        if (!entry.IsLoaded) await entry.Query().Include(p => p.Organisation).LoadAsync(ct);
        entry.IsLoaded = true;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        await LoadPartiesAsync(ct);
        Administers = await HttpContext.MayAsync(Investment, Operations.Administer);
        RecordsCouncilDecision = await HttpContext.MayAsync(Investment, Operations.RecordCouncilDecision);
        Phases = await Db.PhaseChanges.AsNoTracking().Where(c => c.InvestmentId == Investment.Id).OrderByDescending(c => c.StartedOn)
            .ThenByDescending(c => c.Id).ToListAsync(ct);
        Assessments = await Db.MaturityAssessments.AsNoTracking().Where(m => m.InvestmentId == Investment.Id).OrderBy(m => m.AssessedOn)
            .ThenBy(m => m.Id).ToListAsync(ct);
        Approvals = await ApprovalChain.OfAsync(Db, Investment.Id, ct);
        Missing = ApprovalChain.Missing(Investment, Approvals);
    }
}
