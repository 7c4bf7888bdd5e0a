using Bundlinje.Common;
using Bundlinje.Investments;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Agreements;

public sealed class ApprovalRefused(string field, string message) : FieldRefusal(field, message);

/// <summary>A recorded approval before it is checked.</summary>
public sealed record ApprovalInput(ApprovalKind Kind, string? DepartmentKey, string? ApprovedBy, DateOnly? ApprovedOn,
    string? DocumentReference);

/// <summary>
/// The approval chain of an investment: the council's decision, the councillor of every paying department (the
/// parties with the authority role) and the mayor. The investment becomes active when the last link is recorded, and
/// not before: <see cref="Refusal"/> is the one check every status change to active goes through.
/// </summary>
public sealed class ApprovalChain(IBundlinjeStore store, ICurrentUser user, TimeProvider clock)
{
    private const string MayorMissing = "borgmesterens formelle godkendelse";

    /// <summary>What is still missing, as a reader would say it; empty when the chain is complete.</summary>
    public static IReadOnlyList<string> Missing(Investment investment, IReadOnlyCollection<Approval> approvals)
    {
        var missing = new List<string>();
        if (!approvals.Any(a => a.Kind == ApprovalKind.CouncilDecision)) missing.Add("Rådets beslutning");
        var payers = investment.Parties.Where(p => p.Role == PartyRole.Authority).Select(p => p.Organisation!).DistinctBy(o => o.Id)
            .ToList();
        if (payers.Count == 0) missing.Add("en betalende magistratsafdeling (part med rollen myndighed)");
        foreach (var payer in payers.Where(o => !approvals.Any(a => a.Kind == ApprovalKind.Councillor && a.OrganisationId == o.Id)))
            missing.Add($"rådmandens godkendelse for {payer.Name}");
        if (!approvals.Any(a => a.Kind == ApprovalKind.Mayor)) missing.Add(MayorMissing);
        return missing;
    }

    /// <summary>Why an investment may not go from its current status to <paramref name="to"/>; null when it may.</summary>
    public static string? Refusal(Investment investment, InvestmentStatus? from, InvestmentStatus to,
        IReadOnlyCollection<Approval> approvals) =>
        to == InvestmentStatus.Active && from != InvestmentStatus.Active && Missing(investment, approvals) is { Count: > 0 } missing
            ? $"Status: investeringen kan først blive aktiv, når godkendelseskæden er fuldført. Mangler: {string.Join(", ", missing)}."
            : null;

    public static Task<List<Approval>> OfAsync(IBundlinjeStore store, int investmentId, CancellationToken ct) =>
        store.Approvals.Include(a => a.Organisation).Where(a => a.InvestmentId == investmentId).OrderBy(a => a.ApprovedOn).ThenBy(a => a.Id)
            .ToListAsync(ct);

    /// <summary>Records one approval; when it completes the chain, the investment becomes active in the same save.</summary>
    public async Task<Approval> RecordAsync(string investmentKey, ApprovalInput input, CancellationToken ct = default)
    {
        var investment = await store.Investments.Include(i => i.Parties).ThenInclude(p => p.Organisation)
            .FirstOrDefaultAsync(i => i.Key == investmentKey, ct)
                ?? throw new ApprovalRefused("Kind", $"Ukendt investering '{investmentKey}'.");
        var approvals = await OfAsync(store, investment.Id, ct);
        if (string.IsNullOrWhiteSpace(input.ApprovedBy))
            throw new ApprovalRefused(nameof(input.ApprovedBy), "Godkendt af skal udfyldes (navn og titel).");
        if (input.ApprovedBy.Length > 200) throw new ApprovalRefused(nameof(input.ApprovedBy), "Godkendt af må højst være 200 tegn.");
        if (input.ApprovedOn is not { } on) throw new ApprovalRefused(nameof(input.ApprovedOn), "Dato skal udfyldes.");
        if (string.IsNullOrWhiteSpace(input.DocumentReference))
            throw new ApprovalRefused(nameof(input.DocumentReference), "Dokumentreference skal udfyldes (fx sagsnummer eller referat).");
        if (input.DocumentReference.Length > 300)
            throw new ApprovalRefused(nameof(input.DocumentReference), "Dokumentreference må højst være 300 tegn.");
        int? organisationId = null;
        if (input.Kind == ApprovalKind.Councillor)
        {
            var payer = investment.Parties.FirstOrDefault(p => p.Role == PartyRole.Authority && p.Organisation!.Key == input.DepartmentKey)
                ?? throw new ApprovalRefused(nameof(input.DepartmentKey),
                    "Afdeling: vælg en betalende magistratsafdeling i investeringen.");
            organisationId = payer.OrganisationId;
            if (approvals.Any(a => a.Kind == ApprovalKind.Councillor && a.OrganisationId == organisationId))
                throw new ApprovalRefused(nameof(input.DepartmentKey),
                    $"Rådmandens godkendelse for {payer.Organisation!.Name} er allerede registreret.");
        }
        else if (approvals.Any(a => a.Kind == input.Kind))
            throw new ApprovalRefused(nameof(input.Kind), input.Kind == ApprovalKind.Mayor
                ? "Borgmesterens godkendelse er allerede registreret." : "Rådets beslutning er allerede registreret.");
        if (input.Kind != ApprovalKind.CouncilDecision && !approvals.Any(a => a.Kind == ApprovalKind.CouncilDecision))
            throw new ApprovalRefused(nameof(input.Kind), "Rækkefølge: rådets beslutning skal registreres først.");
        if (input.Kind == ApprovalKind.Mayor && Missing(investment, approvals).Where(m => m != MayorMissing)
            .ToList() is { Count: > 0 } before)
            throw new ApprovalRefused(nameof(input.Kind),
                $"Rækkefølge: borgmesterens godkendelse kommer sidst. Mangler først: {string.Join(", ", before)}.");

        var approval = new Approval
        {
            InvestmentId = investment.Id, Kind = input.Kind, OrganisationId = organisationId, ApprovedBy = input.ApprovedBy.Trim(),
            ApprovedOn = on, DocumentReference = input.DocumentReference.Trim(), RecordedBy = user.Name,
        };
        store.Approvals.Add(approval);
        if (investment.Status == InvestmentStatus.InDevelopment && Missing(investment, [.. approvals, approval]).Count == 0)
        {
            investment.Status = InvestmentStatus.Active;
            investment.StatusNote = $"Aktiv: godkendelseskæden fuldført {on:dd-MM-yyyy}";
            investment.AgreedOn ??= on;
            // The proposal the investment came from is launched with it.
            foreach (var proposal in await store.Proposals.Include(p => p.Events).Where(p => p.InvestmentId == investment.Id)
                .ToListAsync(ct))
                if (Proposals.Triage.NextSteps(Proposals.Triage.Current(proposal)).Contains(Proposals.ProposalStep.Launched))
                {
                    proposal.Events.Add(
                        new Proposals.ProposalEvent
                        {
                            Step = Proposals.ProposalStep.Launched, On = on, By = user.Name,
                            Note = "Godkendelseskæden er fuldført; investeringen er aktiv"
                        });
                    if (Proposals.ProposerMessages.For(proposal, Proposals.ProposalStep.Launched,
                        clock.GetUtcNow()) is { } message) store.OutboxMessages.Add(message);
                }
        }
        await store.SaveChangesAsync(ct);
        return approval;
    }
}
