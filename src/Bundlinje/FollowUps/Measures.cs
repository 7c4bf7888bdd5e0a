namespace Bundlinje.FollowUps;

/// <summary>
/// The measures every fund's catalogue starts with (docs/measures.md): what the Aarhus portfolio's register and provider
/// data carry. A new fund gets them when it is created (<c>BundlinjeDb</c> adds them in the same save), existing funds got
/// them from the MeasureCatalogue migration; from then on each fund's secretariat edits its own catalogue.
/// </summary>
public static class Measures
{
    public static readonly IReadOnlyList<MeasureSeed> Seed =
    [
        new("benefit-cost", "Ydelsesudgift pr. uge",
            "Benefit cost per week", MeasureUnit.Kroner, MeasureValueType.Decimal, 0, MeasureSource.Register),
        new("transfer-income", "Overførselsindkomst",
            "Transfer income", MeasureUnit.Kroner, MeasureValueType.Decimal, 0, MeasureSource.Register),
        new("shelter-days", "Dage på forsorgshjem pr. måned",
            "Days in a shelter per month", MeasureUnit.Days, MeasureValueType.Decimal, 4, MeasureSource.Register),
        new("employment-degree", "Beskæftigelsesgrad pr. måned (andel 0–1)",
            "Degree of employment per month (share 0–1)", MeasureUnit.Percent, MeasureValueType.Decimal, 1, MeasureSource.Register),
        new("su-education", "I SU-berettiget uddannelse",
            "In education eligible for SU", MeasureUnit.YesNo, MeasureValueType.YesNo, 4, MeasureSource.Register),
        new("action-plan-progress", "Progression i handleplanen",
            "Progress in the action plan", MeasureUnit.YesNo, MeasureValueType.YesNo, 4, MeasureSource.Provider),
        new("hba1c", "HbA1c",
            "HbA1c", MeasureUnit.MmolPerMol, MeasureValueType.Decimal, 4, MeasureSource.Register),
        new("dropout", "Frafaldet",
            "Dropped out", MeasureUnit.YesNo, MeasureValueType.YesNo, 4, MeasureSource.Register),
        new("fsa-passed", "Bestået 9.-klasseprøve",
            "Passed the 9th-grade exam", MeasureUnit.YesNo, MeasureValueType.YesNo, 4, MeasureSource.Register),
        new("youth-education", "I eller gennemført ungdomsuddannelse",
            "In or completed youth education", MeasureUnit.YesNo, MeasureValueType.YesNo, 4, MeasureSource.Register),
        new("camp-mentor", "Deltaget i camp og mentorforløb",
            "Took part in camp and mentoring", MeasureUnit.YesNo, MeasureValueType.YesNo, 4, MeasureSource.Provider),
        new("employed", "I beskæftigelse",
            "Employed", MeasureUnit.YesNo, MeasureValueType.YesNo, 4, MeasureSource.Register),
        new("violence-ceased", "Volden er ophørt",
            "The violence has ceased", MeasureUnit.YesNo, MeasureValueType.YesNo, 4, MeasureSource.Provider),
        new("er-visits-dv", "Skadestuebesøg for vold i hjemmet",
            "Emergency visits for domestic violence", MeasureUnit.Events, MeasureValueType.Integer, 4, MeasureSource.Register),
        new("dv-charges", "Sigtelser/domme for vold i hjemmet",
            "Charges/convictions for domestic violence", MeasureUnit.Events, MeasureValueType.Integer, 4, MeasureSource.Register),
        new("womens-shelter", "Dage på krisecenter",
            "Days in a women's shelter", MeasureUnit.Days, MeasureValueType.Decimal, 4, MeasureSource.Register),
        new("family-treatment", "Anden familiebehandling",
            "Other family treatment", MeasureUnit.YesNo, MeasureValueType.YesNo, 4, MeasureSource.Provider),
        new("reconvictions", "Antal nye domme",
            "Number of new convictions", MeasureUnit.Events, MeasureValueType.Integer, 4, MeasureSource.Register),
    ];

    /// <summary>The seed's codes with their Danish names (kept for callers of the former fixed list; a fund's own
    /// catalogue is in the database: <see cref="MeasureCatalogue"/>).</summary>
    public static readonly IReadOnlyDictionary<string, string> Known =
        Seed.ToDictionary(s => s.Code, s => s.NameDa, StringComparer.Ordinal);

    /// <summary>The seed's codes and value types: what a register import checks when no catalogue is handed to it.</summary>
    public static readonly IReadOnlyDictionary<string, MeasureValueType> SeedValueTypes =
        Seed.ToDictionary(s => s.Code, s => s.ValueType, StringComparer.Ordinal);

    /// <summary>The seed's codes and formats: what explanations use when no catalogue is handed to the engine (unit tests).</summary>
    public static readonly IReadOnlyDictionary<string, MeasureFormat> SeedFormats =
        Seed.ToDictionary(s => s.Code, s => new MeasureFormat(s.Unit, s.Decimals), StringComparer.Ordinal);

    /// <summary>The catalogue rows of the seed for a new fund.</summary>
    public static IEnumerable<Measure> For(Fund.Fund fund) => Seed.Select(s => new Measure
    {
        Fund = fund, Code = s.Code, NameDa = s.NameDa, NameEn = s.NameEn, Unit = s.Unit, ValueType = s.ValueType, Decimals = s.Decimals,
        Source = s.Source,
    });

    /// <summary>"'a', 'b', …": the known codes as a refusal lists them.</summary>
    public static string List(IEnumerable<string> codes) => string.Join(", ", codes.Order(StringComparer.Ordinal).Select(c => $"'{c}'"));
}

public sealed record MeasureSeed(string Code, string NameDa, string NameEn, MeasureUnit Unit, MeasureValueType ValueType, int Decimals,
    MeasureSource Source);
