using Bundlinje.Investments;

namespace Bundlinje.Web.Pages.Investments.FollowUp;

/// <summary>A running follow-up: progress (the page refreshes itself while it runs, no JavaScript needed) and a cancel button.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class JobModel(BundlinjeDb db, RunJobs jobs) : PageModel
{
    [FromRoute] public string Key { get; set; } = "";
    [FromRoute] public Guid Id { get; set; }
    public RunJob Job { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        await Job.Cancellation.CancelAsync();
        return Redirect($"/Investments/{Key}/FollowUp/Jobs/{Id}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var (refusal, _) = await this.LoadAsync(db.Investments.AsNoTracking(), Key, Operations.RunFollowUps, ct);
        if (refusal is not null) return refusal;
        if (jobs.Find(Id) is not { } job || job.Investment != Key) return NotFound();
        Job = job;
        return null;
    }
}
