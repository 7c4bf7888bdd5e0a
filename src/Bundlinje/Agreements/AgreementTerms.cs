using System.Globalization;
using Bundlinje.Investments;

namespace Bundlinje.Agreements;

/// <summary>The revisable terms of an agreement, as invariant text per term code.</summary>
public static class AgreementTerms
{
    public const string PlannedParticipants = "plannedParticipants";
    public const string PeriodStart = "periodStart";
    public const string PeriodEnd = "periodEnd";
    public const string TargetGroup = "targetGroup";
    public const string PaymentModel = "paymentModel";
    public const string CapitalPrefix = "capital:";

    public static SortedDictionary<string, string?> Of(Investment investment)
    {
        var terms = new SortedDictionary<string, string?>(StringComparer.Ordinal)
        {
            [PlannedParticipants] = investment.PlannedParticipants?.ToString(CultureInfo.InvariantCulture),
            [PeriodStart] = Text(investment.PeriodStart),
            [PeriodEnd] = Text(investment.PeriodEnd),
            [TargetGroup] = investment.TargetGroup,
            [PaymentModel] = investment.PaymentModel,
        };
        foreach (var party in investment.Parties.Where(p => p.Role is PartyRole.Investor or PartyRole.CoFunder))
            terms[CapitalPrefix + party.Organisation!.Key] = Text(party.Capital);
        return terms;
    }

    public static string? Text(decimal? amount) => amount?.ToString("0.##", CultureInfo.InvariantCulture);
    public static string? Text(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
