using System.Text;
using Bundlinje.Data.RegisterData;
using Bundlinje.Common;
using Bundlinje.FollowUps;
using Bundlinje.Participants;
using Bundlinje.Payments;
using Bundlinje.Tests.Infrastructure;
using Bundlinje.Tests.Participants;

namespace Bundlinje.Tests.FollowUps;

public sealed class RegisterStoreTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("bundlinje-register-").FullName;
    private readonly Pseudonymiser pseudonymiser = new(PseudonymiserTests.Key);
    private RegisterStore Store => new(Path.Combine(folder, "register.duckdb"), pseudonymiser);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Csv(string name, params string[] lines)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, "cpr,measure,from,to,value,unit\n" + string.Join('\n', lines) + "\n");
        return path;
    }

    private long Count()
    {
        using var connection = Store.Open();
        return RegisterStore.Query(connection, "SELECT count(*) FROM observations", r => r.GetInt64(0)).Single();
    }

    [Fact]
    public void An_extract_is_stored_under_pseudonyms_and_no_cpr_reaches_the_store_file()
    {
        var rows = Store.Import(Csv("ok.csv",
            "010203-1234,shelter-days,2024-01-01,2024-01-31,2,dage",
            "0102031234,shelter-days,2024-02-01,2024-02-29,3,dage",
            "2512891111,employment-degree,2024-03-01,2024-03-31,0.30,andel"), "test");
        Assert.Equal(3, rows);
        using (var connection = Store.Open())
            Assert.Equal([pseudonymiser.Of("0102031234"), pseudonymiser.Of("2512891111")],
                RegisterStore.Query(connection, "SELECT DISTINCT person FROM observations ORDER BY person", r => r.GetString(0)).Order());
        foreach (var file in Directory.GetFiles(folder).Where(f => !f.EndsWith(".csv")))
        {
            var bytes = File.ReadAllBytes(file);
            foreach (var cpr in new[] { "0102031234", "010203-1234", "2512891111" })
                Assert.True(bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(cpr)) < 0, $"{Path.GetFileName(file)} holds a CPR number");
        }
    }

    [Theory]
    [InlineData("cpr,measure,from,value,unit\n0102031234,dropout,2024-01-01,1,x", "Linje 1: kolonnen to mangler")]
    [InlineData("cpr,measure,from,to,value,unit\n0102031234,dropout,2024-01-01,2024-01-31,1,x\n0102031234,dropout,2024-13-01,2024-01-31,1" +
        ",x", "Linje 3, from: '2024-13-01' er ikke en dato (yyyy-mm-dd).")]
    [InlineData("cpr,measure,from,to,value,unit\n0102031234,no-such,2024-01-01,2024-01-31,1,x",
        "Linje 2, measure: 'no-such' er ikke et mål i fondens målkatalog (kendte mål: 'action-plan-progress', 'benefit-cost', ")]
    [InlineData("cpr,measure,from,to,value,unit\n0102031234,dropout,2024-01-01,2024-01-31,2,x",
        "Linje 2, value: '2' skal være 0 eller 1 (dropout er ja/nej i fondens målkatalog).")]
    [InlineData("cpr,measure,from,to,value,unit\n0102031234,reconvictions,2024-01-01,2024-01-31,1.5,x",
        "Linje 2, value: '1.5' skal være et helt tal (reconvictions er et heltal i fondens målkatalog).")]
    [InlineData("cpr,measure,from,to,value,unit\n010203123,dropout,2024-01-01,2024-01-31,1,x",
        "Linje 2, cpr: skal være 10 cifre (ddmmåå-xxxx eller ddmmååxxxx), fandt 9 tegn.")]
    [InlineData("cpr,measure,from,to,value,unit\n0102031234,dropout,2024-01-01,2024-01-31,1,2,x",
        "Linje 2: har 7 felter, overskriften har 6.")]
    public void A_bad_extract_is_rejected_with_the_line_and_changes_nothing(string content, string message)
    {
        Store.Import(Csv("ok.csv", "0102031234,dropout,2024-01-01,2024-01-31,1,x"), "test");
        var path = Path.Combine(folder, "bad.csv");
        File.WriteAllText(path, content + "\n");
        var rejected = Assert.Throws<Refused>(() => Store.Import(path, "test"));
        Assert.Contains(rejected.DaProblems(), p => p.Contains(message));
        Assert.DoesNotContain("0102031234", rejected.Da());
        Assert.Equal(1, Count());
    }

    [Fact]
    public void The_fund_catalogue_handed_to_an_import_decides_which_codes_and_values_it_accepts()
    {
        var catalogue = new Dictionary<string, MeasureValueType>
        {
            ["days-in-custody"] = MeasureValueType.Decimal,
            ["dropout"] = MeasureValueType.Decimal
        };
        Assert.Equal(2, Store.Import(
            Csv("own.csv", "0102031234,days-in-custody,2024-01-01,2024-01-31,2.5,dage", "0102031234,dropout,2024-01-01,2024-01-31,0.5,x"),
                "test", catalogue));
        var rejected = Assert.Throws<Refused>(() =>
            Store.Import(Csv("seed.csv", "0102031234,shelter-days,2024-01-01,2024-01-31,2,dage"), "test", catalogue));
        Assert.Equal(["Linje 2, measure: 'shelter-days' er ikke et mål i fondens målkatalog (kendte mål: 'days-in-custody', 'dropout')."],
            rejected.DaProblems());
        rejected = Assert.Throws<Refused>(() =>
            Store.Import(Csv("empty.csv", "0102031234,dropout,2024-01-01,2024-01-31,1,x"), "test",
                new Dictionary<string, MeasureValueType>()));
        Assert.Equal(["Linje 2, measure: 'dropout' er ikke et mål i fondens målkatalog (kataloget er tomt)."], rejected.DaProblems());
        Assert.Equal(2, Count());
    }

    [Fact]
    public void DuckDB_answers_the_engine_exactly_as_the_in_memory_source_does()
    {
        var people = new[] { "0101010001", "0101010002", "0101010003" }.Select((cpr, i) =>
            new Person(pseudonymiser.Of(cpr), "1", ParticipantGroup.Treatment, new DateOnly(2024, 1, 1).AddDays(i * 10))).ToList();
        var lines = new List<string>();
        var observations = new List<Observation>();
        var random = new Random(3);
        foreach (var (cpr, person) in new[] { "0101010001", "0101010002", "0101010003" }.Zip(people))
            for (var month = -2; month < 14; month++)
                foreach (var measure in new[] { "shelter-days", "hba1c", "employment-degree" })
                {
                    var from = new DateOnly(2024, 1, 5).AddMonths(month);
                    var value = measure == "employment-degree" ? random.Next(0, 100) / 100m : random.Next(0, 80);
                    lines.Add($"{cpr},{measure},{from:yyyy-MM-dd},{from.AddDays(20):yyyy-MM-dd},{value.ToString(
                        System.Globalization.CultureInfo.InvariantCulture)},x");
                    observations.Add(new(person.Pseudonym, measure, from, from.AddDays(20), value));
                }
        Store.Import(Csv("data.csv", [.. lines]), "test");
        Metric[] metrics =
        [
            new("bolig", "b", MetricKind.ConditionInWindow, "shelter-days", 1_000m, PriceBasis.PerParticipant, [new("SFB", 1m)],
                ToMonth: 6, Comparison: Comparison.AtMost, Threshold: 150),
            new("job", "j", MetricKind.ConditionInWindow, "employment-degree", 1_000m, PriceBasis.PerParticipant, [new("SFB", 1m)],
                ToMonth: 6, Aggregate: Aggregate.Mean, Threshold: 0.4m),
            new("hba1c", "h", MetricKind.ChangeFromBaseline, "hba1c", 1_000m, PriceBasis.PerParticipant, [new("SFB", 1m)], FromMonth: 1,
                ToMonth: 12, Threshold: 0.05m),
            new("mean", "m", MetricKind.CohortMeanChange, "hba1c", 500m, PriceBasis.PerParticipant, [new("SFB", 1m)], FromMonth: 1,
                ToMonth: 12),
        ];
        using var duck = new DuckDbObservations(Store, people);
        var memory = new InMemoryObservations(observations);
        foreach (var metric in metrics)
        {
            var fromDuck = MetricEvaluator.Evaluate(metric, people, duck, new DateOnly(2025, 6, 30)).Single();
            var fromMemory = MetricEvaluator.Evaluate(metric, people, memory, new DateOnly(2025, 6, 30)).Single();
            Assert.Equal((fromMemory.Eligible, fromMemory.Achieved, fromMemory.Effect, fromMemory.Amount),
                (fromDuck.Eligible, fromDuck.Achieved, fromDuck.Effect, fromDuck.Amount));
        }
    }

    /// <summary>Every value reaches DuckDB as a parameter: quotes, semicolons and comment marks in codes, units, file
    /// names, users, result hashes and Parquet column names are stored and read back literally and run no SQL.</summary>
    [Fact]
    public void Hostile_codes_and_names_are_stored_and_read_back_literally()
    {
        const string code = "x', 'y'); DROP TABLE observations; --";
        const string unit = "it's \"quoted\"; --";
        var catalogue = new Dictionary<string, MeasureValueType> { [code] = MeasureValueType.Decimal };
        var csv = Path.Combine(folder, "o'brien; DROP TABLE imports; --.csv");
        File.WriteAllText(csv,
            $"cpr,measure,from,to,value,unit\n0102031234,\"{code}\",2024-01-01,2024-01-31,2.5,\"{unit.Replace("\"", "\"\"")}\"\n");
        Assert.Equal(1, Store.Import(csv, "d'Artagnan; --", catalogue));

        Assert.Equal(1, Store.Observations(code));
        Assert.Equal(0, Store.Observations("x' OR '1'='1"));
        using (var connection = Store.Open())
        {
            Assert.Equal((code, unit),
                RegisterStore.Query(connection, "SELECT measure, unit FROM observations", r => (r.GetString(0), r.GetString(1))).Single());
            Assert.Equal(("o'brien; DROP TABLE imports; --.csv", "d'Artagnan; --"),
                RegisterStore.Query(connection, "SELECT file_name, imported_by FROM imports", r => (r.GetString(0), r.GetString(1)))
                    .Single());
        }
        var person = new Person(pseudonymiser.Of("0102031234"), "A", ParticipantGroup.Treatment, new DateOnly(2023, 12, 1));
        using (var observations = Store.Observe([person]))
            Assert.Equal(2.5m, observations.InWindow(code, Aggregate.Sum, 0, 3, [person])[person.Pseudonym].Value);
        Assert.Empty(Store.RunRows("h' OR 1=1; --", code, "c'"));
        Assert.Empty(Store.Settled(["h'); DELETE FROM run_rows; --"])!);

        // A Parquet file read where it lies (the CLI), in a folder with a quote in its name, with a column whose name is hostile.
        var odd = Directory.CreateDirectory(Path.Combine(folder, "it's; --")).FullName;
        var parquet = Path.Combine(odd, "extract.parquet");
        using (var connection = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:"))
        {
            connection.Open();
            RegisterStore.Execute(connection, """
                COPY (SELECT '0102031234' AS cpr, $code AS measure, '2024-02-01' AS "from", '2024-02-28' AS "to", '1' AS value, 'x' AS unit,
                             '2512891111' AS "n'o""te; --") TO $file (FORMAT parquet)
                """, ("code", code), ("file", parquet));
        }
        var rejected = Assert.Throws<Refused>(() => Store.Import(parquet, "test", catalogue));
        Assert.Equal(["Linje 2, n'o\"te; --: ligner et CPR-nummer; CPR-numre må kun stå i kolonnen cpr (værdien gentages ikke her)."],
            rejected.DaProblems());
        Assert.Equal(1, Count());
    }
}
