using Bundlinje.Common;
using Bundlinje.Fund;

namespace Bundlinje.Forecasts.Simulation;

/// <summary>
/// The Monte Carlo of the fund (docs/forecasts.md, "Simulating the fund"). Each scenario draws, per uncertain investment,
/// the recruitment and the success rates, turns them into one factor on the investment's expected result payments
/// (<see cref="ScenarioInvestment"/>), and adds (factor − 1) × those payments to the deterministic balance from that column
/// on. The scenarios run in a fixed number of blocks, each with its own stream of the seed, and the blocks' sums are added
/// in block order: the same seed gives the same numbers however many threads run them.
/// </summary>
public static class FundSimulation
{
    private const int Blocks = 16;

    public static SimulationResult Run(SimulationInputs inputs, int scenarios, long seed, SimulationOptions? options = null)
    {
        options ??= new();
        if (scenarios is < 1 or > SimulationOptions.MaxScenarios)
            throw Refused.At("scenarios", "simulation.scenarios", SimulationOptions.MaxScenarios);
        if (!(options.Confidence is >= 0.5 and <= 0.99)) throw Refused.At("confidence", "simulation.confidence");
        var columns = inputs.Columns.Count;
        if (inputs.Balance.Count != columns || inputs.Investments.Any(i => i.Anchor.Count != columns))
            throw new ArgumentException("Every investment needs one anchor per column.", nameof(inputs));
        var window = Enumerable.Range(0, columns)
            .Where(c => !inputs.Columns[c].IsActual && inputs.Columns[c].FirstYear <= inputs.HorizonEndYear).ToArray();
        var plan = Plan.Of(inputs);
        var deviation = new double[columns][];
        for (var c = 0; c < columns; c++) deviation[c] = new double[scenarios];
        var blocks = new Accumulators[Blocks];
        Parallel.For(0, Blocks, b =>
        {
            var from = (int)((long)scenarios * b / Blocks);
            var to = (int)((long)scenarios * (b + 1) / Blocks);
            blocks[b] = RunBlock(plan, new Sampler(seed, b), from, to, deviation);
        });
        var sums = blocks[0];
        for (var b = 1; b < Blocks; b++) sums.Add(blocks[b]);
        return Summarise(inputs, plan, options, scenarios, seed, window, deviation, sums);
    }

    /// <summary>The per-scenario work: draws and multiply-adds over arrays, no allocation.</summary>
    private static Accumulators RunBlock(Plan plan, Sampler random, int from, int to, double[][] deviation)
    {
        var n = plan.Investments.Length;
        var columns = plan.Columns;
        var acc = new Accumulators(n, columns);
        var own = new double[n * columns];
        var total = new double[columns];
        for (var s = from; s < to; s++)
        {
            Array.Clear(total);
            for (var i = 0; i < n; i++)
            {
                var inv = plan.Investments[i];
                var delta = Factor(inv, ref random) - 1;
                var cumulative = 0.0;
                var anchor = inv.Anchor;
                var row = i * columns;
                for (var c = 0; c < columns; c++)
                {
                    cumulative += delta * anchor[c];
                    own[row + c] = cumulative;
                    total[c] += cumulative;
                }
            }
            for (var c = 0; c < columns; c++)
            {
                deviation[c][s] = total[c];
                acc.Total[c] += total[c];
                acc.TotalSquares[c] += total[c] * total[c];
            }
            for (var i = 0; i < n; i++)
            {
                var row = i * columns;
                for (var c = 0; c < columns; c++)
                {
                    var d = own[row + c];
                    acc.Own[row + c] += d;
                    acc.OwnSquares[row + c] += d * d;
                    acc.OwnTimesTotal[row + c] += d * total[c];
                }
            }
        }
        return acc;
    }

    private static double Factor(in PlannedInvestment inv, ref Sampler random)
    {
        var recruitment = 1.0;
        if (inv.Recruitment is { } r)
        {
            var rate = random.Gamma(r.Rate.Shape, r.Rate.Rate);
            // Enrolment stops at the plan's total (the agreement pays for at most the planned participants, and the budget
            // assumes the plan): an investment ahead of plan with years left is full, not paid for more.
            recruitment = Math.Min(1.0, (r.Enrolled + random.Poisson(rate * r.RemainingExposure)) / r.Planned);
        }
        var factor = inv.RestWeight * inv.Response.At(recruitment);
        var success = inv.Success;
        for (var m = 0; m < success.Length; m++)
        {
            var p = random.Beta(success[m].Belief.Alpha, success[m].Belief.Beta);
            factor += success[m].Weight * inv.Response.At(recruitment * p / success[m].AnchorRate);
        }
        return factor;
    }

    private static SimulationResult Summarise(SimulationInputs inputs, Plan plan, SimulationOptions options, int scenarios, long seed,
        int[] window, double[][] deviation, Accumulators sums)
    {
        var columns = inputs.Columns.Count;
        var years = new List<BalanceBand>();
        var sorted = new double[scenarios];
        for (var c = 0; c < columns; c++)
        {
            Array.Copy(deviation[c], sorted, scenarios);
            Array.Sort(sorted);
            var det = inputs.Balance[c];
            var mean = sums.Total[c] / scenarios;
            var sd = Math.Sqrt(Math.Max(0, sums.TotalSquares[c] / scenarios - mean * mean));
            years.Add(new(inputs.Columns[c], det, det + Kr(Quantile(sorted, 0.1)), det + Kr(Quantile(sorted, 0.5)),
                det + Kr(Quantile(sorted, 0.9)), det + Kr(mean), Kr(sd)));
        }
        // Each scenario's lowest balance over the window (budget columns within the horizon).
        var lowest = new double[scenarios];
        var order = new int[scenarios];
        var belowZero = 0;
        var belowReserved = 0;
        for (var s = 0; s < scenarios; s++)
        {
            var min = double.MaxValue;
            foreach (var c in window) min = Math.Min(min, (double)inputs.Balance[c] + deviation[c][s]);
            lowest[s] = min;
            order[s] = s;
            if (window.Length > 0 && min < 0) belowZero++;
            if (window.Length > 0 && min < (double)inputs.Reserved) belowReserved++;
        }
        var room = 0m;
        if (window.Length > 0)
        {
            Array.Sort(lowest, order);
            var k = (int)Math.Floor((1 - options.Confidence) * scenarios + 1e-9);
            var s = order[Math.Min(k, scenarios - 1)];
            room = Math.Max(0m, window.Min(c => inputs.Balance[c] + Kr(deviation[c][s])));
        }
        var worst = window.Length == 0 ? (int?)null : window.MinBy(c => years[c].P10);
        var ranking = worst is { } w ? Ranking(plan, sums, w, scenarios) : [];
        return new(scenarios, seed, options.Confidence, years, (double)belowZero / scenarios, (double)belowReserved / scenarios,
            inputs.Reserved, worst is { } wc ? inputs.Columns[wc] : null, ranking, room, inputs.Today,
            inputs.Investments.Where(i => i.Uncertain).Select(i => i.Name).ToList(),
            inputs.Investments.Where(i => !i.Uncertain).Select(i => i.Name).ToList());
    }

    private static List<DownsideShare> Ranking(Plan plan, Accumulators sums, int column, int scenarios)
    {
        var columns = plan.Columns;
        var meanTotal = sums.Total[column] / scenarios;
        var variance = sums.TotalSquares[column] / scenarios - meanTotal * meanTotal;
        var list = new List<DownsideShare>();
        for (var i = 0; i < plan.Investments.Length; i++)
        {
            var at = i * columns + column;
            var mean = sums.Own[at] / scenarios;
            var sd = Math.Sqrt(Math.Max(0, sums.OwnSquares[at] / scenarios - mean * mean));
            var covariance = sums.OwnTimesTotal[at] / scenarios - mean * meanTotal;
            var inv = plan.Investments[i];
            list.Add(new(inv.Key, inv.Name, variance > 0 ? covariance / variance : 0, Kr(mean), Kr(sd)));
        }
        return [.. list.OrderByDescending(d => d.VarianceShare).ThenBy(d => d.MeanDeviation).ThenBy(d => d.Key, StringComparer.Ordinal)];
    }

    /// <summary>The q-quantile of sorted values, interpolating between order statistics (Hyndman–Fan type 7).</summary>
    public static double Quantile(double[] sorted, double q)
    {
        var h = (sorted.Length - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static decimal Kr(double amount) => Math.Round((decimal)amount, 0, MidpointRounding.AwayFromZero);

    private readonly record struct PlannedInvestment(string Key, string Name, double[] Anchor, ResponseCurve Response,
        RecruitmentUncertainty? Recruitment, SuccessUncertainty[] Success, double RestWeight);

    /// <summary>What can be computed before the scenarios: only uncertain investments, anchors as doubles.</summary>
    private sealed record Plan(PlannedInvestment[] Investments, int Columns)
    {
        public static Plan Of(SimulationInputs inputs) => new(inputs.Investments.Where(i => i.Uncertain).Select(i =>
        {
            var success = (i.Success ?? []).ToArray();
            if (success.Any(m => !(m.AnchorRate > 0) || m.Weight < 0))
                throw new ArgumentException($"{i.Key}: a drawn metric needs an anchor rate > 0 and a weight ≥ 0.", nameof(inputs));
            if (i.Recruitment is { } r && !(r.Planned > 0))
                throw new ArgumentException($"{i.Key}: the planned enrolment must be > 0.", nameof(inputs));
            return new PlannedInvestment(i.Key, i.Name, i.Anchor.Select(a => (double)a).ToArray(), i.Response, i.Recruitment, success,
                Math.Max(0, 1 - success.Sum(m => m.Weight)));
        }).ToArray(), inputs.Columns.Count);
    }

    private sealed class Accumulators(int investments, int columns)
    {
        public readonly double[] Total = new double[columns];
        public readonly double[] TotalSquares = new double[columns];
        public readonly double[] Own = new double[investments * columns];
        public readonly double[] OwnSquares = new double[investments * columns];
        public readonly double[] OwnTimesTotal = new double[investments * columns];

        public void Add(Accumulators other)
        {
            Sum(Total, other.Total);
            Sum(TotalSquares, other.TotalSquares);
            Sum(Own, other.Own);
            Sum(OwnSquares, other.OwnSquares);
            Sum(OwnTimesTotal, other.OwnTimesTotal);
        }

        private static void Sum(double[] into, double[] from)
        {
            for (var k = 0; k < into.Length; k++) into[k] += from[k];
        }
    }
}
