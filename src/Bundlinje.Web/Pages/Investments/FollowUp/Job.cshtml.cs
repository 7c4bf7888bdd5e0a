using Bundlinje.Investments;
using Bundlinje.Jobs;

namespace Bundlinje.Web.Pages.Investments.FollowUp;

/// <summary>A queued follow-up run: its state and progress from the database (the page refreshes itself while the job is
/// queued or running, no JavaScript needed) and a cancel button. Any instance can show it and cancel it.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class JobModel(BundlinjeDb db, JobQueue jobs) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    [FromRoute] public string Key { get; set; } = "";
    public BackgroundJob Job { get; private set; } = null!;
    public decimal? Payable { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await InvestmentAsync(ct) is not { } investment) return refusal!;
        if (await jobs.ShowAsync(Id, investment.Id, ct) is not var (job, payable)) return NotFound();
        (Job, Payable) = (job, payable);
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken ct)
    {
        if (await InvestmentAsync(ct) is not { } investment) return refusal!;
        return await jobs.CancelAsync(Id, investment.Id, ct) ? Redirect($"/Investments/{Key}/FollowUp/Jobs/{Id}") : NotFound();
    }

    private IActionResult? refusal;

    private async Task<Investment?> InvestmentAsync(CancellationToken ct)
    {
        (refusal, var investment) = await this.LoadAsync(db.Investments.AsNoTracking(), Key, Operations.RunFollowUps, ct);
        return investment;
    }
}
