namespace Bundlinje.Proposals;

/// <summary>The council's proposals table at a date (keys as in `bundlinje proposals stats --format json`).</summary>
public sealed record ProposalStatistics(
    int Ordinary, int DirectRejection, int RejectedAfterAssessment, int Donation, int Launched, int Pending, int Call, int CallLaunched,
        int NewThisYear)
{
    /// <summary>Where a proposal stood on a date: its latest step by then (same day: the later step in the flow).</summary>
    public static ProposalStep StepOn(IEnumerable<(ProposalStep Step, DateOnly On)> events, DateOnly asOf) =>
        events.Where(e => e.On <= asOf).OrderBy(e => e.On).ThenBy(e => e.Step).Select(e => e.Step).DefaultIfEmpty(ProposalStep.Received)
            .Last();

    public static ProposalStatistics At(IEnumerable<Proposal> proposals, DateOnly asOf) =>
        At(proposals.Select(p => (p.ReceivedOn, p.CallId is not null || p.Call is not null, p.Events.Select(e => (e.Step, e.On)))), asOf);

    /// <param name="proposals">Each proposal's receipt date, whether it answered a call, and its timeline.</param>
    public static ProposalStatistics At(
        IEnumerable<(DateOnly ReceivedOn, bool InCall, IEnumerable<(ProposalStep Step, DateOnly On)> Events)> proposals, DateOnly asOf)
    {
        var known = proposals.Where(p => p.ReceivedOn <= asOf)
            .Select(p => (p.ReceivedOn, p.InCall, Step: StepOn(p.Events, asOf)))
            .ToList();
        var ordinary = known.Where(p => !p.InCall).ToList();
        int Count(ProposalStep step) => ordinary.Count(p => p.Step == step);
        var decided = Count(ProposalStep.DirectRejection) + Count(ProposalStep.RejectedAfterAssessment) + Count(ProposalStep.Donation)
            + Count(ProposalStep.Launched);
        return new(ordinary.Count, Count(ProposalStep.DirectRejection), Count(ProposalStep.RejectedAfterAssessment),
            Count(ProposalStep.Donation),
            Count(ProposalStep.Launched), ordinary.Count - decided, known.Count(p => p.InCall),
                known.Count(p => p.InCall && p.Step == ProposalStep.Launched),
            ordinary.Count(p => p.ReceivedOn.Year == asOf.Year));
    }
}
