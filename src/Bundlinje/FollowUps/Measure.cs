using Bundlinje.Common;

namespace Bundlinje.FollowUps;

/// <summary>The unit a measure's values are in; explanations print values in it (<see cref="MeasureFormat"/>).</summary>
public enum MeasureUnit { Kroner, Days, Events, Persons, Percent, YesNo, MmolPerMol }

/// <summary>What a value may be: any decimal, a whole number, or 0/1 (yes/no).</summary>
public enum MeasureValueType { Decimal, Integer, YesNo }

/// <summary>Who reports the measure: a public register, or the provider of the intervention.</summary>
public enum MeasureSource { Register, Provider }

/// <summary>
/// One measure of a fund's catalogue (docs/measures.md): the code register and provider data and payment models use,
/// its names, unit, value type, precision and source. The code is unique within the fund (a unique index).
/// </summary>
public sealed class Measure : Entity
{
    public const int MaxDecimals = 6;

    public int FundId { get; set; }
    public Fund.Fund? Fund { get; set; }
    public required string Code { get; set; }
    public required string NameDa { get; set; }
    public required string NameEn { get; set; }
    public MeasureUnit Unit { get; set; }
    public MeasureValueType ValueType { get; set; }
    /// <summary>How many decimals explanations show at most (kroner: usually 0).</summary>
    public int Decimals { get; set; }
    public MeasureSource Source { get; set; }

    public MeasureFormat Format => new(Unit, Decimals);
}

/// <summary>How a value of a measure is printed: "3.630.000 kr.", "0,14 hændelser", "3,5 dage", "12,5 %" (a share 0–1 as
/// percent).</summary>
public sealed record MeasureFormat(MeasureUnit Unit, int Decimals)
{
    public string Text(decimal value)
    {
        var shown = Unit == MeasureUnit.Percent ? value * 100m : value;
        var rounded = decimal.Round(shown, Math.Clamp(Decimals, 0, Measure.MaxDecimals), MidpointRounding.AwayFromZero);
        var pattern = Decimals <= 0 ? "#,0" : "#,0." + new string('#', Math.Clamp(Decimals, 0, Measure.MaxDecimals));
        return $"{rounded.ToString(pattern, Kroner.Danish)} {Label(Unit)}";
    }

    /// <summary>The Danish label of a unit as printed after a value.</summary>
    public static string Label(MeasureUnit unit) => unit switch
    {
        MeasureUnit.Kroner => "kr.",
        MeasureUnit.Days => "dage",
        MeasureUnit.Events => "hændelser",
        MeasureUnit.Persons => "personer",
        MeasureUnit.Percent => "%",
        MeasureUnit.MmolPerMol => "mmol/mol",
        _ => "hændelser",
    };
}
