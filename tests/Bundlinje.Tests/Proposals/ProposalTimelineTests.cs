using Bundlinje.Tests.Infrastructure;
using Bundlinje.Common;
using Bundlinje.Proposals;

namespace Bundlinje.Tests.Proposals;

/// <summary>A proposal moves only through its timeline: each step must be one its current step allows.</summary>
public sealed class ProposalTimelineTests
{
    private static Proposal Received() => new()
    {
        Reference = "H-1", Title = "Forslag", ReceivedOn = new(2026, 1, 5),
        Events = [new ProposalEvent { Step = ProposalStep.Received, On = new(2026, 1, 5), By = "offentlig formular" }],
    };

    [Fact]
    public void A_step_the_current_one_does_not_allow_is_refused_and_the_timeline_is_unchanged()
    {
        var proposal = Received();
        var refused = Assert.Throws<Refused>(() => proposal.Advance(ProposalStep.Launched, new(2026, 2, 1), "sekretariatet"));
        Assert.Equal("En henvendelse med status Received kan ikke gå til Launched.", refused.Da());
        Assert.Equal([ProposalStep.Received], proposal.Events.Select(e => e.Step));
        Assert.NotNull(proposal.RefusalToAdvance(ProposalStep.TakenIntoDevelopment));
    }

    [Fact]
    public void Allowed_steps_are_appended_in_order_with_who_when_and_why()
    {
        var proposal = Received();
        proposal.Advance(ProposalStep.SentForAssessment, new(2026, 1, 9), "sekretariatet", "Til belysning");
        var taken = proposal.Advance(ProposalStep.TakenIntoDevelopment, new(2026, 3, 1), "sekretariatet");
        Assert.Equal([ProposalStep.Received, ProposalStep.SentForAssessment, ProposalStep.TakenIntoDevelopment],
            proposal.Events.Select(e => e.Step));
        Assert.Equal((new DateOnly(2026, 3, 1), "sekretariatet"), (taken.On, taken.By));
        Assert.Equal(ProposalStep.TakenIntoDevelopment, Triage.Current(proposal));
        // Taken into development, the only way on is launch (when the investment's approval chain is complete).
        Assert.Null(proposal.RefusalToAdvance(ProposalStep.Launched));
        Assert.Throws<Refused>(() => proposal.Advance(ProposalStep.DirectRejection, new(2026, 3, 2), "sekretariatet", "for sent"));
    }
}
