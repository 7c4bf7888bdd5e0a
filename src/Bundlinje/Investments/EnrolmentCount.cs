using Bundlinje.Common;

namespace Bundlinje.Investments;

/// <summary>Reported enrolment at a date (aggregate counts; participant-level data lives elsewhere).</summary>
public sealed class EnrolmentCount : Entity, IPartOfInvestment
{
    public int InvestmentId { get; set; }
    public DateOnly AsOf { get; set; }
    public string? SubProject { get; set; }
    public int Enrolled { get; set; }
    public int? Completed { get; set; }
    public int? DroppedOut { get; set; }
    public int? Expected { get; set; }
    public string? Note { get; set; }
}
