using Bundlinje.Common;
using Bundlinje.Proposals;

namespace Bundlinje.Web.Pages.Funds.Proposals;

/// <summary>One proposal: what was proposed, its attachments and timeline; the fund's secretariat moves it on.</summary>
[Authorize(Policy = Policies.AuditReader)]
[RouteFund(nameof(Operations.ReadFundWide))]
public sealed class DetailsModel(BundlinjeDb db, Triage triage) : FundFormPage(db)
{
    [FromRoute] public string Reference { get; set; } = "";
    [BindProperty] public ProposalStep? Step { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? AmountText { get; set; }
    [BindProperty] public List<string> Departments { get; set; } = [];
    [BindProperty] public DateOnly? DueOn { get; set; }
    public List<Bundlinje.Organisations.Organisation> DepartmentChoices { get; private set; } = [];
    public List<AssessmentRequest> Requests { get; private set; } = [];
    public List<OutboxMessage> Messages { get; private set; } = [];
    public string? InvestmentKey { get; private set; }
    public Proposal Proposal { get; private set; } = null!;
    public List<ProposalAttachment> Attachments { get; private set; } = [];
    public bool Administers { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    [Requires(nameof(Operations.Administer))]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } missing) return missing;
        decimal? amount = null;
        if (!string.IsNullOrWhiteSpace(AmountText))
        {
            if (Kroner.TryParse(AmountText, out var parsed)) amount = parsed;
            else ModelState.AddModelError(nameof(AmountText), "Beløb: skriv et beløb i kr. som 200.000.");
        }
        if (Step is null) ModelState.AddModelError(nameof(Step), "Vælg næste skridt.");
        if (!ModelState.IsValid) return Page();
        try
        {
            if (Step == ProposalStep.SentForAssessment) await triage.SendForAssessmentAsync(Fund, Reference, Departments, DueOn, Note, ct);
            else await triage.AdvanceAsync(Fund, Reference, Step!.Value, Note, amount, ct);
            return Redirect($"/Funds/{Key}/Proposals/{Uri.EscapeDataString(Reference)}");
        }
        catch (Refused e)
        {
            ModelState.AddRefusal(e, _ => nameof(Step));
            return await LoadAsync(ct) ?? Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Administers = await HttpContext.MayAsync(Fund, Operations.Administer);
        // The proposal is loaded through the fund of the route: another fund's reference is 404.
        var proposal = await Db.Proposals.AsNoTracking().Include(p => p.Events).Include(p => p.Call)
            .FirstOrDefaultAsync(p => p.FundId == Fund.Id && p.Reference == Reference, ct);
        if (proposal is null) return NotFound();
        Proposal = proposal;
        Attachments = await Db.ProposalAttachments.AsNoTracking().Where(a => a.ProposalId == proposal.Id)
            .Select(a => new ProposalAttachment
            {
                Id = a.Id, FileName = a.FileName, ContentType = a.ContentType, Size = a.Size,
                Sha256 = a.Sha256, Content = Array.Empty<byte>()
            }).ToListAsync(ct);
        InvestmentKey = proposal.InvestmentId is { } iid ? await Db.Investments.Where(i => i.Id == iid).Select(i => i.Key)
            .FirstOrDefaultAsync(ct) : null;
        Requests = await Db.AssessmentRequests.AsNoTracking().Include(r => r.Organisation).Where(r => r.ProposalId == proposal.Id)
            .OrderBy(r => r.RequestedOn).ThenBy(r => r.Organisation!.Name).ToListAsync(ct);
        if (Administers)
        {
            DepartmentChoices = await Db.Organisations.AsNoTracking()
                .Where(o => o.Kind == Bundlinje.Organisations.OrganisationKind.Department).OrderBy(o => o.Name).ToListAsync(ct);
            Messages = await Db.OutboxMessages.AsNoTracking().Where(m => m.FundId == Fund.Id && m.ProposalReference == Reference)
                .OrderBy(m => m.Id).ToListAsync(ct);
        }
        return null;
    }
}
