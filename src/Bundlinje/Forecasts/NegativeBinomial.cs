namespace Bundlinje.Forecasts;

/// <summary>
/// The count of events over a future <c>exposure</c> when the rate has a Gamma(a, b) belief and, given the rate, events
/// arrive as a Poisson process: negative binomial with P(K = k) = Γ(k + a) / (Γ(a) k!) · q^a · (1 − q)^k, q = b / (b + exposure).
/// Mean a·exposure/b, variance mean·(1 + exposure/b). Computed exactly (log-space sums of the pmf), never by sampling, so a
/// test can check it by hand.
/// </summary>
public sealed record NegativeBinomial
{
    public NegativeBinomial(GammaBelief rate, double exposure)
    {
        if (!(exposure >= 0) || double.IsInfinity(exposure)) throw new ArgumentOutOfRangeException(nameof(exposure));
        Shape = rate.Shape;
        Q = rate.Rate / (rate.Rate + exposure);
        oneMinusQ = exposure / (rate.Rate + exposure);
    }

    private readonly double oneMinusQ;

    /// <summary>a: the Gamma belief's shape.</summary>
    public double Shape { get; }

    /// <summary>q = b / (b + exposure); 1 for no exposure (then K = 0 for certain).</summary>
    public double Q { get; }

    public double Mean => Shape * oneMinusQ / Q;
    public double Variance => Shape * oneMinusQ / (Q * Q);

    public double Pmf(long k)
    {
        if (k < 0) return 0;
        if (oneMinusQ <= 0) return k == 0 ? 1 : 0;
        var log = SpecialFunctions.LogGamma(k + Shape) - SpecialFunctions.LogGamma(Shape) - SpecialFunctions.LogGamma(k + 1.0)
            + Shape * Math.Log(Q) + k * Math.Log(oneMinusQ);
        return Math.Exp(log);
    }

    /// <summary>P(K ≤ k).</summary>
    public double Cdf(long k)
    {
        if (k < 0) return 0;
        var sum = 0.0;
        foreach (var (i, p) in Terms())
        {
            sum += p;
            if (i >= k || sum >= 1) break;
        }
        return Math.Min(sum, 1);
    }

    /// <summary>P(K ≥ k) = 1 − P(K ≤ k − 1).</summary>
    public double AtLeast(long k) => k <= 0 ? 1 : Math.Max(0, 1 - Cdf(k - 1));

    /// <summary>The smallest k with P(K ≤ k) ≥ <paramref name="p"/> (0 &lt; p &lt; 1).</summary>
    public long Quantile(double p)
    {
        if (!(p > 0 && p < 1)) throw new ArgumentOutOfRangeException(nameof(p));
        var sum = 0.0;
        foreach (var (k, term) in Terms())
        {
            sum += term;
            // Past the mean the terms shrink geometrically; a sum stuck below p by rounding stops where nothing is left to add.
            if (sum >= p || (k > Mean && term < 1e-300)) return k;
        }
        return 0;
    }

    /// <summary>(k, P(K = k)) for k = 0, 1, …: log P(0) = a·ln q, then log P(k) = log P(k − 1) + ln((k − 1 + a)/k) + ln(1 − q),
    /// summed in logs so that a large shape does not underflow P(0).</summary>
    private IEnumerable<(long K, double P)> Terms()
    {
        if (oneMinusQ <= 0)
        {
            yield return (0, 1);
            yield break;
        }
        var (log, logRest) = (Shape * Math.Log(Q), Math.Log(oneMinusQ));
        for (long k = 0; ; k++)
        {
            if (k > 0) log += Math.Log((k - 1 + Shape) / k) + logRest;
            yield return (k, Math.Exp(log));
        }
    }
}

/// <summary>The log-gamma function (Lanczos, g = 7, nine terms: about 15 significant digits), which .NET lacks.</summary>
public static class SpecialFunctions
{
    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    /// <summary>ln Γ(x) for x &gt; 0.</summary>
    public static double LogGamma(double x)
    {
        if (!(x > 0)) throw new ArgumentOutOfRangeException(nameof(x));
        // Reflection for small x keeps the series accurate: Γ(x) Γ(1 − x) = π / sin(πx).
        if (x < 0.5) return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        x -= 1;
        var a = Lanczos[0];
        var t = x + 7.5;
        for (var i = 1; i < 9; i++) a += Lanczos[i] / (x + i);
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(a);
    }
}
