namespace Bundlinje.BusinessCases;

/// <summary>
/// The social discount rate, stepwise: <see cref="Short"/> for years 0–35, <see cref="Medium"/> for years 36–70,
/// <see cref="Long"/> after (Finansministeriet from 7 January 2021: 3,5 / 2,5 / 1,5 %). Year k's factor is
/// 1/((1+short)^min(k,35) · (1+medium)^(min(k,70)−35)⁺ · (1+long)^(k−70)⁺): each year is discounted at the rate of its
/// band, the bands chained. Configurable per fund.
/// </summary>
public sealed record DiscountRates(decimal Short, decimal Medium, decimal Long)
{
    public static readonly DiscountRates Ministry2021 = new(0.035m, 0.025m, 0.015m);

    public double Factor(int year)
    {
        if (year < 0) throw new ArgumentOutOfRangeException(nameof(year), "Year 0 is the first year of the case.");
        var shortYears = Math.Min(year, 35);
        var mediumYears = Math.Max(0, Math.Min(year, 70) - 35);
        var longYears = Math.Max(0, year - 70);
        return 1 / (Math.Pow(1 + (double)Short, shortYears) * Math.Pow(1 + (double)Medium, mediumYears)
            * Math.Pow(1 + (double)Long, longYears));
    }

    /// <summary>The present value (year 0 = the first amount's year) of amounts per year, rounded to øre.</summary>
    public decimal PresentValue(IReadOnlyList<decimal> perYear) =>
        decimal.Round(perYear.Select((amount, k) => amount * (decimal)Factor(k)).Sum(), 2);
}
