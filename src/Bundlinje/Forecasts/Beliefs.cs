namespace Bundlinje.Forecasts;

/// <summary>What we believe about a rate λ ≥ 0 (e.g. participants enrolled per day): a Gamma(shape, rate) distribution.
/// Observing <c>count</c> events over <c>exposure</c> units of time (a Poisson process) gives Gamma(shape + count,
/// rate + exposure). The predictive count over a future exposure is negative binomial.</summary>
public sealed record GammaBelief
{
    public GammaBelief(double shape, double rate)
    {
        if (!(shape > 0) || !(rate > 0) || double.IsInfinity(shape) || double.IsInfinity(rate))
            throw new ArgumentOutOfRangeException(nameof(shape), $"Gamma({shape}, {rate}) needs shape > 0 and rate > 0.");
        Shape = shape;
        Rate = rate;
    }

    public double Shape { get; }
    public double Rate { get; }
    public double Mean => Shape / Rate;
    public double Variance => Shape / (Rate * Rate);

    /// <summary>A prior centred on <paramref name="expectedRate"/> that weighs as much as <paramref name="strength"/> units
    /// of observed time (a plan believed "as much as 90 days of data": strength 90).</summary>
    public static GammaBelief Around(double expectedRate, double strength) =>
        new(Math.Max(expectedRate, 1e-9) * strength, strength);

    /// <summary>The belief after observing <paramref name="count"/> events in <paramref name="exposure"/> units of time.</summary>
    public GammaBelief Observe(long count, double exposure) =>
        count < 0 || exposure < 0 ? throw new ArgumentOutOfRangeException(nameof(count)) : new(Shape + count, Rate + exposure);
}

/// <summary>What we believe about a success rate p in [0, 1]: a Beta(α, β) distribution. Observing s successes among n
/// gives Beta(α + s, β + n − s).</summary>
public sealed record BetaBelief
{
    public BetaBelief(double alpha, double beta)
    {
        if (!(alpha > 0) || !(beta > 0) || double.IsInfinity(alpha) || double.IsInfinity(beta))
            throw new ArgumentOutOfRangeException(nameof(alpha), $"Beta({alpha}, {beta}) needs α > 0 and β > 0.");
        Alpha = alpha;
        Beta = beta;
    }

    public double Alpha { get; }
    public double Beta { get; }
    public double Mean => Alpha / (Alpha + Beta);
    public double Variance => Alpha * Beta / ((Alpha + Beta) * (Alpha + Beta) * (Alpha + Beta + 1));

    /// <summary>A prior centred on <paramref name="rate"/> that weighs as much as <paramref name="strength"/> observed
    /// persons (the business case's assumed rate "believed as much as 20 persons": strength 20).</summary>
    public static BetaBelief Around(double rate, double strength)
    {
        var p = Math.Clamp(rate, 1e-6, 1 - 1e-6);
        return new(p * strength, (1 - p) * strength);
    }

    /// <summary>The belief after observing <paramref name="successes"/> among <paramref name="observed"/> persons.</summary>
    public BetaBelief Observe(long successes, long observed) =>
        successes < 0 || observed < successes ? throw new ArgumentOutOfRangeException(nameof(successes))
            : new(Alpha + successes, Beta + observed - successes);
}
