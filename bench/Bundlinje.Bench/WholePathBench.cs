using System.Diagnostics;
using Bundlinje.Common;
using Bundlinje.Data;
using Bundlinje.Data.RegisterData;
using Bundlinje.FollowUps;
using Bundlinje.Participants;
using Bundlinje.Payments;
using Bundlinje.Portfolio;
using DuckDB.NET.Data;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Bench;

/// <summary>
/// The follow-up as a user runs it, against hand-written DuckDB. (1) `followup run`: <see cref="FollowUpRunner.RunAsync"/>
/// on a real SQLite database (participants imported through <see cref="ParticipantImporter"/> from a CPR file, so the
/// pseudonyms are the product's) and a DuckDB register store — loading participants, the metric queries, settlement, the
/// participants hash, the observation fingerprint, the result JSON, the run and its per-participant rows stored — against
/// the same two payments in hand-written SQL; both must agree to the øre. (2) `register import`: the product's CSV path
/// (streaming pseudonymisation, staged file, validation, insert) against DuckDB's `CREATE TABLE AS SELECT * FROM
/// read_csv(...)` of the same file. Each comparison is run 3 times, alternating which goes first; medians are reported.
/// `dotnet run -c Release --project bench/Bundlinje.Bench -- wholepath 100000 1000000 [--import-rows 10]`.
/// </summary>
public static class WholePathBench
{
    private const string Investment = "inv-1";
    private const string WarmUp = "inv-2";
    private const int Repeats = 3;
    private static readonly DateOnly AsOf = new(2026, 12, 31);
    private static readonly Pseudonymiser Pseudonyms = new("bench-pseudonym-key-not-for-real-data-0123");
    private static readonly ICurrentUser User = new FixedUser("bench");

    public static async Task RunAsync(IReadOnlyList<int> sizes, int importRowsPerPerson, bool followUp = true, bool import = true)
    {
        using var memory = new PeakMemory();
        Console.WriteLine($"load average at start: {PeakMemory.Load()}");
        if (followUp)
            foreach (var n in sizes) await InFolder(folder => FollowUpAsync(n, folder, memory));
        if (import)
            foreach (var n in sizes) await InFolder(
                folder => { Import(n, importRowsPerPerson, folder, memory); return Task.CompletedTask; });
        Console.WriteLine($"load average at end: {PeakMemory.Load()}; process peak working set {PeakMemory.ProcessPeakMb:N0} MB");
    }

    private static async Task InFolder(Func<string, Task> work)
    {
        var folder = Directory.CreateTempSubdirectory("bundlinje-wholepath-").FullName;
        try { await work(folder); }
        finally { Directory.Delete(folder, recursive: true); }
    }

    /// <summary>The two metrics of <see cref="FollowUpBench"/> as a user imports them (docs/payment-models.md).</summary>
    private const string Model = """
        { "format": "bundlinje-payment-model/1", "model": { "investment": "inv-1", "agreementVersion": 1, "metrics": [
          { "key": "overforsel", "name": "Overførsler mod kontrolgruppe", "kind": "treatmentVsControl", "measure": "benefit-cost",
            "payers": [ { "payer": "Beskæftigelse", "share": 1 } ], "fromMonth": 0, "toMonth": 60, "share": 0.5 },
          { "key": "bolig", "name": "Højst 5 dage på forsorgshjem", "kind": "conditionInWindow", "measure": "shelter-days", "price": 20000,
            "basis": "perParticipant", "payers": [ { "payer": "SFB", "share": 1 } ], "aggregate": "sum", "comparison": "atMost", "threshold": 5,
            "fromMonth": 0, "toMonth": 6 } ] } }
        """;

    /// <summary>A ten-digit CPR-shaped number per person (unique, deterministic).</summary>
    public static string Cpr(int id) => (1_000_000_000L + id).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static BundlinjeDb Db(string folder) => new SqliteBundlinjeDb(
        new DbContextOptionsBuilder<SqliteBundlinjeDb>().UseSqlite($"Data Source={folder}/bundlinje.db;Pooling=false").Options, User,
            TimeProvider.System);

    // ---------------------------------------------------------------- followup run

    private static async Task FollowUpAsync(int n, string folder, PeakMemory memory)
    {
        Console.WriteLine($"\n== followup run, {n:N0} persons (load {PeakMemory.Load()}) ==");
        var clock = Stopwatch.StartNew();
        await using (var db = Db(folder))
        {
            await db.Database.MigrateAsync();
            await new PortfolioImporter(db).ImportAsync(PortfolioJson.Write(PortfolioGenerator.Generate(2)));
            await PaymentModelFile.StoreAsync(db, Model);
            await PaymentModelFile.StoreAsync(db, Model.Replace("\"inv-1\"", $"\"{WarmUp}\""));
            // A small investment to warm up on (JIT, EF's model and queries) before the timed rounds, in their fresh process.
            await new ParticipantImporter(db, new ParticipantStore(db, User, TimeProvider.System), Pseudonyms,
                new Bundlinje.Data.Spreadsheets.MiniExcelSheets(), User, TimeProvider.System).ImportAsync(WarmUp, "warm-up.csv",
                new MemoryStream(System.Text.Encoding.UTF8.GetBytes("cpr,cohort,group,enrolled\n"
                    + string.Concat(Enumerable.Range(0, 20).Select(i =>
                    $"{Cpr(1_000_000_000 + i)},2020,{(i % 2 == 0 ? "treatment" : "control")},2020-01-01\n")))));
        }
        var participantsCsv = Path.Combine(folder, "deltagere.csv");
        WriteParticipants(participantsCsv, n);

        memory.Reset();
        var imported = Stopwatch.StartNew();
        await using (var db = Db(folder))
        await using (var stream = File.OpenRead(participantsCsv))
        {
            var result = await new ParticipantImporter(db, new ParticipantStore(db, User, TimeProvider.System), Pseudonyms,
                new Bundlinje.Data.Spreadsheets.MiniExcelSheets(), User, TimeProvider.System)
                .ImportAsync(Investment, "deltagere.csv", stream);
            if (result.Added != n) throw new InvalidOperationException($"{result.Added} participants imported, expected {n}.");
        }
        imported.Stop();
        Console.WriteLine($"participants import (CSV of CPRs → HMAC pseudonyms → SQLite): {imported.Elapsed.TotalSeconds:0.00} s, " +
            $"peak {memory.PeakMb:N0} MB");

        var register = new RegisterStore(Path.Combine(folder, "register.duckdb"), Pseudonyms);
        var rows = Generate(register, n);
        Console.WriteLine($"generated {rows:N0} observations ({rows / n} per person) in {clock.Elapsed.TotalSeconds:0} s so far (not " +
            $"timed)");

        // The rounds run in a fresh process, so its peak memory is the run's and the baseline's, not what the participant
        // import and the generator left behind.
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(WholePathBench).Assembly.Location);
        foreach (var arg in new[] { "wholepath-rounds", folder,
            n.ToString(System.Globalization.CultureInfo.InvariantCulture) }) start.ArgumentList.Add(arg);
        using var child = Process.Start(start)!;
        await child.WaitForExitAsync();
        if (child.ExitCode != 0) throw new InvalidOperationException($"The rounds at {n} persons failed (exit {child.ExitCode}).");
    }

    /// <summary>The timed rounds over a prepared folder (SQLite with the participants, the register store with bench_people).</summary>
    public static async Task RoundsAsync(string folder, int n)
    {
        using var memory = new PeakMemory();
        var register = new RegisterStore(Path.Combine(folder, "register.duckdb"), Pseudonyms);
        long rows;
        using (var connection = register.Open()) rows =
            RegisterStore.Query(connection, "SELECT count(*) FROM observations", r => r.GetInt64(0)).Single();
        await using (var db = Db(folder))
            await new FollowUpRunner(db, register, User, TimeProvider.System).RunAsync(WarmUp, AsOf);
        Console.WriteLine($"  rounds in a fresh process (working set {Environment.WorkingSet / 1024 / 1024:N0} MB after a warm-up run of " +
            $"20 persons)");
        var engine = new List<double>();
        var baseline = new List<double>();
        var phases = new List<Dictionary<string, double>>();
        long runPeak = 0, baselinePeak = 0;
        for (var r = 0; r < Repeats; r++)
        {
            ClearRunRows(register);
            (double Seconds, decimal Payable, Dictionary<string, double> Phases, long Peak) e = default;
            (double Seconds, decimal Payment, long Peak) b = default;
            async Task Engine() => e = await EngineAsync(folder, register, memory);
            Task Base() { b = TimeBaseline(register, memory); return Task.CompletedTask; }
            if (r % 2 == 0) { await Engine(); await Base(); } else { await Base(); await Engine(); }
            if (e.Payable != b.Payment)
                throw new InvalidOperationException($"Run {e.Payable} kr. and baseline {b.Payment} kr. disagree at {n} persons.");
            engine.Add(e.Seconds); baseline.Add(b.Seconds); phases.Add(e.Phases!);
            runPeak = Math.Max(runPeak, e.Peak); baselinePeak = Math.Max(baselinePeak, b.Peak);
            Console.WriteLine($"  round {r
                + 1} ({(r % 2 == 0 ? "run first"
                    : "baseline first")}): run {e.Seconds:0.00} s, baseline {b.Seconds:0.00} s, payable {e.Payable:N2} kr. (equal)");
        }
        var (me, mb) = (Median(engine), Median(baseline));
        Console.WriteLine($"RESULT followup {n:N0} persons, {rows:N0} rows: run {me:0.00} s, baseline {mb:0.00} s, " +
            $"run/baseline {me / mb:0.00}; " +
                          $"peak run {runPeak:N0} MB, baseline {baselinePeak:N0} MB (load {PeakMemory.Load()})");
        Console.WriteLine("  run phases (median s): "
            + string.Join(", ", phases[0].Keys.Select(k => $"{k} {Median(phases.Select(p => p[k]).ToList()):0.00}")));
        await TailBreakdownAsync(folder, register);
        Console.WriteLine($"  peak working set of the rounds' process: {PeakMemory.ProcessPeakMb:N0} MB");
    }

    private static async Task<(double, decimal, Dictionary<string, double>, long)> EngineAsync(string folder, RegisterStore register,
        PeakMemory memory)
    {
        memory.Reset();
        var progress = new Phases();
        var clock = Stopwatch.StartNew();
        FollowUpRun run;
        await using (var db = Db(folder))
            run = await new FollowUpRunner(db, register, User, TimeProvider.System).RunAsync(Investment, AsOf, progress);
        clock.Stop();
        var marks = progress.Marks;
        var phases = new Dictionary<string, double>
        {
            ["load participants"] = marks[0],
            ["people table + metric 1"] = marks[1] - marks[0],
            ["metric 2"] = marks[2] - marks[1],
            ["settle, hashes, fingerprint, JSON, store"] = clock.Elapsed.TotalSeconds - marks[2],
        };
        return (clock.Elapsed.TotalSeconds, run.Payable, phases, memory.PeakMb);
    }

    /// <summary>Times, one by one, what the runner does after the last metric (one pass, for the breakdown).</summary>
    private static async Task TailBreakdownAsync(string folder, RegisterStore register)
    {
        List<Person> people;
        await using (var db = Db(folder))
            people = (await db.Participants.AsNoTracking().ToListAsync()).OrderBy(p => p.Pseudonym, StringComparer.Ordinal)
                .Select(p => p.ToPerson()).ToList();
        var clock = Stopwatch.StartNew();
        double Lap() { var s = clock.Elapsed.TotalSeconds; clock.Restart(); return s; }
        using var observations = new DuckDbObservations(register, people);
        var fill = Lap();
        var results = new[] { FollowUpBench.Transfer, FollowUpBench.Shelter }.SelectMany(m =>
            MetricEvaluator.Evaluate(m, people, observations, AsOf)).ToList();
        var metrics = Lap();
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            string.Join('\n', people.Select(p => $"{p.Pseudonym}|{p.Cohort}|{p.Group}|{p.EnrolledOn:yyyy-MM-dd}")))));
        var participantsHash = Lap();
        var fingerprint = observations.Fingerprint();
        var fingerprinting = Lap();
        string json;
        await using (var db = Db(folder))
            json = (await db.FollowUpRuns.AsNoTracking().OrderByDescending(r => r.Id).FirstAsync()).ResultJson;
        Lap();
        _ = RunResult.FromJson(json).ToJson();
        var jsonTime = Lap();
        ClearRunRows(register);
        Lap();
        register.SaveRunRows(hash, results);
        var runRows = Lap();
        var stored = results.Sum(r => r.PerParticipant.Count);
        Console.WriteLine($"  after the metrics, one by one: participants hash {participantsHash:0.00} s, " +
            $"fingerprint {fingerprinting:0.00} s ({fingerprint.Split(':')[0]} rows), " +
                          $"result JSON {jsonTime:0.00} s ({json.Length:N0} chars), run rows {runRows:0.00} s ({stored:N0} rows); people " +
                              $"table {fill:0.00} s, both metrics {metrics:0.00} s");
    }

    private static void ClearRunRows(RegisterStore register)
    {
        using var connection = register.Open();
        RegisterStore.Execute(connection, "DELETE FROM run_rows");
    }

    private static (double, decimal, long) TimeBaseline(RegisterStore register, PeakMemory memory)
    {
        memory.Reset();
        var clock = Stopwatch.StartNew();
        var payment = Baseline(register);
        return (clock.Elapsed.TotalSeconds, payment, memory.PeakMb);
    }

    private static void WriteParticipants(string file, int n)
    {
        using var writer = new StreamWriter(file);
        writer.Write("cpr,cohort,group,enrolled\n");
        for (var id = 0; id < n; id++)
            writer.Write($"{Cpr(id)},{2020
                + id % 3},{(id % 2 == 0 ? "treatment" : "control")},{new DateOnly(2020, 1, 1).AddDays(id % 365):yyyy-MM-dd}\n");
    }

    /// <summary>Deterministic register data under the product's pseudonyms (HMAC of each CPR, as an import would store
    /// them): a monthly benefit cost for five years (treated people ~10 % lower) and monthly shelter days, 120 rows per
    /// person. The table bench_people (pseudonym, group, enrolment) is what the hand-written baseline starts from.</summary>
    private static long Generate(RegisterStore store, int n)
    {
        using var connection = store.Open();
        RegisterStore.Execute(connection, "CREATE TABLE bench_people (id INTEGER, person VARCHAR, grp VARCHAR, enrolled DATE)");
        using (var appender = connection.CreateAppender("bench_people"))
            for (var id = 0; id < n; id++)
                appender.CreateRow().AppendValue(id).AppendValue(Pseudonyms.Of(Cpr(id))).AppendValue(id % 2 == 0 ? "T" : "C")
                    .AppendValue(new DateTime(2020, 1, 1).AddDays(id % 365)).EndRow();
        RegisterStore.Execute(connection, """
            SET preserve_insertion_order = false;
            INSERT INTO observations
            SELECT p.person, 'benefit-cost', (DATE '2020-01-01' + to_months(m::INTEGER))::DATE,
                   (DATE '2020-01-01' + to_months(m::INTEGER + 1) - INTERVAL 1 DAY)::DATE,
                   ((hash(p.id, m) % 16000) * CASE WHEN p.id % 2 = 0 THEN 0.9 ELSE 1 END)::DECIMAL(18,4), 'kr.', 'bench'
            FROM bench_people p, range(60) u(m);
            INSERT INTO observations
            SELECT p.person, 'shelter-days', (DATE '2020-01-01' + to_months(m::INTEGER))::DATE,
                   (DATE '2020-01-01' + to_months(m::INTEGER + 1) - INTERVAL 1 DAY)::DATE, (hash(p.id, m) % 3)::DECIMAL(18,4), 'dage', 'bench'
            FROM bench_people p, range(60) u(m);
            CHECKPOINT;
            """);
        return RegisterStore.Query(connection, "SELECT count(*) FROM observations", r => r.GetInt64(0)).Single();
    }

    /// <summary>The same two payments written by hand in SQL over bench_people; only the final arithmetic is done in decimal
    /// here.</summary>
    public static decimal Baseline(RegisterStore store)
    {
        using var connection = store.Open();
        var (treatedSum, treated, controlSum, controls) = RegisterStore.Query(connection, """
            WITH cost AS (
                SELECT p.person, p.grp, coalesce(sum(o.value), 0) AS total FROM bench_people p
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
                SELECT p.person, coalesce(sum(o.value), 0) AS days FROM bench_people p
                LEFT JOIN observations o ON o.person = p.person AND o.measure = 'shelter-days'
                 AND o.from_date >= p.enrolled AND o.from_date < p.enrolled + INTERVAL 6 MONTH
                WHERE p.grp = 'T' GROUP BY p.person) WHERE days <= 5
            """, r => r.GetInt64(0)).Single();
        return transfer + MetricEvaluator.Ore(housed * 20_000m);
    }

    /// <summary>Diagnosis: the engine's treatment-vs-control query over a temporary people table appended in pseudonym order
    /// (as DuckDbObservations fills it) against the same query over people tables that are stored and/or in the order the
    /// observations were written. `wholepath-plan N`; prints the timings (twice) and the plan of the first.</summary>
    public static Task PlanAsync(int n) => InFolder(folder =>
    {
        var register = new RegisterStore(Path.Combine(folder, "register.duckdb"), Pseudonyms);
        Generate(register, n);
        using var connection = register.Open();
        var people = RegisterStore.Query(connection, "SELECT person, grp, enrolled FROM bench_people", r =>
            (r.GetString(0), r.GetString(1), r.GetDateTime(2))).ToList();
        people.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        RegisterStore.Execute(connection, "CREATE OR REPLACE TEMP TABLE run_people (person VARCHAR, grp VARCHAR, enrolled DATE)");
        using (var appender = connection.CreateAppender("run_people"))
            foreach (var (person, grp, enrolled) in people) appender.CreateRow().AppendValue(person).AppendValue(grp).AppendValue(enrolled)
                .EndRow();
        string Query(string table) => $"""
            WITH per_person AS (
                SELECT p.person, p.grp, coalesce(sum(o.value), 0) AS total FROM {table} p
                LEFT JOIN observations o ON o.person = p.person AND o.measure = 'benefit-cost' AND o.from_date >= p.enrolled + to_months(0) AND o.from_date < p.enrolled + to_months(60)
                GROUP BY p.person, p.grp)
            SELECT coalesce(sum(total) FILTER (WHERE grp = 'T'), 0), count(*) FILTER (WHERE grp = 'T') FROM per_person
            """;
        // Separates "temporary vs stored" from "pseudonym order vs the observations' order".
        RegisterStore.Execute(connection, "CREATE TABLE stored_pseudonym_order AS SELECT * FROM run_people");
        RegisterStore.Execute(connection, "CREATE TEMP TABLE temp_id_order AS SELECT person, grp, enrolled FROM bench_people");
        foreach (var table in new[] { "run_people", "bench_people", "stored_pseudonym_order", "temp_id_order", "run_people",
            "bench_people", "stored_pseudonym_order", "temp_id_order" })
        {
            var clock = Stopwatch.StartNew();
            RegisterStore.Query(connection, Query(table), r => r.GetDecimal(0)).Single();
            Console.WriteLine($"{table}: {clock.Elapsed.TotalSeconds:0.00} s");
        }
        foreach (var line in RegisterStore.Query(connection, "EXPLAIN ANALYZE " + Query("run_people"), r =>
            r.GetString(1))) Console.WriteLine(line);
        return Task.CompletedTask;
    });

    // ---------------------------------------------------------------- register import

    private static void Import(int n, int rowsPerPerson, string folder, PeakMemory memory)
    {
        Console.WriteLine($"\n== register import, {n:N0} persons × {rowsPerPerson} rows (load {PeakMemory.Load()}) ==");
        var csv = Path.Combine(folder, "udtraek.csv");
        var expected = WriteRegisterCsv(csv, n, rowsPerPerson);
        var size = new FileInfo(csv).Length;
        var product = new List<double>();
        var duck = new List<double>();
        long productPeak = 0, duckPeak = 0;
        for (var r = 0; r < Repeats; r++)
        {
            double p = 0, d = 0;
            void Product()
            {
                memory.Reset();
                var store = Path.Combine(folder, $"product-{r}.duckdb");
                var clock = Stopwatch.StartNew();
                var loaded = new RegisterStore(store, Pseudonyms).Import(csv, "bench");
                p = clock.Elapsed.TotalSeconds;
                productPeak = Math.Max(productPeak, memory.PeakMb);
                if (loaded != expected) throw new InvalidOperationException($"Imported {loaded} rows, expected {expected}.");
                DeleteDuckDb(store);
            }
            void DuckDb()
            {
                memory.Reset();
                var store = Path.Combine(folder, $"duckdb-{r}.duckdb");
                var clock = Stopwatch.StartNew();
                long loaded;
                using (var connection = new DuckDBConnection($"Data Source={store}"))
                {
                    connection.Open();
                    RegisterStore.Execute(connection, "SET memory_limit = '1GB'"); // as the register store
                    RegisterStore.Execute(connection, $"CREATE TABLE observations AS SELECT * FROM read_csv('{csv}')");
                    loaded = RegisterStore.Query(connection, "SELECT count(*) FROM observations", x => x.GetInt64(0)).Single();
                }
                d = clock.Elapsed.TotalSeconds;
                duckPeak = Math.Max(duckPeak, memory.PeakMb);
                if (loaded != expected) throw new InvalidOperationException($"DuckDB read {loaded} rows, expected {expected}.");
                DeleteDuckDb(store);
            }
            if (r % 2 == 0) { Product(); DuckDb(); } else { DuckDb(); Product(); }
            product.Add(p); duck.Add(d);
            Console.WriteLine($"  round {r
                + 1} ({(r % 2 == 0 ? "product first" : "DuckDB first")}): product {p:0.00} s, DuckDB {d:0.00} s");
        }
        var (mp, md) = (Median(product), Median(duck));
        Console.WriteLine($"RESULT import {n:N0} persons, {expected:N0} rows, {size / 1024 / 1024:N0} MB CSV: product {mp:0.00} s, DuckDB" +
            $" read_csv {md:0.00} s, " +
                          $"product/DuckDB {mp / md:0.00}; peak product {productPeak:N0} MB, DuckDB {duckPeak:N0} MB " +
                              $"(load {PeakMemory.Load()})");

        // Breakdown: the streaming pseudonymisation alone (CSV → staged CSV); the rest is DuckDB validating and inserting the staged file.
        var staged = Path.Combine(folder, "staged.csv");
        var pseudonymise = Stopwatch.StartNew();
        using (var input = File.OpenRead(csv))
        using (var output = File.Create(staged))
            RegisterCsv.Pseudonymise(input, output, Pseudonyms, ["cpr", "measure", "from", "to", "value", "unit"]);
        Console.WriteLine($"  of which streaming pseudonymisation (CSV → staged CSV, {new FileInfo(
            staged).Length / 1024 / 1024:N0} MB): {pseudonymise.Elapsed.TotalSeconds:0.00} s; " +
                          $"DuckDB validating + inserting the staged file: the rest (≈ {mp - pseudonymise.Elapsed.TotalSeconds:0.00} s)");
        File.Delete(staged);
    }

    /// <summary>A register extract as a user would get it: cpr, measure, from, to, value, unit; monthly rows, two measures.</summary>
    private static long WriteRegisterCsv(string file, int n, int rowsPerPerson)
    {
        using var writer = new StreamWriter(file, false, new System.Text.UTF8Encoding(false), 1 << 20);
        writer.Write("cpr,measure,from,to,value,unit\n");
        for (var id = 0; id < n; id++)
        {
            var cpr = Cpr(id);
            for (var m = 0; m < rowsPerPerson; m++)
            {
                var from = new DateOnly(2020, 1, 1).AddMonths(m);
                if (m % 2 == 0) writer.Write(
                    $"{cpr},benefit-cost,{from:yyyy-MM-dd},{from.AddMonths(1)
                        .AddDays(-1):yyyy-MM-dd},{(id * 31 + m * 17) % 16000}.{m % 10},kr.\n");
                else writer.Write($"{cpr},shelter-days,{from:yyyy-MM-dd},{from.AddMonths(1).AddDays(-1):yyyy-MM-dd},{(id + m) % 3},dage\n");
            }
        }
        return (long)n * rowsPerPerson;
    }

    private static void DeleteDuckDb(string file)
    {
        foreach (var f in new[] { file, file + ".wal" }) if (File.Exists(f)) File.Delete(f);
        if (Directory.Exists(file + ".tmp")) Directory.Delete(file + ".tmp", true);
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    /// <summary>Records, synchronously, when the runner reports each step (seconds since creation).</summary>
    private sealed class Phases : IProgress<string>
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();
        public List<double> Marks { get; } = [];
        public void Report(string value) => Marks.Add(clock.Elapsed.TotalSeconds);
    }
}
