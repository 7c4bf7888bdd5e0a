using System.Diagnostics;
using Bundlinje.Fund;

namespace Bundlinje.Bench;

/// <summary>The economics-table projection for N investments × 15 years, against an Aarhus-sized fund (11) in the same run.</summary>
public static class ProjectionBench
{
    public static void Run()
    {
        Measure(11, 200); // warm-up
        var baseline = Measure(11, 2000);
        Console.WriteLine();
        Console.WriteLine($"{"projection",-22} {"µs per table",13} {"per investment vs 11",21}");
        foreach (var n in new[] { 11, 100, 1000 })
        {
            var us = n == 11 ? baseline : Measure(n, n >= 1000 ? 20 : 200);
            Console.WriteLine($"{$"{n} investments × 15 y",-22} {us,13:0.0} {us / n / (baseline / 11),21:0.00}");
        }
    }

    private static double Measure(int investments, int repetitions)
    {
        var entries = Ledger(investments);
        var options = new EconomicsOptions(LastActualYear: 2024, LaterFrom: 2030);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < repetitions; i++)
        {
            var table = EconomicsTable.Build(entries, options);
            RoomForNewInvestments.Compute(table, 2034);
        }
        return clock.Elapsed.TotalMicroseconds / repetitions;
    }

    /// <summary>Per investment and year 2020–2034: a disbursement and a result payment; plus appropriations and running costs.</summary>
    public static LedgerEntry[] Ledger(int investments, int seed = 7)
    {
        var random = new Random(seed);
        var entries = new List<LedgerEntry> { new(2020, LedgerKind.Appropriation, LedgerBasis.Actual, 40_000_000m) };
        for (var year = 2020; year < 2035; year++)
        {
            var basis = year <= 2024 ? LedgerBasis.Actual : LedgerBasis.Budget;
            entries.Add(new(year, LedgerKind.RunningCost, basis, 450_000m, "Drift"));
            for (var i = 0; i < investments; i++)
            {
                entries.Add(new(year, LedgerKind.Disbursement, basis, random.Next(0, 3_000) * 1_000m, Investment: $"inv-{i}"));
                entries.Add(new(year, LedgerKind.ResultPayment, basis, random.Next(0, 3_000) * 1_000m, Investment: $"inv-{i}"));
            }
        }
        return [.. entries];
    }
}
