using Bundlinje.Common;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Investments;

public sealed class DevelopmentRefused(string field, string message) : FieldRefusal(field, message);

public sealed record PhaseInput(DevelopmentPhase? Phase, DateOnly? StartedOn, string? Owner, string? Note);

public sealed record MaturityInput(DateOnly? AssessedOn, MaturityLevel? Organisation, MaturityLevel? Content, MaturityLevel? Anchoring,
    MaturityLevel? FollowUp, string? Strengths, string? Attention);

/// <summary>Records an investment's development: the phase it enters (with owner and date) and maturity assessments.</summary>
public sealed class InvestmentDevelopment(IBundlinjeStore store, ICurrentUser user)
{
    public async Task<PhaseChange> EnterPhaseAsync(string investmentKey, PhaseInput input, CancellationToken ct = default)
    {
        var investment = await FindAsync(investmentKey, ct);
        if (input.Phase is not { } phase) throw new DevelopmentRefused(nameof(input.Phase), "Vælg en fase.");
        if (input.StartedOn is not { } on) throw new DevelopmentRefused(nameof(input.StartedOn), "Startdato skal udfyldes.");
        if (string.IsNullOrWhiteSpace(input.Owner)) throw new DevelopmentRefused(nameof(input.Owner), "Ansvarlig skal udfyldes.");
        if (input.Owner.Length > 200) throw new DevelopmentRefused(nameof(input.Owner), "Ansvarlig må højst være 200 tegn.");
        if (input.Note?.Length > 2000) throw new DevelopmentRefused(nameof(input.Note), "Note må højst være 2000 tegn.");
        var current = PhaseChange.Current(await store.PhaseChanges.Where(c => c.InvestmentId == investment.Id).ToListAsync(ct));
        if (current is not null && on < current.StartedOn)
            throw new DevelopmentRefused(nameof(input.StartedOn),
                $"Startdato: kan ikke ligge før den nuværende fase startede ({current.StartedOn:dd-MM-yyyy}).");
        var change = new PhaseChange
        {
            InvestmentId = investment.Id, Phase = phase, StartedOn = on, Owner = input.Owner.Trim(),
            Note = Blank(input.Note), RecordedBy = user.Name
        };
        store.PhaseChanges.Add(change);
        await store.SaveChangesAsync(ct);
        return change;
    }

    public async Task<MaturityAssessment> AssessMaturityAsync(string investmentKey, MaturityInput input, CancellationToken ct = default)
    {
        var investment = await FindAsync(investmentKey, ct);
        if (input.AssessedOn is not { } on) throw new DevelopmentRefused(nameof(input.AssessedOn), "Dato skal udfyldes.");
        MaturityLevel Level(MaturityLevel? level, string field, string label) =>
            level is { } l && Enum.IsDefined(l) ? l
                : throw new DevelopmentRefused(field, $"{label}: vælg et trin fra 1 (ikke moden) til 5 (meget moden).");
        var assessment = new MaturityAssessment
        {
            InvestmentId = investment.Id, AssessedOn = on,
            Organisation = Level(input.Organisation, nameof(input.Organisation), "Organisering"),
            Content = Level(input.Content, nameof(input.Content), "Indhold"),
            Anchoring = Level(input.Anchoring, nameof(input.Anchoring), "Forankring"),
            FollowUp = Level(input.FollowUp, nameof(input.FollowUp), "Opfølgning"),
            Strengths = Blank(input.Strengths), Attention = Blank(input.Attention), RecordedBy = user.Name,
        };
        if (input.Strengths?.Length > 4000) throw new DevelopmentRefused(nameof(input.Strengths), "Styrker må højst være 4000 tegn.");
        if (input.Attention?.Length > 4000)
            throw new DevelopmentRefused(nameof(input.Attention), "Opmærksomhedspunkter må højst være 4000 tegn.");
        store.MaturityAssessments.Add(assessment);
        await store.SaveChangesAsync(ct);
        return assessment;
    }

    private async Task<Investment> FindAsync(string key, CancellationToken ct) =>
        await store.Investments.FirstOrDefaultAsync(i => i.Key == key, ct)
            ?? throw new DevelopmentRefused("Key", $"Ukendt investering '{key}'.");

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
