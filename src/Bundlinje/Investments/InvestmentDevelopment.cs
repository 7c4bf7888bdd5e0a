using Bundlinje.Common;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Investments;

public sealed record PhaseInput(DevelopmentPhase? Phase, DateOnly? StartedOn, string? Owner, string? Note);

public sealed record MaturityInput(DateOnly? AssessedOn, MaturityLevel? Organisation, MaturityLevel? Content, MaturityLevel? Anchoring,
    MaturityLevel? FollowUp, string? Strengths, string? Attention);

/// <summary>Records an investment's development: the phase it enters (with owner and date) and maturity assessments.</summary>
public sealed class InvestmentDevelopment(IBundlinjeStore store, ICurrentUser user)
{
    public async Task<PhaseChange> EnterPhaseAsync(string investmentKey, PhaseInput input, CancellationToken ct = default) =>
        await EnterPhaseAsync(await FindAsync(investmentKey, ct), input, ct);

    /// <summary>For a caller that has loaded the investment (a page of its route).</summary>
    public async Task<PhaseChange> EnterPhaseAsync(Investment investment, PhaseInput input, CancellationToken ct = default)
    {
        if (input.Phase is not { } phase) throw Refused.At(nameof(input.Phase), "development.choosePhase");
        if (input.StartedOn is not { } on) throw Refused.At(nameof(input.StartedOn), "form.required", Refusal.Of("label.startDate"));
        if (string.IsNullOrWhiteSpace(input.Owner)) throw Refused.At(nameof(input.Owner), "form.required", Refusal.Of("label.owner"));
        if (input.Owner.Length > 200) throw Refused.At(nameof(input.Owner), "form.tooLong", Refusal.Of("label.owner"), 200);
        if (input.Note?.Length > 2000) throw Refused.At(nameof(input.Note), "form.tooLong", Refusal.Of("label.note"), 2000);
        var current = PhaseChange.Current(await store.PhaseChanges.Where(c => c.InvestmentId == investment.Id).ToListAsync(ct));
        if (current is not null && on < current.StartedOn)
            throw Refused.At(nameof(input.StartedOn), "development.beforeCurrentPhase", current.StartedOn);
        var change = new PhaseChange
        {
            InvestmentId = investment.Id, Phase = phase, StartedOn = on, Owner = input.Owner.Trim(),
            Note = Blank(input.Note), RecordedBy = user.Name
        };
        store.PhaseChanges.Add(change);
        await store.SaveChangesAsync(ct);
        return change;
    }

    public async Task<MaturityAssessment> AssessMaturityAsync(string investmentKey, MaturityInput input, CancellationToken ct = default) =>
        await AssessMaturityAsync(await FindAsync(investmentKey, ct), input, ct);

    public async Task<MaturityAssessment> AssessMaturityAsync(Investment investment, MaturityInput input, CancellationToken ct = default)
    {
        if (input.AssessedOn is not { } on) throw Refused.At(nameof(input.AssessedOn), "approval.dateRequired");
        MaturityLevel Level(MaturityLevel? level, string field, string label) =>
            level is { } l && Enum.IsDefined(l) ? l : throw Refused.At(field, "development.chooseLevel", Refusal.Of(label));
        var assessment = new MaturityAssessment
        {
            InvestmentId = investment.Id, AssessedOn = on,
            Organisation = Level(input.Organisation, nameof(input.Organisation), "label.organisation"),
            Content = Level(input.Content, nameof(input.Content), "label.content"),
            Anchoring = Level(input.Anchoring, nameof(input.Anchoring), "label.anchoring"),
            FollowUp = Level(input.FollowUp, nameof(input.FollowUp), "label.followUp"),
            Strengths = Blank(input.Strengths), Attention = Blank(input.Attention), RecordedBy = user.Name,
        };
        if (input.Strengths?.Length > 4000) throw Refused.At(nameof(input.Strengths), "form.tooLong", Refusal.Of("label.strengths"), 4000);
        if (input.Attention?.Length > 4000) throw Refused.At(nameof(input.Attention), "form.tooLong", Refusal.Of("label.attention"), 4000);
        store.MaturityAssessments.Add(assessment);
        await store.SaveChangesAsync(ct);
        return assessment;
    }

    private async Task<Investment> FindAsync(string key, CancellationToken ct) =>
        await store.Investments.FirstOrDefaultAsync(i => i.Key == key, ct) ?? throw Refused.At("Key", "investment.unknown", key);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
