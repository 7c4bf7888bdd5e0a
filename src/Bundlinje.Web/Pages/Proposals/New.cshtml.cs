using Bundlinje.Proposals;
using Microsoft.AspNetCore.RateLimiting;

namespace Bundlinje.Web.Pages.Proposals;

/// <summary>The public proposal form: no login; every field checked on the server; a honeypot and a rate limit against bots.</summary>
[AllowAnonymous]
[EnableRateLimiting(Setup.IntakeRateLimit)]
[KeepFormOnStorageFault]
public sealed class NewModel(BundlinjeDb db, Intake intake, TimeProvider clock) : PageModel
{
    [FromRoute] public string? Fund { get; set; }
    [BindProperty] public ProposerType? ProposerType { get; set; }
    [BindProperty] public string? Proposer { get; set; }
    [BindProperty] public string? Contact { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Problem { get; set; }
    [BindProperty] public string? TargetGroup { get; set; }
    [BindProperty] public string? Intervention { get; set; }
    [BindProperty] public string? Evidence { get; set; }
    [BindProperty] public string? ExpectedEffect { get; set; }
    [BindProperty(SupportsGet = true)] public string? CallKey { get; set; }
    [BindProperty] public List<IFormFile> Files { get; set; } = [];
    /// <summary>Hidden from people; a bot that fills it gets a receipt and nothing is stored.</summary>
    [BindProperty] public string? Website { get; set; }
    public string FundName { get; private set; } = "";
    public List<Call> OpenCalls { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } missing) return missing;
        if (!string.IsNullOrEmpty(Website)) return Redirect("/Proposals/Received");
        var files = new List<IntakeFile>();
        foreach (var file in Files.Where(f => f.Length > 0))
        {
            if (file.Length > Intake.MaxFileBytes)
            {
                ModelState.AddModelError(nameof(Files), $"Bilaget '{AttachmentName.Sanitise(file.FileName)}' er større end 10 MB.");
                return Page();
            }
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            files.Add(new IntakeFile(file.FileName, buffer.ToArray()));
        }
        var form = new IntakeForm(ProposerType, Proposer, Contact, Title, Problem, TargetGroup, Intervention, Evidence, ExpectedEffect,
            CallKey, files);
        foreach (var (field, problem) in Intake.Check(form)) ModelState.AddRefusal(field, problem);
        if (!ModelState.IsValid) return Page();
        try { return Redirect($"/Proposals/Received?reference={Uri.EscapeDataString(await intake.SubmitAsync(Fund!, form, ct))}"); }
        catch (Refused e) { ModelState.AddRefusal(e, _ => nameof(CallKey)); return Page(); }
    }

    public string ErrorClass(string key) =>
        ModelState.GetFieldValidationState(key) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid ? "form-error" : "";

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var fund = Fund is null ? await db.Funds.AsNoTracking().OrderBy(f => f.Id).FirstOrDefaultAsync(ct) : await db.Funds.AsNoTracking()
            .FirstOrDefaultAsync(f => f.Key == Fund, ct);
        if (fund is null) return NotFound();
        (Fund, FundName) = (fund.Key, fund.Name);
        OpenCalls = await db.Calls.AsNoTracking().Where(Bundlinje.Proposals.Calls.OpenOn(clock.Today())).Where(c => c.FundId == fund.Id)
            .ToListAsync(ct);
        return null;
    }
}
