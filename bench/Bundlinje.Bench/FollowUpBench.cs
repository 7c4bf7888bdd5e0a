using System.Diagnostics;
using Bundlinje.Data.RegisterData;
using Bundlinje.FollowUps;
using Bundlinje.Participants;
using Bundlinje.Payments;
using DuckDB.NET.Data;

namespace Bundlinje.Bench;

/// <summary>
/// A follow-up run (an UngiFokus-like treatment-vs-control metric over weekly benefit costs and a Housing-First-like
/// shelter-days condition) on generated register data, against a hand-written DuckDB SQL baseline over the same
/// file in the same process. Both must give the same payments. `dotnet run -c Release --project bench/Bundlinje.Bench -- followup 10000
/// 100000 1000000`.
/// </summary>
public static class FollowUpBench
{
    private const int Years = 5;
    private static readonly DateOnly AsOf = new(2026, 12, 31);
    internal static readonly Metric Transfer = new("overforsel", "Overførsler mod kontrolgruppe", MetricKind.TreatmentVsControl,
        "benefit-cost", 0m,
        PriceBasis.ShareOfSaving, [new("Beskæftigelse", 1m)], ToMonth: 60, Share: 0.5m);
    internal static readonly Metric Shelter = new("bolig", "Højst 5 dage på forsorgshjem", MetricKind.ConditionInWindow, "shelter-days",
        20_000m,
        PriceBasis.PerParticipant, [new("SFB", 1m)], ToMonth: 6, Comparison: Comparison.AtMost, Threshold: 5);

    public static void Run(IReadOnlyList<int> sizes)
    {
        Console.WriteLine($"{"persons",10} {"rows",12} {"engine s",9} {"baseline s",11} "
            + $"{"engine/baseline",16} {"rows/s (engine)",16} {"peak MB",8}");
        foreach (var n in sizes)
        {
            var folder = Directory.CreateTempSubdirectory("bundlinje-followup-bench-").FullName;
            try { Measure(n, Path.Combine(folder, "register.duckdb")); }
            finally { Directory.Delete(folder, recursive: true); }
        }
    }

    private static void Measure(int n, string path)
    {
        var store = new RegisterStore(path, new Pseudonymiser("bench-pseudonym-key-not-for-real-data-0123"));
        var rows = Generate(store, n);
        var people = Enumerable.Range(0, n).Select(Person).ToList();

        var engine = Stopwatch.StartNew();
        decimal enginePayment;
        using (var source = new DuckDbObservations(store, people))
            enginePayment = new[] { Transfer, Shelter }.Sum(m => MetricEvaluator.Evaluate(m, people, source, AsOf).Sum(r => r.Amount));
        engine.Stop();

        var baseline = Stopwatch.StartNew();
        var baselinePayment = Baseline(store, n);
        baseline.Stop();
        if (enginePayment != baselinePayment)
            throw new InvalidOperationException($"Engine {enginePayment} kr. and baseline {baselinePayment} kr. disagree at {n} persons.");
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024;
        Console.WriteLine($"{n,10:N0} {rows,12:N0} {engine.Elapsed.TotalSeconds,9:0.00} {baseline.Elapsed.TotalSeconds,11:0.00} "
            + $"{engine.Elapsed / baseline.Elapsed,16:0.00} {rows / engine.Elapsed.TotalSeconds,16:N0} {peak,8:N0}");
    }

    private static Person Person(int id) =>
        new($"p{id:D8}", $"{2020 + id % 3}", id % 2 == 0 ? ParticipantGroup.Treatment : ParticipantGroup.Control,
            new DateOnly(2020, 1, 1).AddDays(id % 365));

    /// <summary>Deterministic data straight into the store (already pseudonymous): weekly benefit cost for five years
    /// (treated people ~10 % lower) and monthly shelter days, per person.</summary>
    private static long Generate(RegisterStore store, int n)
    {
        using var connection = store.Open();
        RegisterStore.Execute(connection, "SET preserve_insertion_order = false;");
        RegisterStore.Execute(connection, $"""
            INSERT INTO observations
            SELECT 'p' || lpad(id::VARCHAR, 8, '0'), 'benefit-cost', DATE '2020-01-01' + (w * 7)::INTEGER, DATE '2020-01-01' + (w * 7 + 6)::INTEGER,
                   ((hash(id, w) % 4000) * CASE WHEN id % 2 = 0 THEN 0.9 ELSE 1 END)::DECIMAL(18,4), 'kr.', 'bench'
            FROM range({n}) t(id), range({Years * 52}) u(w);
            INSERT INTO observations
            SELECT 'p' || lpad(id::VARCHAR, 8, '0'), 'shelter-days', (DATE '2020-01-01' + to_months(m::INTEGER))::DATE,
                   (DATE '2020-01-01' + to_months(m::INTEGER + 1) - INTERVAL 1 DAY)::DATE, (hash(id, m) % 3)::DECIMAL(18,4), 'dage', 'bench'
            FROM range({n}) t(id), range({Years * 12}) u(m);
            CHECKPOINT;
            """);
        return RegisterStore.Query(connection, "SELECT count(*) FROM observations", r => r.GetInt64(0)).Single();
    }

    /// <summary>The same two payments written by hand in SQL; only the final arithmetic is done in decimal here.</summary>
    private static decimal Baseline(RegisterStore store, int n)
    {
        using var connection = store.Open();
        RegisterStore.Execute(connection, $"""
            CREATE OR REPLACE TEMP TABLE people AS
            SELECT 'p' || lpad(id::VARCHAR, 8, '0') AS person, CASE WHEN id % 2 = 0 THEN 'T' ELSE 'C' END AS grp,
                   DATE '2020-01-01' + (id % 365)::INTEGER AS enrolled
            FROM range({n}) t(id)
            """);
        var (treatedSum, treated, controlSum, controls) = RegisterStore.Query(connection, """
            WITH cost AS (
                SELECT p.person, p.grp, coalesce(sum(o.value), 0) AS total FROM people p
                LEFT JOIN observations o ON o.person = p.person AND o.measure = 'benefit-cost'
                 AND o.from_date >= p.enrolled AND o.from_date < p.enrolled + INTERVAL 60 MONTH
                WHERE p.enrolled + INTERVAL 60 MONTH <= DATE '2027-01-01'
                GROUP BY p.person, p.grp)
            SELECT sum(total) FILTER (WHERE grp = 'T'), count(*) FILTER (WHERE grp = 'T'), sum(total) FILTER (WHERE grp = 'C'), count(*) FILTER (WHERE grp = 'C') FROM cost
            """, r => (r.GetDecimal(0), r.GetInt64(1), r.GetDecimal(2), r.GetInt64(3))).Single();
        var saving = controlSum / controls - treatedSum / treated;
        var transfer = MetricEvaluator.Ore(saving > 0 ? saving * treated * 0.5m : 0m);
        var housed = RegisterStore.Query(connection, """
            SELECT count(*) FROM (
                SELECT p.person, coalesce(sum(o.value), 0) AS days FROM people p
                LEFT JOIN observations o ON o.person = p.person AND o.measure = 'shelter-days'
                 AND o.from_date >= p.enrolled AND o.from_date < p.enrolled + INTERVAL 6 MONTH
                WHERE p.grp = 'T' GROUP BY p.person) WHERE days <= 5
            """, r => r.GetInt64(0)).Single();
        return transfer + MetricEvaluator.Ore(housed * 20_000m);
    }
}
