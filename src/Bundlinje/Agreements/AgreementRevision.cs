using Bundlinje.Common;
using Bundlinje.Investments;

namespace Bundlinje.Agreements;

/// <summary>What a secretariat proposes when revising an agreement; null means "unchanged".</summary>
public sealed record RevisionRequest(
    DateOnly EffectiveOn,
    string Reason,
    int? PlannedParticipants,
    DateOnly? PeriodStart,
    DateOnly? PeriodEnd,
    string? TargetGroup,
    string? PaymentModel,
    IReadOnlyDictionary<string, decimal> Capital);

/// <summary>Revises an agreement: applies the new terms to the investment and records a version listing what changed.</summary>
public static class AgreementRevision
{
    public static AgreementVersion Revise(Investment investment, RevisionRequest request, string recordedBy)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
            throw Refused.At(nameof(request.Reason), "revision.reasonRequired");
        var last = investment.Versions.OrderBy(v => v.Number).LastOrDefault();
        if (last is not null && request.EffectiveOn < last.EffectiveOn)
            throw Refused.At(nameof(request.EffectiveOn), "revision.beforeVersion", last.Number, last.EffectiveOn);
        if (request.PeriodStart is { } s && request.PeriodEnd is { } e && e < s)
            throw Refused.At(nameof(request.PeriodEnd), "revision.endBeforeStart");
        if (request.PlannedParticipants is < 0)
            throw Refused.At(nameof(request.PlannedParticipants), "revision.plannedNegative");

        var before = AgreementTerms.Of(investment);
        Apply(investment, request);
        var after = AgreementTerms.Of(investment);

        var changes = after.Where(t => before.GetValueOrDefault(t.Key) != t.Value)
            .Select(t => new AgreementChange { Field = t.Key, OldValue = before.GetValueOrDefault(t.Key), NewValue = t.Value })
            .ToList();
        if (changes.Count == 0)
            throw Refused.At(nameof(request.Reason), "revision.noChange");

        var version = new AgreementVersion
        {
            Number = (last?.Number ?? 0) + 1,
            EffectiveOn = request.EffectiveOn,
            Reason = request.Reason.Trim(),
            RecordedBy = recordedBy,
            Changes = changes,
        };
        investment.Versions.Add(version);
        return version;
    }

    private static void Apply(Investment investment, RevisionRequest request)
    {
        if (request.PlannedParticipants is { } planned) investment.PlannedParticipants = planned;
        if (request.PeriodStart is { } start) investment.PeriodStart = start;
        if (request.PeriodEnd is { } end) investment.PeriodEnd = end;
        if (!string.IsNullOrWhiteSpace(request.TargetGroup)) investment.TargetGroup = request.TargetGroup.Trim();
        if (!string.IsNullOrWhiteSpace(request.PaymentModel)) investment.PaymentModel = request.PaymentModel.Trim();
        foreach (var (orgKey, capital) in request.Capital)
        {
            if (capital < 0) throw Refused.At("Capital", "revision.capitalNegative");
            if (Kroner.Problem(Refusal.Of("label.capital"), capital) is { } range) throw new Refused(range with { Field = "Capital" });
            var party = investment.Parties.FirstOrDefault(p =>
                p.Organisation!.Key == orgKey && p.Role is PartyRole.Investor or PartyRole.CoFunder)
                ?? throw Refused.At("Capital", "revision.notInvestor", orgKey, investment.Name);
            party.Capital = capital;
        }
    }
}
