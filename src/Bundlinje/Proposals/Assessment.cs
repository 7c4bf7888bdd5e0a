using Bundlinje.Common;
using Bundlinje.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Proposals;

public enum Recommendation { TakeIntoDevelopment, Donation, Reject }

/// <summary>
/// A department asked to assess (belyse) a proposal by a due date, and its answer: the relevance for citizens and
/// today's offers, the immediate economic consequences, and a recommendation. Written by the department's analysts only.
/// </summary>
public sealed class AssessmentRequest : Entity
{
    public int ProposalId { get; set; }
    public Proposal? Proposal { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public DateOnly RequestedOn { get; set; }
    public DateOnly DueOn { get; set; }
    public required string RequestedBy { get; set; }
    public string? Relevance { get; set; }
    public string? EconomicConsequences { get; set; }
    public Recommendation? Recommendation { get; set; }
    public string? WrittenBy { get; set; }
    public DateOnly? WrittenOn { get; set; }

    public bool IsAnswered => WrittenOn is not null;
    public bool IsOverdue(DateOnly today) => !IsAnswered && today > DueOn;
}

/// <summary>An assessment as written by an analyst, before it is checked.</summary>
public sealed record AssessmentAnswer(string? Relevance, string? EconomicConsequences, Recommendation? Recommendation)
{
    public Dictionary<string, string> Check()
    {
        var problems = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(Relevance)) problems[nameof(Relevance)] = "Relevans for borgerne og nuværende tilbud skal udfyldes.";
        else if (Relevance.Length > 5000) problems[nameof(Relevance)] = "Relevans må højst være 5000 tegn.";
        if (string.IsNullOrWhiteSpace(EconomicConsequences)) problems[nameof(EconomicConsequences)] =
            "Umiddelbare økonomiske konsekvenser skal udfyldes.";
        else if (EconomicConsequences.Length > 5000) problems[nameof(EconomicConsequences)] =
            "Økonomiske konsekvenser må højst være 5000 tegn.";
        if (Recommendation is null) problems[nameof(Recommendation)] = "Vælg en anbefaling.";
        return problems;
    }
}

public sealed class AssessmentRefused(string field, string message) : FieldRefusal(field, message);

/// <summary>Analysts answer their department's assessment requests; each answer adds "assessment received" to the
/// proposal's timeline in the same save.</summary>
public sealed class Assessments(IBundlinjeStore store, ICurrentUser user, TimeProvider clock)
{
    public async Task WriteAsync(int requestId, IReadOnlySet<string> ownDepartments, AssessmentAnswer answer,
        CancellationToken ct = default)
    {
        var request = await store.AssessmentRequests.Include(r => r.Organisation).Include(r => r.Proposal).ThenInclude(p => p!.Events)
            .FirstOrDefaultAsync(r => r.Id == requestId, ct) ?? throw new AssessmentRefused("Id", "Anmodningen om belysning findes ikke.");
        if (!ownDepartments.Contains(request.Organisation!.Key))
            throw new AssessmentRefused("Id", $"Kun analytikere i {request.Organisation.Name} kan skrive denne belysning.");
        if (request.IsAnswered) throw new AssessmentRefused("Id", "Belysningen er allerede skrevet.");
        if (answer.Check() is { Count: > 0 } problems)
            throw new AssessmentRefused(problems.Keys.First(), string.Join(" ", problems.Values));
        var today = clock.Today();
        request.Relevance = answer.Relevance!.Trim();
        request.EconomicConsequences = answer.EconomicConsequences!.Trim();
        request.Recommendation = answer.Recommendation;
        request.WrittenBy = user.Name;
        request.WrittenOn = today;
        var proposal = request.Proposal!;
        if (Triage.NextSteps(Triage.Current(proposal)).Contains(ProposalStep.AssessmentReceived))
            proposal.Events.Add(
                new ProposalEvent
                {
                    Step = ProposalStep.AssessmentReceived, On = today, By = user.Name,
                    Note = $"Belysning fra {request.Organisation.Name}"
                });
        await store.SaveChangesAsync(ct);
    }
}
