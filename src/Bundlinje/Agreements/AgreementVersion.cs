using Bundlinje.Common;

namespace Bundlinje.Agreements;

/// <summary>One version of an investment's agreement (aftalegrundlag): version 1 is the original, later ones revisions.</summary>
public sealed class AgreementVersion : Entity, IPartOfInvestment
{
    public int InvestmentId { get; set; }
    public int Number { get; set; }
    public DateOnly EffectiveOn { get; set; }
    public required string Reason { get; set; }
    public string? RecordedBy { get; set; }
    public List<AgreementChange> Changes { get; set; } = [];
}

/// <summary>One term changed by a revision. Values are invariant text: numbers as digits, dates as yyyy-MM-dd.</summary>
public sealed class AgreementChange
{
    public int Id { get; set; }
    public int AgreementVersionId { get; set; }

    /// <summary>Term code: plannedParticipants, periodStart, periodEnd, targetGroup, paymentModel, or capital:ORGKEY.</summary>
    public required string Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
}
