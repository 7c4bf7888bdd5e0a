using Bundlinje.Investments;
using Bundlinje.Jobs;

namespace Bundlinje.Web.Pages.Investments.FollowUp;

/// <summary>A queued follow-up run: its state and progress from the database (the page refreshes itself while the job is
/// queued or running, no JavaScript needed) and a cancel button. Any instance can show it and cancel it.</summary>
[RouteInvestment(nameof(Operations.RunFollowUps))]
public sealed class JobModel(JobQueue jobs) : InvestmentPageModel
{
    [FromRoute] public Guid Id { get; set; }
    public BackgroundJob Job { get; private set; } = null!;
    public decimal? Payable { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await jobs.ShowAsync(Id, Investment.Id, ct) is not var (job, payable)) return NotFound();
        (Job, Payable) = (job, payable);
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken ct)
    {
        return await jobs.CancelAsync(Id, Investment.Id, ct) ? Redirect($"/Investments/{Key}/FollowUp/Jobs/{Id}") : NotFound();
    }
}
