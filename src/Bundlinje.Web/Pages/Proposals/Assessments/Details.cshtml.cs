using Bundlinje.Common;
using Bundlinje.Proposals;
using Bundlinje.Security;

namespace Bundlinje.Web.Pages.Proposals.Assessments;

/// <summary>One assessment request: the proposal as received, and the form the department's analyst answers in.</summary>
[Authorize(Policy = Policies.Assessor)]
public sealed class DetailsModel(BundlinjeDb db, Bundlinje.Proposals.Assessments assessments) : FormPage(db)
{
    [FromRoute] public int Id { get; set; }
    [BindProperty] public string? Relevance { get; set; }
    [BindProperty] public string? EconomicConsequences { get; set; }
    [BindProperty] public Recommendation? Recommendation { get; set; }
    public AssessmentRequest Assessment { get; private set; } = null!;

    /// <summary>The analyst may answer (the loaded request's <see cref="Operations.Answer"/>) and it is not answered yet.</summary>
    public bool Writes { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        if (!Writes) return Forbid();
        var answer = new AssessmentAnswer(Relevance, EconomicConsequences, Recommendation);
        if (answer.Check() is { Count: > 0 } problems) ModelState.AddRefusal(new Refused(null, problems), field => field);
        if (!ModelState.IsValid) return Page();
        try
        {
            var viewer = User.ToViewer();
            await assessments.WriteAsync(Id, viewer.Scopes, answer, ct);
            return Redirect($"/Assessments/{Id}");
        }
        catch (Refused e)
        {
            ModelState.AddRefusal(e, field => field);
            return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var request = await Db.AssessmentRequests.AsNoTracking().Include(r => r.Organisation).Include(r => r.Proposal)
            .ThenInclude(p => p!.Events)
            .FirstOrDefaultAsync(r => r.Id == Id, ct);
        if (await this.RefuseUnlessAsync(request, Operations.Read) is { } refused) return refused;
        Assessment = request!;
        Writes = !Assessment.IsAnswered && await HttpContext.MayAsync(Assessment, Operations.Answer);
        return null;
    }
}
