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
    /// <summary>Each problem at its field; empty when the answer may be stored.</summary>
    public List<Refusal> Check()
    {
        var problems = new List<Refusal>();
        if (string.IsNullOrWhiteSpace(Relevance)) problems.Add(
            Refusal.At(nameof(Relevance), "form.required", Refusal.Of("label.relevanceFull")));
        else if (Relevance.Length > 5000) problems.Add(Refusal.At(nameof(Relevance), "form.tooLong", Refusal.Of("label.relevance"), 5000));
        if (string.IsNullOrWhiteSpace(EconomicConsequences))
            problems.Add(Refusal.At(nameof(EconomicConsequences), "form.required", Refusal.Of("label.economicConsequencesFull")));
        else if (EconomicConsequences.Length > 5000)
            problems.Add(Refusal.At(nameof(EconomicConsequences), "form.tooLong", Refusal.Of("label.economicConsequences"), 5000));
        if (Recommendation is null) problems.Add(Refusal.At(nameof(Recommendation), "assessment.chooseRecommendation"));
        return problems;
    }
}

/// <summary>Analysts answer their department's assessment requests; each answer adds "assessment received" to the
/// proposal's timeline in the same save.</summary>
public sealed class Assessments(IBundlinjeStore store, ICurrentUser user, TimeProvider clock)
{
    public async Task WriteAsync(int requestId, IReadOnlySet<string> ownDepartments, AssessmentAnswer answer,
        CancellationToken ct = default)
    {
        var request = await store.AssessmentRequests.Include(r => r.Organisation).Include(r => r.Proposal).ThenInclude(p => p!.Events)
            .FirstOrDefaultAsync(r => r.Id == requestId, ct) ?? throw Refused.At("Id", "assessment.requestNotFound");
        if (!ownDepartments.Contains(request.Organisation!.Key))
            throw Refused.At("Id", "assessment.onlyAnalysts", request.Organisation.Name);
        if (request.IsAnswered) throw Refused.At("Id", "assessment.alreadyWritten");
        if (answer.Check() is { Count: > 0 } problems) throw new Refused(null, problems);
        var today = clock.Today();
        request.Relevance = answer.Relevance!.Trim();
        request.EconomicConsequences = answer.EconomicConsequences!.Trim();
        request.Recommendation = answer.Recommendation;
        request.WrittenBy = user.Name;
        request.WrittenOn = today;
        var proposal = request.Proposal!;
        if (proposal.RefusalToAdvance(ProposalStep.AssessmentReceived) is null)
            proposal.Advance(ProposalStep.AssessmentReceived, today, user.Name, $"Belysning fra {request.Organisation.Name}");
        await store.SaveChangesAsync(ct);
    }
}
