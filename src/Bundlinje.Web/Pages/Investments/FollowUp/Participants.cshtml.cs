using Bundlinje.Investments;
using Bundlinje.Participants;

namespace Bundlinje.Web.Pages.Investments.FollowUp;

/// <summary>The investment's participants by pseudonym; every view is written to the participant access log.</summary>
[RouteInvestment(nameof(Operations.SeeParticipants))]
public sealed class ParticipantsModel(ParticipantStore participants) : InvestmentPageModel
{
    public List<Participant> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Rows = await participants.ReadAsync(Investment.Id, "Deltagerliste", q => q.OrderBy(p => p.Cohort).ThenBy(p => p.EnrolledOn)
            .ThenBy(p => p.Pseudonym), ct);
        return Page();
    }
}
