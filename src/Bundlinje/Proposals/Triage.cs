using System.Text.RegularExpressions;
using Bundlinje.Common;
using Bundlinje.Fund;
using Bundlinje.Investments;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Proposals;

public sealed class TriageRefused(string message) : Exception(message);

/// <summary>
/// Moves a proposal on: each step is appended to its timeline with who, when and why. A donation posts a donation to
/// the fund's ledger and taking a proposal into development creates an investment in phase 1 — in the same save.
/// </summary>
public sealed partial class Triage(IBundlinjeStore store, ICurrentUser user, TimeProvider clock)
{
    private static readonly Dictionary<ProposalStep, ProposalStep[]> Next = new()
    {
        [ProposalStep.Received] = [ProposalStep.DirectRejection, ProposalStep.SentForAssessment],
        [ProposalStep.SentForAssessment] = [ProposalStep.AssessmentReceived, ProposalStep.RejectedAfterAssessment, ProposalStep.Donation, ProposalStep.TakenIntoDevelopment],
        [ProposalStep.AssessmentReceived] = [ProposalStep.AssessmentReceived, ProposalStep.RejectedAfterAssessment, ProposalStep.Donation, ProposalStep.TakenIntoDevelopment],
        [ProposalStep.TakenIntoDevelopment] = [ProposalStep.Launched],
    };

    public static IReadOnlyList<ProposalStep> NextSteps(ProposalStep current) => Next.GetValueOrDefault(current) ?? [];

    public static ProposalStep Current(Proposal p) => p.StepOn(DateOnly.MaxValue);

    public async Task<ProposalEvent> AdvanceAsync(string fundKey, string reference, ProposalStep step, string? note, decimal? amount = null, CancellationToken ct = default)
    {
        var fund = await store.Funds.FirstOrDefaultAsync(f => f.Key == fundKey, ct) ?? throw new TriageRefused($"Ukendt fond '{fundKey}'.");
        var proposal = await store.Proposals.Include(p => p.Events).FirstOrDefaultAsync(p => p.FundId == fund.Id && p.Reference == reference, ct)
            ?? throw new TriageRefused($"Henvendelse {reference} findes ikke.");
        var current = Current(proposal);
        if (!NextSteps(current).Contains(step)) throw new TriageRefused($"En henvendelse med status {current} kan ikke gå til {step}.");
        if (step is ProposalStep.DirectRejection or ProposalStep.RejectedAfterAssessment && string.IsNullOrWhiteSpace(note))
            throw new TriageRefused("Begrundelse: en afvisning skal have en begrundelse.");
        if (step == ProposalStep.SentForAssessment && string.IsNullOrWhiteSpace(note))
            throw new TriageRefused("Afdelinger: skriv hvilke afdelinger der skal belyse henvendelsen, og fristen.");
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        await using var transaction = await store.Database.BeginTransactionAsync(ct);
        var added = new ProposalEvent { Step = step, On = today, Note = note?.Trim(), Amount = amount, By = user.Name };
        proposal.Events.Add(added);
        if (step == ProposalStep.Donation)
        {
            if (amount is not > 0) throw new TriageRefused("Beløb: en donation skal have et beløb over 0 kr.");
            await new Ledger(store, user, clock).AddAsync(fundKey, new LedgerLine
            {
                FiscalYear = today.Year, EntryDate = today, Kind = LedgerKind.Donation, Basis = LedgerBasis.Actual, Amount = amount.Value,
                Category = EconomicsRules.DonationCategory, Text = $"Donation til henvendelse {reference}: {proposal.Title}",
            }, LedgerSource.Manual, $"proposal:{reference}", ct);
        }
        if (step == ProposalStep.TakenIntoDevelopment)
        {
            var key = await FreeKeyAsync(proposal.Title, ct);
            var investment = new Investment { Key = key, Name = proposal.Title, FundId = fund.Id, Status = InvestmentStatus.InDevelopment, StatusNote = $"Fase 1 (idé) fra henvendelse {reference}" };
            store.Investments.Add(investment);
            await store.SaveChangesAsync(ct);
            proposal.InvestmentId = investment.Id;
        }
        await store.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return added;
    }

    private async Task<string> FreeKeyAsync(string title, CancellationToken ct)
    {
        var slug = NonKey().Replace(title.ToLowerInvariant().Replace("æ", "ae").Replace("ø", "oe").Replace("å", "aa"), "-").Trim('-');
        slug = slug.Length == 0 ? "henvendelse" : slug[..Math.Min(slug.Length, 50)].Trim('-');
        var key = slug;
        for (var n = 2; await store.Investments.AnyAsync(i => i.Key == key, ct); n++) key = $"{slug}-{n}";
        return key;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonKey();
}
