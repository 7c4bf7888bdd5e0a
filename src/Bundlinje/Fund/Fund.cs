using Bundlinje.Common;

namespace Bundlinje.Fund;

/// <summary>A social investment fund, e.g. Aarhus Kommune's, steered by its council.</summary>
public sealed class Fund : Entity
{
    public required string Key { get; set; }
    public required string Name { get; set; }
    public string? Council { get; set; }
    public string? Secretariat { get; set; }
    public int HorizonYears { get; set; } = 10;
    public int BudgetEffectPercent { get; set; } = 80;
    /// <summary>The ISO 4217 code of the currency the fund's amounts are in (DKK unless set); printed with runs and exports.</summary>
    public string Currency { get; set; } = Currencies.Default;
    /// <summary>The social discount rate for business cases (docs/business-cases.md): years 0–35, 36–70 and after, as
    /// shares (0,035 = 3,5 %); Finansministeriet's rates unless the fund sets its own.</summary>
    public decimal DiscountRateShort { get; set; } = 0.035m;
    public decimal DiscountRateMedium { get; set; } = 0.025m;
    public decimal DiscountRateLong { get; set; } = 0.015m;
    /// <summary>How far the sensitivity table moves each parameter (0,20 = ± 20 %).</summary>
    public decimal SensitivityStep { get; set; } = 0.20m;

    public BusinessCases.DiscountRates DiscountRates => new(DiscountRateShort, DiscountRateMedium, DiscountRateLong);
}

/// <summary>Currency codes (ISO 4217: three capital letters).</summary>
public static class Currencies
{
    public const string Default = "DKK";

    /// <summary>Null when <paramref name="code"/> is a currency code, else why not.</summary>
    public static Common.Refusal? Problem(string field, string? code) =>
        code is { Length: 3 } && code.All(c => c is >= 'A' and <= 'Z') ? null
        : Common.Refusal.At(field, "fund.currency", code);
}
