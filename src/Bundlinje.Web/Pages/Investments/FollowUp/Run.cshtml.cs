using Bundlinje.FollowUps;
using Bundlinje.Investments;
using Bundlinje.Participants;

namespace Bundlinje.Web.Pages.Investments.FollowUp;

/// <summary>One stored run: per metric and cohort eligible, achieved, rate, price and payment before and after caps;
/// payers and investors; and a drill-down to the participants behind a metric, which is access-logged.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class RunModel(BundlinjeDb db, RegisterStore register, ParticipantStore participants) : PageModel
{
    [FromRoute] public string Key { get; set; } = "";
    [FromRoute] public int Id { get; set; }
    [FromQuery] public string? Metric { get; set; }
    [FromQuery] public string? Cohort { get; set; }
    public Investment Investment { get; private set; } = null!;
    public FollowUpRun Run { get; private set; } = null!;
    public RunResult Result { get; private set; } = null!;
    public List<(string Person, decimal Amount)>? Rows { get; private set; }
    public bool SeesParticipants => User.ToViewer().SeesParticipants(Investment.Fund!.Key);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (access, investment) = await db.Investments.AsNoTracking().Include(i => i.Fund).FindAsync(Key, User, ct);
        if (access == Access.NotFound) return NotFound();
        if (access == Access.Denied) return Forbid();
        Investment = investment!;
        var run = await db.FollowUpRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == Id && r.InvestmentId == Investment.Id, ct);
        if (run is null) return NotFound();
        (Run, Result) = (run, RunResult.FromJson(run.ResultJson));
        if (Metric is not null && Cohort is not null)
        {
            if (!SeesParticipants) return Forbid();
            Rows = register.RunRows(run.ResultHash, Metric, Cohort);
            await participants.LogReadAsync(Investment.Id, $"Kørsel {Id}, effektmål {Metric}, kohorte {Cohort}", Rows.Count, ct);
        }
        return Page();
    }
}
