using System.Diagnostics;
using Bundlinje.Forecasts;
using Bundlinje.Forecasts.Simulation;
using Bundlinje.Fund;

namespace Bundlinje.Bench;

/// <summary>The Monte Carlo of issue #16: 10.000 scenarios × 100 investments × 15 years on generated inputs (the projection
/// bench's ledger; each investment with a recruitment belief and two drawn metrics on a capped response curve), against
/// 10.000 × the deterministic projection (<see cref="EconomicsTable.Build"/> of the same ledger) in the same process.</summary>
public static class SimulationBench
{
    public static void Run(int scenarios = 10_000, int investments = 100)
    {
        var ledger = ProjectionBench.Ledger(investments);
        var options = new EconomicsOptions(LastActualYear: 2024, LaterFrom: 2034);
        var table = EconomicsTable.Build(ledger, options);
        var inputs = SimulationInputs.From(table, 2034, Inputs(table, investments));
        FundSimulation.Run(inputs, 500, 1); // warm-up: JIT
        for (var i = 0; i < 50; i++) EconomicsTable.Build(ledger, options);

        var best = double.MaxValue;
        SimulationResult? result = null;
        for (var round = 0; round < 3; round++)
        {
            var clock = Stopwatch.StartNew();
            result = FundSimulation.Run(inputs, scenarios, 20261127);
            best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
        }
        var projection = Stopwatch.StartNew();
        for (var i = 0; i < scenarios; i++) EconomicsTable.Build(ledger, options);
        var deterministic = projection.Elapsed.TotalMilliseconds;
        Console.WriteLine($"{"monte carlo",-40} {"ms",10} {"vs 10.000 projections",22}");
        Console.WriteLine($"{$"{scenarios:N0} scenarios × {investments} inv. × {table.Columns.Count} col.",-40} {best,10:0.0} "
            + $"{best / deterministic,22:0.000}");
        Console.WriteLine($"{$"{scenarios:N0} × EconomicsTable.Build",-40} {deterministic,10:0.0} {1,22:0.000}");
        Console.WriteLine($"cores {Environment.ProcessorCount}; P50 of the last column {result!.Years[^1].P50:N0} kr.; "
            + $"P(below 0) {result.PBelowZero:P1}; room at 90 % {result.Room:N0} kr.");
    }

    private static List<ScenarioInvestment> Inputs(EconomicsTable table, int investments)
    {
        // A capped curve: proportional to the achievers up to 1.5 × the case, flat after (a contract cap).
        var curve = new ResponseCurve([0, 0.5, 1, 1.5, 3], [0, 0.5, 1, 1.5, 1.5]);
        var list = new List<ScenarioInvestment>();
        for (var i = 0; i < investments; i++)
        {
            var planned = 100 + 10 * (i % 30);
            var recruitment = new RecruitmentUncertainty(GammaBelief.Around(planned / 1460.0, 90).Observe(planned / 4, 365),
                planned / 4.0, 1095, planned);
            list.Add(new ScenarioInvestment($"inv-{i}", $"Investment {i}", FundSimulations.Anchor(table, $"inv-{i}"), curve,
                recruitment,
                [new SuccessUncertainty("a", BetaBelief.Around(0.4, 20), 0.4, 0.6),
                 new SuccessUncertainty("b", BetaBelief.Around(0.25, 20), 0.25, 0.4)]));
        }
        return list;
    }
}
