namespace Bundlinje.Proposals;

/// <summary>The council's proposals table at a date (keys as in `bundlinje proposals stats --format json`).</summary>
public sealed record ProposalStatistics(
    int Ordinary, int DirectRejection, int RejectedAfterAssessment, int Donation, int Launched, int Pending, int Call, int CallLaunched, int NewThisYear)
{
    /// <param name="proposals">Each proposal's receipt date, whether it answered a call, and its timeline.</param>
    public static ProposalStatistics At(IEnumerable<(DateOnly ReceivedOn, bool InCall, IEnumerable<(ProposalStep Step, DateOnly On)> Events)> proposals, DateOnly asOf)
    {
        var known = proposals.Where(p => p.ReceivedOn <= asOf)
            .Select(p => (p.ReceivedOn, p.InCall, Step: p.Events.Where(e => e.On <= asOf).OrderBy(e => e.On).ThenBy(e => e.Step).Select(e => e.Step)
                .DefaultIfEmpty(ProposalStep.Received).Last()))
            .ToList();
        var ordinary = known.Where(p => !p.InCall).ToList();
        int Count(ProposalStep step) => ordinary.Count(p => p.Step == step);
        var decided = Count(ProposalStep.DirectRejection) + Count(ProposalStep.RejectedAfterAssessment) + Count(ProposalStep.Donation) + Count(ProposalStep.Launched);
        return new(ordinary.Count, Count(ProposalStep.DirectRejection), Count(ProposalStep.RejectedAfterAssessment), Count(ProposalStep.Donation),
            Count(ProposalStep.Launched), ordinary.Count - decided, known.Count(p => p.InCall), known.Count(p => p.InCall && p.Step == ProposalStep.Launched),
            ordinary.Count(p => p.ReceivedOn.Year == asOf.Year));
    }
}
