using Bundlinje.Common;

namespace Bundlinje.FollowUps;

/// <summary>
/// A follow-up run, stored once and never changed: the as-of date, the model and input fingerprints it ran on, who ran
/// it, and the result with its hash. The same inputs give the same result hash.
/// </summary>
public sealed class FollowUpRun : IPartOfInvestment, IAppendOnly
{
    string IAppendOnly.Refusal => "A follow-up run is stored once and never changed; run again instead.";

    public int Id { get; set; }
    public int InvestmentId { get; set; }
    public DateOnly AsOf { get; set; }
    public int PaymentModelId { get; set; }
    public required string ModelHash { get; set; }
    public required string ParticipantsHash { get; set; }
    public required string RegisterFingerprint { get; set; }
    public required string ResultJson { get; set; }
    public required string ResultHash { get; set; }
    public decimal Payable { get; set; }
    public required string RunBy { get; set; }
    public DateTimeOffset RunAt { get; set; }

    /// <summary>
    /// Approves this run with the steering group's decision. Refused without a decision reference, when the run is already
    /// approved, and when a run was approved after this one was computed: this run pays the difference to the approved
    /// runs it was computed against (<paramref name="result"/>, this run's parsed result), so it would pay the same
    /// outcomes twice. The database's unique indexes decide a race between two approvals; this gives the clear message.
    /// </summary>
    /// <param name="approvedRuns">The ids of the investment's approved runs.</param>
    public FollowUpApproval Approve(RunResult result, string? decisionReference, IReadOnlyCollection<int> approvedRuns, string approvedBy,
        DateTimeOffset approvedAt)
    {
        if (string.IsNullOrWhiteSpace(decisionReference))
            throw Refused.At("DecisionReference", "followUp.decisionReferenceRequired");
        if (approvedRuns.Contains(Id)) throw new Refused("followUp.runAlreadyApproved", Id);
        var settledAgainst = result.SettledAgainst ?? [];
        var approvedSince = approvedRuns.Except(settledAgainst).Order().ToList();
        if (approvedSince.Count > 0)
            throw new Refused("followUp.runStale", Id, string.Join(", ", approvedSince));
        return new FollowUpApproval
        {
            InvestmentId = InvestmentId, RunId = Id, Sequence = settledAgainst.Count + 1, DecisionReference = decisionReference.Trim(),
            ApprovedBy = approvedBy, ApprovedAt = approvedAt,
        };
    }
}

/// <summary>The secretariat's approval of a run with the steering group's decision reference; it creates obligations.</summary>
public sealed class FollowUpApproval : Entity, IPartOfInvestment
{
    public int InvestmentId { get; set; }
    public int RunId { get; set; }
    /// <summary>1 for the investment's first approval, 2 for the next, …: a run computed against n approved runs is approved as
    /// number n + 1. Unique per investment, so of two runs computed against the same approvals only one can be approved.</summary>
    public int Sequence { get; set; }
    public required string DecisionReference { get; set; }
    public required string ApprovedBy { get; set; }
    public DateTimeOffset ApprovedAt { get; set; }
}

/// <summary>What a payer owes after an approved run; recording the payment posts a result payment to the fund's ledger.</summary>
public sealed class PaymentObligation : Entity, IPartOfInvestment
{
    public int InvestmentId { get; set; }
    public int RunId { get; set; }
    public required string Payer { get; set; }
    public decimal Amount { get; set; }
    public DateOnly? DueOn { get; set; }
    public DateOnly? PaidOn { get; set; }
    public int? LedgerPostingId { get; set; }
    public Fund.LedgerPosting? LedgerPosting { get; set; }
}
