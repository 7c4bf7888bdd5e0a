namespace Bundlinje.BusinessCases;

/// <summary>What a parameter moved by ± the step does to the net present value and the net through the horizon.</summary>
public sealed record SensitivityRow(string Parameter, decimal LowNpv, decimal HighNpv, decimal LowNet, decimal HighNet)
{
    /// <summary>The width of the tornado bar: how far apart the two ends lie.</summary>
    public decimal Spread => Math.Abs(HighNpv - LowNpv);
}

/// <summary>The sensitivity table behind the tornado chart: success rate, recruitment and unit prices each moved down and
/// up by <c>step</c> (0,20 = ± 20 %) with the others held, widest first.</summary>
public static class Sensitivity
{
    public const string Success = "successRate", Recruitment = "recruitment", Prices = "unitPrices";

    public static IReadOnlyList<SensitivityRow> Table(BusinessCase c, Func<int, int, decimal> prices, DiscountRates rates, decimal step)
    {
        if (step is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(step), "The step is a share between 0 and 1.");
        SensitivityRow Row(string parameter, Func<decimal, BusinessCaseResult> at)
        {
            var (low, high) = (at(1 - step), at(1 + step));
            return new(parameter, low.NetPresentValue, high.NetPresentValue, low.Years.Sum(y => y.Net), high.Years.Sum(y => y.Net));
        }
        return new[]
        {
            Row(Success, f => BusinessCaseMath.Compute(c, prices, rates, successFactor: f)),
            Row(Recruitment, f => BusinessCaseMath.Compute(c, prices, rates, recruitmentFactor: f)),
            Row(Prices, f => BusinessCaseMath.Compute(c, prices, rates, priceFactor: f)),
        }.OrderByDescending(r => r.Spread).ToList();
    }
}
