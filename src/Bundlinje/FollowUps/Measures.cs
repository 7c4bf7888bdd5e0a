namespace Bundlinje.FollowUps;

/// <summary>The measure codes register and provider data may carry (docs/register-data.md), with their unit.</summary>
public static class Measures
{
    public static readonly IReadOnlyDictionary<string, string> Known = new Dictionary<string, string>
    {
        ["benefit-cost"] = "kr. pr. uge (ydelse)",
        ["transfer-income"] = "kr.",
        ["shelter-days"] = "dage pr. måned på forsorgshjem",
        ["employment-degree"] = "andel (0–1) pr. måned",
        ["su-education"] = "1 = i SU-berettiget uddannelse",
        ["action-plan-progress"] = "1 = progression i handleplanen",
        ["hba1c"] = "mmol/mol",
        ["dropout"] = "1 = frafaldet",
        ["fsa-passed"] = "1 = bestået 9.-klasseprøve",
        ["youth-education"] = "1 = i eller gennemført ungdomsuddannelse",
        ["camp-mentor"] = "1 = deltaget i camp og mentorforløb",
        ["employed"] = "1 = i beskæftigelse",
        ["violence-ceased"] = "1 = volden er ophørt",
        ["er-visits-dv"] = "skadestuebesøg for vold i hjemmet",
        ["dv-charges"] = "sigtelser/domme for vold i hjemmet",
        ["womens-shelter"] = "dage på krisecenter",
        ["family-treatment"] = "1 = anden familiebehandling",
        ["reconvictions"] = "antal nye domme",
    };
}
