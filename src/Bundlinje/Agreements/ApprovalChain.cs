using Bundlinje.Common;
using Bundlinje.Investments;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Agreements;

/// <summary>A recorded approval before it is checked.</summary>
public sealed record ApprovalInput(ApprovalKind Kind, string? DepartmentKey, string? ApprovedBy, DateOnly? ApprovedOn,
    string? DocumentReference);

/// <summary>
/// The approval chain of an investment: the council's decision, the councillor of every paying department (the
/// parties with the authority role) and the mayor. The investment becomes active when the last link is recorded, and
/// not before: <see cref="Investment.Activate"/> is the one way to active, and it checks <see cref="Missing"/>.
/// </summary>
public sealed class ApprovalChain(IBundlinjeStore store, ICurrentUser user, TimeProvider clock)
{
    private static readonly Refusal MayorMissing = Common.Refusal.Of("approval.missing.mayor");

    /// <summary>What is still missing, each as a refusal reason; empty when the chain is complete.</summary>
    public static IReadOnlyList<Refusal> Missing(Investment investment, IReadOnlyCollection<Approval> approvals)
    {
        var missing = new List<Refusal>();
        if (!approvals.Any(a => a.Kind == ApprovalKind.CouncilDecision)) missing.Add(Common.Refusal.Of("approval.missing.council"));
        var payers = investment.Parties.Where(p => p.Role == PartyRole.Authority).Select(p => p.Organisation!).DistinctBy(o => o.Id)
            .ToList();
        if (payers.Count == 0) missing.Add(Common.Refusal.Of("approval.missing.payer"));
        foreach (var payer in payers.Where(o => !approvals.Any(a => a.Kind == ApprovalKind.Councillor && a.OrganisationId == o.Id)))
            missing.Add(Common.Refusal.Of("approval.missing.councillor", payer.Name));
        if (!approvals.Any(a => a.Kind == ApprovalKind.Mayor)) missing.Add(MayorMissing);
        return missing;
    }

    public static Task<List<Approval>> OfAsync(IBundlinjeStore store, int investmentId, CancellationToken ct) =>
        store.Approvals.Include(a => a.Organisation).Where(a => a.InvestmentId == investmentId).OrderBy(a => a.ApprovedOn).ThenBy(a => a.Id)
            .ToListAsync(ct);

    /// <summary>Records one approval; when it completes the chain, the investment becomes active in the same save.</summary>
    public async Task<Approval> RecordAsync(string investmentKey, ApprovalInput input, CancellationToken ct = default) =>
        await RecordAsync(await store.Investments.Include(i => i.Parties).ThenInclude(p => p.Organisation)
            .FirstOrDefaultAsync(i => i.Key == investmentKey, ct) ?? throw Refused.At("Kind", "investment.unknown", investmentKey), input,
                ct);

    /// <summary>For a caller that has loaded the investment, tracked and with its parties and their organisations.</summary>
    public async Task<Approval> RecordAsync(Investment investment, ApprovalInput input, CancellationToken ct = default)
    {
        var approvals = await OfAsync(store, investment.Id, ct);
        if (string.IsNullOrWhiteSpace(input.ApprovedBy)) throw Refused.At(nameof(input.ApprovedBy), "approval.approvedByRequired");
        if (input.ApprovedBy.Length > 200) throw Refused.At(nameof(input.ApprovedBy), "approval.approvedByTooLong", 200);
        if (input.ApprovedOn is not { } on) throw Refused.At(nameof(input.ApprovedOn), "approval.dateRequired");
        if (string.IsNullOrWhiteSpace(input.DocumentReference))
            throw Refused.At(nameof(input.DocumentReference), "approval.documentRequired");
        if (input.DocumentReference.Length > 300) throw Refused.At(nameof(input.DocumentReference), "approval.documentTooLong", 300);
        int? organisationId = null;
        if (input.Kind == ApprovalKind.Councillor)
        {
            var payer = investment.Parties.FirstOrDefault(p => p.Role == PartyRole.Authority && p.Organisation!.Key == input.DepartmentKey)
                ?? throw Refused.At(nameof(input.DepartmentKey), "approval.choosePayer");
            organisationId = payer.OrganisationId;
            if (approvals.Any(a => a.Kind == ApprovalKind.Councillor && a.OrganisationId == organisationId))
                throw Refused.At(nameof(input.DepartmentKey), "approval.councillorAlreadyRecorded", payer.Organisation!.Name);
        }
        else if (approvals.Any(a => a.Kind == input.Kind))
            throw Refused.At(nameof(input.Kind), input.Kind == ApprovalKind.Mayor ? "approval.mayorAlreadyRecorded"
                : "approval.councilAlreadyRecorded");
        if (input.Kind != ApprovalKind.CouncilDecision && !approvals.Any(a => a.Kind == ApprovalKind.CouncilDecision))
            throw Refused.At(nameof(input.Kind), "approval.councilFirst");
        if (input.Kind == ApprovalKind.Mayor && Missing(investment, approvals).Where(m => m != MayorMissing)
            .ToList() is { Count: > 0 } before)
            throw Refused.At(nameof(input.Kind), "approval.mayorLast", before);

        var approval = new Approval
        {
            InvestmentId = investment.Id, Kind = input.Kind, OrganisationId = organisationId, ApprovedBy = input.ApprovedBy.Trim(),
            ApprovedOn = on, DocumentReference = input.DocumentReference.Trim(), RecordedBy = user.Name,
        };
        store.Approvals.Add(approval);
        if (investment.Status == InvestmentStatus.InDevelopment && Missing(investment, [.. approvals, approval]).Count == 0)
        {
            investment.Activate([.. approvals, approval], $"Aktiv: godkendelseskæden fuldført {on:dd-MM-yyyy}");
            investment.AgreedOn ??= on;
            // The proposal the investment came from is launched with it.
            foreach (var proposal in await store.Proposals.Include(p => p.Events).Where(p => p.InvestmentId == investment.Id)
                .ToListAsync(ct))
                if (proposal.RefusalToAdvance(Proposals.ProposalStep.Launched) is null)
                {
                    proposal.Advance(Proposals.ProposalStep.Launched, on, user.Name,
                        "Godkendelseskæden er fuldført; investeringen er aktiv");
                    if (Proposals.ProposerMessages.For(proposal, Proposals.ProposalStep.Launched,
                        clock.GetUtcNow()) is { } message) store.OutboxMessages.Add(message);
                }
        }
        await store.SaveChangesAsync(ct);
        return approval;
    }
}
