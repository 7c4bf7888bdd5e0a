using Bundlinje.Common;
using Bundlinje.Fund;
using Bundlinje.Investments;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Proposals;

/// <summary>
/// Moves a proposal on: each step is appended to its timeline with who, when and why. A donation posts a donation to
/// the fund's ledger and taking a proposal into development creates an investment in phase 1 — in the same save.
/// </summary>
public sealed class Triage(IBundlinjeStore store, ICurrentUser user, TimeProvider clock, Ledger ledger,
    IAssessorDirectory? assessors = null)
{
    private static readonly Dictionary<ProposalStep, ProposalStep[]> Next = new()
    {
        [ProposalStep.Received] = [ProposalStep.DirectRejection, ProposalStep.SentForAssessment],
        [ProposalStep.SentForAssessment] = [ProposalStep.AssessmentReceived, ProposalStep.RejectedAfterAssessment, ProposalStep.Donation,
            ProposalStep.TakenIntoDevelopment],
        [ProposalStep.AssessmentReceived] = [ProposalStep.AssessmentReceived, ProposalStep.RejectedAfterAssessment, ProposalStep.Donation,
            ProposalStep.TakenIntoDevelopment],
        [ProposalStep.TakenIntoDevelopment] = [ProposalStep.Launched],
    };

    public static IReadOnlyList<ProposalStep> NextSteps(ProposalStep current) => Next.GetValueOrDefault(current) ?? [];

    public static ProposalStep Current(Proposal p) => p.StepOn(DateOnly.MaxValue);

    public async Task<ProposalEvent> AdvanceAsync(string fundKey, string reference, ProposalStep step, string? note,
        decimal? amount = null, CancellationToken ct = default) =>
        await AdvanceAsync(await FundAsync(fundKey, ct), reference, step, note, amount, ct);

    /// <summary>For a caller that has loaded the fund (a page of the fund's route).</summary>
    public async Task<ProposalEvent> AdvanceAsync(Fund.Fund fund, string reference, ProposalStep step, string? note,
        decimal? amount = null, CancellationToken ct = default)
    {
        var proposal = await ProposalAsync(fund, reference, ct);
        if (proposal.RefusalToAdvance(step) is { } refused) throw new Refused(refused);
        if (step is ProposalStep.DirectRejection or ProposalStep.RejectedAfterAssessment && string.IsNullOrWhiteSpace(note))
            throw Refused.At("Note", "triage.rejectionNeedsReason");
        if (step == ProposalStep.SentForAssessment)
            throw Refused.At("Departments", "triage.chooseDepartmentsAndDue");
        if (step == ProposalStep.Launched && proposal.InvestmentId is { } investmentId
            && await store.Investments.AnyAsync(i => i.Id == investmentId && i.Status != InvestmentStatus.Active, ct))
            throw Refused.At("Step", "triage.launchedWhenChainComplete");
        var today = clock.Today();
        await using var transaction = await store.Database.BeginTransactionAsync(ct);
        var added = proposal.Advance(step, today, user.Name, note?.Trim(), amount);
        if (step == ProposalStep.Donation)
        {
            if (amount is not > 0) throw Refused.At("Amount", "triage.donationAmount");
            if (Kroner.Problem(Refusal.Of("ledger.label.amount"), amount) is { } range) throw new Refused(range with { Field = "Amount" });
            await ledger.AddAsync(fund, new LedgerLine
            {
                FiscalYear = today.Year, EntryDate = today, Kind = LedgerKind.Donation, Basis = LedgerBasis.Actual, Amount = amount.Value,
                Category = EconomicsRules.DonationCategory, Text = $"Donation til henvendelse {reference}: {proposal.Title}",
            }, LedgerSource.Manual, $"proposal:{reference}", ct);
        }
        if (step == ProposalStep.TakenIntoDevelopment)
        {
            var key = await FreeKeyAsync(proposal.Title, ct);
            var investment = new Investment { Key = key, Name = proposal.Title, FundId = fund.Id };
            investment.Develop($"Fase 1 (idé) fra henvendelse {reference}");
            store.Investments.Add(investment);
            await store.SaveChangesAsync(ct);
            proposal.InvestmentId = investment.Id;
            store.PhaseChanges.Add(
                new PhaseChange
                {
                    InvestmentId = investment.Id, Phase = DevelopmentPhase.Idea, StartedOn = today, Owner = user.Name,
                    RecordedBy = user.Name, Note = $"Fra henvendelse {reference}"
                });
        }
        if (ProposerMessages.For(proposal, step, clock.GetUtcNow(), note, amount) is { } message) store.OutboxMessages.Add(message);
        await store.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return added;
    }

    /// <summary>Sends a proposal to one or more departments for assessment by a due date: one request per department,
    /// the step on the timeline and a message to each department's analysts, in one save.</summary>
    public async Task<IReadOnlyList<AssessmentRequest>> SendForAssessmentAsync(string fundKey, string reference,
        IReadOnlyCollection<string> departmentKeys, DateOnly? dueOn, string? note, CancellationToken ct = default) =>
        await SendForAssessmentAsync(await FundAsync(fundKey, ct), reference, departmentKeys, dueOn, note, ct);

    public async Task<IReadOnlyList<AssessmentRequest>> SendForAssessmentAsync(Fund.Fund fund, string reference,
        IReadOnlyCollection<string> departmentKeys, DateOnly? dueOn, string? note, CancellationToken ct = default)
    {
        var proposal = await ProposalAsync(fund, reference, ct);
        var current = Current(proposal);
        if (!NextSteps(current).Contains(ProposalStep.SentForAssessment))
            throw Refused.At("Step", "triage.cannotSendForAssessment", current);
        if (departmentKeys.Count == 0) throw Refused.At("Departments", "triage.chooseDepartment");
        var today = clock.Today();
        if (dueOn is not { } due) throw Refused.At("DueOn", "triage.dueRequired");
        if (due <= today) throw Refused.At("DueOn", "triage.dueAfterToday");
        var departments = await store.Organisations.Where(o => departmentKeys.Contains(o.Key)
            && o.Kind == Organisations.OrganisationKind.Department).ToListAsync(ct);
        if (departments.Count != departmentKeys.Distinct().Count()) throw Refused.At("Departments", "triage.notADepartment");
        var names = string.Join(", ", departments.Select(d => d.Name));
        proposal.Advance(ProposalStep.SentForAssessment, today, user.Name,
            $"Til belysning i {names}, frist {due:dd-MM-yyyy}" + (string.IsNullOrWhiteSpace(note) ? "" : $". {note.Trim()}"));
        var requests = new List<AssessmentRequest>();
        foreach (var department in departments)
        {
            var request = new AssessmentRequest
            {
                Proposal = proposal, OrganisationId = department.Id, RequestedOn = today, DueOn = due,
                RequestedBy = user.Name
            };
            store.AssessmentRequests.Add(request);
            requests.Add(request);
            var addresses = assessors is null ? [] : await assessors.AddressesAsync(department.Key, ct);
            store.OutboxMessages.Add(new OutboxMessage
            {
                FundId = fund.Id, ProposalReference = reference, Recipient = $"Analytikere i {department.Name}",
                Addresses = Join(addresses),
                Subject = $"Belysning af henvendelse {reference} – frist {due:dd-MM-yyyy}",
                Body = $"Fonden beder {department.Name} belyse henvendelsen \"{proposal.Title}\" ({reference}) senest {due:dd-MM-yyyy}: " +
                    $"relevans for borgerne og nuværende tilbud, umiddelbare økonomiske konsekvenser og en anbefaling. Skriv belysningen " +
                        $"i Bundlinje under Faglige belysninger.",
                CreatedAt = clock.GetUtcNow(),
            });
        }
        if (ProposerMessages.For(proposal, ProposalStep.SentForAssessment, clock.GetUtcNow()) is { } receipt) store.OutboxMessages.Add(
            receipt);
        await store.SaveChangesAsync(ct);
        return requests;
    }

    private async Task<Fund.Fund> FundAsync(string fundKey, CancellationToken ct) =>
        await store.Funds.FirstOrDefaultAsync(f => f.Key == fundKey, ct) ?? throw new Refused("fund.unknown", fundKey);

    private async Task<Proposal> ProposalAsync(Fund.Fund fund, string reference, CancellationToken ct) =>
        await store.Proposals.Include(p => p.Events).FirstOrDefaultAsync(p => p.FundId == fund.Id && p.Reference == reference, ct)
            ?? throw new Refused("triage.proposalNotFound", reference);

    private static string? Join(IReadOnlyList<string> addresses) => addresses.Count == 0 ? null : string.Join(", ", addresses);

    private async Task<string> FreeKeyAsync(string title, CancellationToken ct)
    {
        var slug = Slug.Of(title, "henvendelse");
        var key = slug;
        for (var n = 2; await store.Investments.AnyAsync(i => i.Key == key, ct); n++) key = $"{slug}-{n}";
        return key;
    }
}
