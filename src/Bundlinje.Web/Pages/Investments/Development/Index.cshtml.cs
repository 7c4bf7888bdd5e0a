using Bundlinje.Agreements;
using Bundlinje.Common;
using Bundlinje.Investments;
using Bundlinje.Security;

namespace Bundlinje.Web.Pages.Investments.Development;

/// <summary>An investment's development: its phases, maturity assessments and approval chain. The secretariat records
/// phases, maturity and the councillors' and mayor's approvals; a council member records the council's decision.</summary>
public sealed class IndexModel(BundlinjeDb db, ICurrentUser user, TimeProvider clock) : FormPage(db)
{
    [FromRoute] public string Key { get; set; } = "";
    [BindProperty] public PhaseForm Phase { get; set; } = new();
    [BindProperty] public MaturityForm Maturity { get; set; } = new();
    [BindProperty] public ApprovalForm Approval { get; set; } = new();

    public Investment Investment { get; private set; } = null!;
    public List<PhaseChange> Phases { get; private set; } = [];
    public List<MaturityAssessment> Assessments { get; private set; } = [];
    public List<Approval> Approvals { get; private set; } = [];
    public IReadOnlyList<string> Missing { get; private set; } = [];

    public bool Administers { get; private set; }
    public bool RecordsCouncilDecision { get; private set; }
    public IEnumerable<Party> Payers => Investment.Parties.Where(p => p.Role == PartyRole.Authority);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostPhaseAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        if (!Administers) return Forbid();
        return await SaveAsync("Phase", () =>
            new InvestmentDevelopment(Db, user).EnterPhaseAsync(Key, new PhaseInput(Phase.Phase, Phase.StartedOn, Phase.Owner, Phase.Note),
                ct), ct);
    }

    public async Task<IActionResult> OnPostMaturityAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        if (!Administers) return Forbid();
        var m = Maturity;
        return await SaveAsync("Maturity", () => new InvestmentDevelopment(Db, user).AssessMaturityAsync(Key,
            new MaturityInput(m.AssessedOn, m.Organisation, m.Content, m.Anchoring, m.FollowUp, m.Strengths, m.Attention), ct), ct);
    }

    public async Task<IActionResult> OnPostApprovalAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        var mayRecord = Approval.Kind == ApprovalKind.CouncilDecision ? RecordsCouncilDecision : Administers;
        if (!mayRecord) return Forbid(); // both decided by the loaded investment's authorization (LoadAsync)
        var a = Approval;
        return await SaveAsync("Approval", () =>
            new ApprovalChain(Db, user, clock).RecordAsync(Key,
                new ApprovalInput(a.Kind, a.DepartmentKey, a.ApprovedBy, a.ApprovedOn, a.DocumentReference), ct), ct);
    }

    private async Task<IActionResult> SaveAsync(string form, Func<Task> save, CancellationToken ct)
    {
        ModelState.Clear();
        try
        {
            await save();
            return Redirect($"/Investments/{Key}/Development#{form.ToLowerInvariant()}");
        }
        catch (FieldRefusal e)
        {
            ModelState.AddModelError($"{form}.{e.Field}", e.Message);
            Db.ChangeTracker.Clear();
            return await LoadAsync(ct) ?? Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var (refusal, investment) =
            await this.LoadAsync(Db.Investments.AsNoTracking().Include(i => i.Parties).ThenInclude(p => p.Organisation), Key, ct: ct);
        if (refusal is not null) return refusal;
        Investment = investment!;
        Administers = await HttpContext.MayAsync(Investment, Operations.Administer);
        RecordsCouncilDecision = await HttpContext.MayAsync(Investment, Operations.RecordCouncilDecision);
        Phases = await Db.PhaseChanges.AsNoTracking().Where(c => c.InvestmentId == Investment.Id).OrderByDescending(c => c.StartedOn)
            .ThenByDescending(c => c.Id).ToListAsync(ct);
        Assessments = await Db.MaturityAssessments.AsNoTracking().Where(m => m.InvestmentId == Investment.Id).OrderBy(m => m.AssessedOn)
            .ThenBy(m => m.Id).ToListAsync(ct);
        Approvals = await ApprovalChain.OfAsync(Db, Investment.Id, ct);
        Missing = ApprovalChain.Missing(Investment, Approvals);
        return null;
    }

    public sealed class PhaseForm
    {
        public DevelopmentPhase? Phase { get; set; }
        public DateOnly? StartedOn { get; set; }
        public string? Owner { get; set; }
        public string? Note { get; set; }
    }

    public sealed class MaturityForm
    {
        public DateOnly? AssessedOn { get; set; }
        public MaturityLevel? Organisation { get; set; }
        public MaturityLevel? Content { get; set; }
        public MaturityLevel? Anchoring { get; set; }
        public MaturityLevel? FollowUp { get; set; }
        public string? Strengths { get; set; }
        public string? Attention { get; set; }
    }

    public sealed class ApprovalForm
    {
        public ApprovalKind Kind { get; set; }
        public string? DepartmentKey { get; set; }
        public string? ApprovedBy { get; set; }
        public DateOnly? ApprovedOn { get; set; }
        public string? DocumentReference { get; set; }
    }
}
