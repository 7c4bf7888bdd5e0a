using Bundlinje.Common;

namespace Bundlinje.Investments;

/// <summary>The development phases of an investment, as in the department's overview: 1 idea, 2 data and design,
/// 3a business case, 3b payment model, 4 implementation, 5 follow-up, 6 evaluation.</summary>
public enum DevelopmentPhase { Idea, DataAndDesign, BusinessCase, PaymentModel, Implementation, FollowUp, Evaluation }

/// <summary>An investment entering a phase: from when, who owns the work, why. The latest entry is the current phase.</summary>
public sealed class PhaseChange : Entity, IPartOfInvestment
{
    public int InvestmentId { get; set; }
    public DevelopmentPhase Phase { get; set; }
    public DateOnly StartedOn { get; set; }
    public required string Owner { get; set; }
    public string? Note { get; set; }
    public required string RecordedBy { get; set; }

    public static string Number(DevelopmentPhase phase) => phase switch
    {
        DevelopmentPhase.Idea => "1",
        DevelopmentPhase.DataAndDesign => "2",
        DevelopmentPhase.BusinessCase => "3a",
        DevelopmentPhase.PaymentModel => "3b",
        DevelopmentPhase.Implementation => "4",
        DevelopmentPhase.FollowUp => "5",
        _ => "6",
    };

    /// <summary>The current phase among an investment's changes: latest start date, then latest recorded.</summary>
    public static PhaseChange? Current(IEnumerable<PhaseChange> changes) =>
        changes.OrderByDescending(c => c.StartedOn).ThenByDescending(c => c.Id).FirstOrDefault();
}
