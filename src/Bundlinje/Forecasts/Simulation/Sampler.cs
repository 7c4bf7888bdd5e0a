namespace Bundlinje.Forecasts.Simulation;

/// <summary>
/// A seeded pseudo-random source for the simulation: xoshiro256** (Blackman and Vigna) seeded through splitmix64, so the
/// same seed gives the same draws on every machine and .NET version. Draws: uniform, standard normal (Marsaglia's polar
/// method), Gamma (Marsaglia and Tsang 2000), Beta (as X / (X + Y) of two Gammas) and Poisson (Knuth's product method below
/// a mean of 30, else the normal approximation with continuity correction). A struct: the simulation's loop does not allocate.
/// </summary>
public struct Sampler
{
    private ulong s0, s1, s2, s3;
    private double spareNormal;
    private bool hasSpare;

    /// <summary>Any 64-bit seed (negative ones too); <paramref name="stream"/> gives independent streams from one seed.</summary>
    public Sampler(long seed, long stream = 0)
    {
        var x = unchecked((ulong)seed ^ ((ulong)stream * 0xD1B54A32D192ED03UL));
        s0 = SplitMix(ref x);
        s1 = SplitMix(ref x);
        s2 = SplitMix(ref x);
        s3 = SplitMix(ref x);
        spareNormal = 0;
        hasSpare = false;
    }

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextULong()
    {
        var result = ulong.RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = ulong.RotateLeft(s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double Uniform() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in (0, 1): never zero, so a logarithm of it is finite.</summary>
    public double OpenUniform() => ((NextULong() >> 11) + 0.5) * (1.0 / (1UL << 53));

    public double Normal()
    {
        if (hasSpare) { hasSpare = false; return spareNormal; }
        double u, v, s;
        do
        {
            u = 2 * Uniform() - 1;
            v = 2 * Uniform() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        var m = Math.Sqrt(-2 * Math.Log(s) / s);
        spareNormal = v * m;
        hasSpare = true;
        return u * m;
    }

    /// <summary>Gamma(shape, rate): mean shape / rate.</summary>
    public double Gamma(double shape, double rate)
    {
        if (shape < 1)
        {
            // Gamma(a) = Gamma(a + 1) · U^(1/a) (Marsaglia and Tsang, section 6).
            return Gamma(shape + 1, rate) * Math.Pow(OpenUniform(), 1 / shape);
        }
        var d = shape - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            var u = OpenUniform();
            if (u < 1 - 0.0331 * x * x * x * x || Math.Log(u) < 0.5 * x * x + d * (1 - v + Math.Log(v))) return d * v / rate;
        }
    }

    /// <summary>Beta(α, β) as X / (X + Y) with X ~ Gamma(α), Y ~ Gamma(β).</summary>
    public double Beta(double alpha, double beta)
    {
        var x = Gamma(alpha, 1);
        var y = Gamma(beta, 1);
        return x / (x + y);
    }

    /// <summary>Poisson(mean): Knuth's product of uniforms below 30, else round(N(mean, mean)) (never negative).</summary>
    public double Poisson(double mean)
    {
        if (mean <= 0) return 0;
        if (mean < 30)
        {
            var limit = Math.Exp(-mean);
            var k = 0;
            var p = Uniform();
            while (p > limit)
            {
                k++;
                p *= Uniform();
            }
            return k;
        }
        return Math.Max(0, Math.Floor(mean + Math.Sqrt(mean) * Normal() + 0.5));
    }
}
