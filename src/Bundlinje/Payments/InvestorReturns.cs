namespace Bundlinje.Payments;

public sealed record CashFlow(DateOnly Date, decimal Amount);

/// <summary>An investor's result: money back as a multiple of capital, the internal rate of return, and what a deficit
/// guarantee covers of a shortfall.</summary>
public static class InvestorReturns
{
    public static decimal Multiple(decimal capital, decimal received) => capital == 0 ? 0 : received / capital;

    /// <summary>The shortfall (capital not returned) covered by a guarantee, up to an amount and/or a share of the capital.</summary>
    public static decimal GuaranteeCovers(decimal capital, decimal received, decimal? maxAmount = null, decimal? maxShareOfCapital = null)
    {
        var shortfall = Math.Max(0m, capital - received);
        var limit = Math.Min(maxAmount ?? decimal.MaxValue, maxShareOfCapital is { } share ? capital * share : decimal.MaxValue);
        return Math.Min(shortfall, limit);
    }

    /// <summary>Annual IRR of dated cash flows (outflows negative), by bisection in decimal to 1e-7; null when the flows
    /// do not change sign.</summary>
    public static decimal? Irr(IReadOnlyList<CashFlow> flows)
    {
        if (!flows.Any(f => f.Amount < 0) || !flows.Any(f => f.Amount > 0)) return null;
        var start = flows.Min(f => f.Date);
        decimal Npv(decimal rate) => flows.Sum(f => f.Amount / Power(1 + rate, (f.Date.DayNumber - start.DayNumber) / 365m));
        decimal low = -0.99m, high = 10m;
        if (Math.Sign(Npv(low)) == Math.Sign(Npv(high))) return null;
        for (var i = 0; i < 200 && high - low > 0.0000001m; i++)
        {
            var mid = (low + high) / 2;
            if (Math.Sign(Npv(mid)) == Math.Sign(Npv(low))) low = mid; else high = mid;
        }
        return decimal.Round((low + high) / 2, 6);
    }

    /// <summary>x^y for x &gt; 0 in decimal via exp/log series (enough precision for rates; no double).</summary>
    private static decimal Power(decimal x, decimal y) => Exp(y * Ln(x));

    private static decimal Ln(decimal x)
    {
        // ln(x) = 2·atanh((x−1)/(x+1)), after scaling x into [0.5, 2] by powers of 2.
        var k = 0;
        while (x > 2) { x /= 2; k++; }
        while (x < 0.5m) { x *= 2; k--; }
        var z = (x - 1) / (x + 1);
        decimal term = z, sum = 0;
        for (var n = 1; n < 200 && term != 0; n += 2) { sum += term / n; term *= z * z; }
        return 2 * sum + k * 0.6931471805599453094172321215m;
    }

    private static decimal Exp(decimal x)
    {
        var k = 0;
        while (Math.Abs(x) > 1) { x /= 2; k++; }
        decimal term = 1, sum = 1;
        for (var n = 1; n < 60; n++) { term *= x / n; sum += term; }
        for (var i = 0; i < k; i++) sum *= sum;
        return sum;
    }
}
