using Bundlinje.Common;

namespace Bundlinje.Proposals;

public enum ProposerType { Department, Ngo, SocialEnterprise, Citizen, CouncilMember }

/// <summary>The steps of a proposal's life; the latest step on or before a date decides its category in the statistics.</summary>
public enum ProposalStep
{
    Received, DirectRejection, SentForAssessment, AssessmentReceived, RejectedAfterAssessment, Donation,
    TakenIntoDevelopment, Launched
}

/// <summary>A proposal (henvendelse) to a fund, ordinary or in answer to a call. Placeholders stand in for proposals
/// the published statistics count but the sources do not name; they say so in their title.</summary>
public sealed class Proposal : Entity
{
    public int FundId { get; set; }
    public required string Reference { get; set; }
    public required string Title { get; set; }
    public ProposerType ProposerType { get; set; }
    public string? Proposer { get; set; }
    /// <summary>The proposer's e-mail, for receipts and decisions.</summary>
    public string? Contact { get; set; }
    public string? Problem { get; set; }
    public string? TargetGroup { get; set; }
    public string? Intervention { get; set; }
    public string? Evidence { get; set; }
    public string? ExpectedEffect { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public int? CallId { get; set; }
    public Call? Call { get; set; }
    public bool IsPlaceholder { get; set; }
    public int? InvestmentId { get; set; }
    private readonly List<ProposalEvent> events = [];

    /// <summary>The timeline: given when the proposal is created (received, or the history a proposal file records), and
    /// from then on grown only by <see cref="Advance"/>, which keeps to the steps a proposal may take.</summary>
    public IReadOnlyList<ProposalEvent> Events { get => events; init => events = [.. value]; }

    public ProposalStep StepOn(DateOnly asOf) => ProposalStatistics.StepOn(Events.Select(e => (e.Step, e.On)), asOf);

    /// <summary>Why the proposal cannot take <paramref name="step"/> next; null when it can (<see cref="Triage.NextSteps"/>).</summary>
    public Refusal? RefusalToAdvance(ProposalStep step) =>
        Triage.Current(this) is var current && Triage.NextSteps(current).Contains(step)
            ? null
            : Refusal.At("Step", "triage.stepNotAllowed", current, step);

    /// <summary>Appends the next step to the timeline; refused when the proposal cannot take that step now.</summary>
    public ProposalEvent Advance(ProposalStep step, DateOnly on, string by, string? note = null, decimal? amount = null)
    {
        if (RefusalToAdvance(step) is { } refusal) throw new Refused(refusal);
        var added = new ProposalEvent { Step = step, On = on, By = by, Note = note, Amount = amount };
        events.Add(added);
        return added;
    }
}

/// <summary>One step in a proposal's timeline: what, when, why, by whom. Appended, never edited.</summary>
public sealed class ProposalEvent : Entity
{
    public int ProposalId { get; set; }
    public ProposalStep Step { get; set; }
    public DateOnly On { get; set; }
    public string? Note { get; set; }
    public decimal? Amount { get; set; }
    public required string By { get; set; }
}

/// <summary>A themed call for proposals, public while open.</summary>
public sealed class Call : Entity
{
    public int FundId { get; set; }
    public required string Key { get; set; }
    public required string Title { get; set; }
    public string? Theme { get; set; }
    public string? Text { get; set; }
    public DateOnly OpensOn { get; set; }
    public DateOnly ClosesOn { get; set; }
}
