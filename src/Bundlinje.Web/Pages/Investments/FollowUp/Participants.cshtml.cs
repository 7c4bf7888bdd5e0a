using Bundlinje.Investments;
using Bundlinje.Participants;

namespace Bundlinje.Web.Pages.Investments.FollowUp;

/// <summary>The investment's participants by pseudonym; every view is written to the participant access log.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class ParticipantsModel(BundlinjeDb db, ParticipantStore participants) : PageModel
{
    [FromRoute] public string Key { get; set; } = "";
    public Investment Investment { get; private set; } = null!;
    public List<Participant> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (refusal, investment) = await this.LoadAsync(db.Investments.AsNoTracking(), Key, Operations.SeeParticipants, ct);
        if (refusal is not null) return refusal;
        Investment = investment!;
        Rows = await participants.ReadAsync(Investment.Id, "Deltagerliste", q => q.OrderBy(p => p.Cohort).ThenBy(p => p.EnrolledOn)
            .ThenBy(p => p.Pseudonym), ct);
        return Page();
    }
}
