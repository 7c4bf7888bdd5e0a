namespace Bundlinje.Common;

/// <summary>A record that belongs to one investment; its audit entries show on that investment's log.</summary>
public interface IPartOfInvestment
{
    int InvestmentId { get; }
}
