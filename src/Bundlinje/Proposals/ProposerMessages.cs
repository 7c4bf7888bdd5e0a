using Bundlinje.Common;

namespace Bundlinje.Proposals;

/// <summary>What the proposer is told when their proposal takes a step; null for steps they are not told about.</summary>
public static class ProposerMessages
{
    public static OutboxMessage? For(Proposal proposal, ProposalStep step, DateTimeOffset now, string? note = null, decimal? amount = null)
    {
        if (string.IsNullOrWhiteSpace(proposal.Contact)) return null;
        var (subject, body) = step switch
        {
            ProposalStep.Received => ($"Kvittering: din henvendelse {proposal.Reference} er modtaget",
                $"Tak for henvendelsen \"{proposal.Title}\". Den har referencen {proposal.Reference}. Sekretariatet vurderer den og " +
                    $"vender tilbage."),
            ProposalStep.DirectRejection or ProposalStep.RejectedAfterAssessment =>
                (Subject(proposal), $"Fonden har desværre afvist henvendelsen. Begrundelse: {note}"),
            ProposalStep.SentForAssessment =>
                (Subject(proposal),
                    "Henvendelsen er sendt til faglig belysning i de relevante magistratsafdelinger. Du hører fra os, når belysningen er " +
                        "færdig."),
            ProposalStep.Donation => (Subject(proposal), $"Fonden giver en donation på {Kroner.Format(amount)} til indsatsen."),
            ProposalStep.TakenIntoDevelopment =>
                (Subject(proposal),
                    "Fonden tager henvendelsen i udvikling som en mulig social investering. Sekretariatet kontakter dig om næste skridt."),
            ProposalStep.Launched => (Subject(proposal), "Indsatsen er nu igangsat som social investering."),
            _ => (null, null),
        };
        return body is null ? null : new OutboxMessage
        {
            FundId = proposal.FundId, ProposalReference = proposal.Reference, Recipient = proposal.Proposer ?? "Forslagsstiller",
            Addresses = proposal.Contact, Subject = subject!, Body = body, CreatedAt = now,
        };
    }

    private static string Subject(Proposal proposal) => $"Din henvendelse {proposal.Reference}: {proposal.Title}";
}
