namespace Bundlinje.Forecasts;

/// <summary>An effect measured on a sample: its estimate and standard error, read as a normal sampling distribution.</summary>
public sealed record NormalEffect
{
    public NormalEffect(double mean, double standardError)
    {
        if (double.IsNaN(mean) || double.IsInfinity(mean) || !(standardError >= 0) || double.IsInfinity(standardError))
            throw new ArgumentOutOfRangeException(nameof(standardError),
                $"Normal({mean}, {standardError}) needs a finite mean and se ≥ 0.");
        (Mean, StandardError) = (mean, standardError);
    }

    public double Mean { get; }
    public double StandardError { get; }

    /// <summary>The difference of two observed rates, p₀ − p₁ (the comparison group's rate minus the treated group's: a fall
    /// in events is positive), with se = √(p₀(1 − p₀)/n₀ + p₁(1 − p₁)/n₁).</summary>
    public static NormalEffect DifferenceOfRates(int comparisonEvents, int comparisonCount, int events, int count)
    {
        if (comparisonCount <= 0 || count <= 0 || comparisonEvents < 0 || events < 0 || comparisonEvents > comparisonCount
            || events > count) throw new ArgumentOutOfRangeException(nameof(count));
        var (p0, p1) = ((double)comparisonEvents / comparisonCount, (double)events / count);
        return new(p0 - p1, Math.Sqrt(p0 * (1 - p0) / comparisonCount + p1 * (1 - p1) / count));
    }

    /// <summary>The fall from a fixed baseline rate (no sampling error in the baseline): baseline − p₁, se = √(p₁(1 − p₁)/n₁).</summary>
    public static NormalEffect AgainstBaseline(double baselineRate, int events, int count)
    {
        if (count <= 0 || events < 0 || events > count) throw new ArgumentOutOfRangeException(nameof(count));
        var p1 = (double)events / count;
        return new(baselineRate - p1, Math.Sqrt(p1 * (1 - p1) / count));
    }

    /// <summary>The value below which a share <paramref name="p"/> of the distribution lies.</summary>
    public double Quantile(double p) => Mean + StandardError * StandardNormal.Quantile(p);

    /// <summary>P(effect ≥ <paramref name="x"/>), e.g. the chance the true effect reaches a minimum effect.</summary>
    public double AtLeast(double x) => StandardError == 0 ? (Mean >= x ? 1 : 0) : 1 - StandardNormal.Cdf((x - Mean) / StandardError);
}

/// <summary>The standard normal distribution: its CDF (through erfc, fractional error &lt; 1.2e-7) and quantile (Acklam's
/// rational approximation, relative error &lt; 1.2e-9).</summary>
public static class StandardNormal
{
    public static double Cdf(double z) => 0.5 * Erfc(-z / Math.Sqrt(2));

    /// <summary>erfc by the Chebyshev fit of Numerical Recipes (erfcc; fractional error &lt; 1.2e-7 everywhere).</summary>
    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + 0.5 * z);
        var r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    public static double Quantile(double p)
    {
        if (!(p > 0 && p < 1)) throw new ArgumentOutOfRangeException(nameof(p));
        double[] a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
            -3.066479806614716e+01, 2.506628277459239e+00];
        double[] b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
            -1.328068155288572e+01];
        double[] c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
            4.374664141464968e+00, 2.938163982698783e+00];
        double[] d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        const double low = 0.02425;
        if (p < low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q
                + 1);
        }
        if (p > 1 - low) return -Quantile(1 - p);
        var s = p - 0.5;
        var r = s * s;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * s
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
}
