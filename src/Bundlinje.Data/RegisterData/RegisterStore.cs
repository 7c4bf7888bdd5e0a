using System.Globalization;
using Bundlinje.Common;
using Bundlinje.FollowUps;
using Bundlinje.Participants;
using Bundlinje.Payments;
using DuckDB.NET.Data;

namespace Bundlinje.Data.RegisterData;

/// <summary>
/// Register and provider data in one long format — person, measure, from, to, value, unit — in a DuckDB file. Extracts
/// (CSV or Parquet, with a <c>cpr</c> column) are pseudonymised first (a CSV while it is read as a stream, a Parquet file
/// by DuckDB into a staged file) and the staged file, which holds pseudonyms only, is validated and loaded by DuckDB.
/// A CPR is never written to the store, a staged CSV, DuckDB's spill files, a message or a log. Every value in its SQL
/// is a bound parameter or a table filled by the appender (docs/register-data.md); the few places DuckDB cannot bind
/// (a setting, a COPY target, column names read from a Parquet file) are validated or quoted as identifiers, and say so.
/// </summary>
/// <param name="memoryLimit">DuckDB's memory limit (it spills to disk beyond it); keeps the app's footprint predictable.</param>
public sealed class RegisterStore(string path, Pseudonymiser pseudonymiser, string memoryLimit = "1GB") : IRegisterStore
{
    private static readonly string[] Columns = ["cpr", "measure", "from", "to", "value", "unit"];

    private volatile bool schemaReady;

    public DuckDBConnection Open()
    {
        var connection = new DuckDBConnection($"Data Source={path}");
        connection.Open();
        Execute(connection, "SET memory_limit = $limit", ("limit", memoryLimit));
        if (schemaReady) return connection;
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS observations (person VARCHAR NOT NULL, measure VARCHAR NOT NULL, from_date DATE NOT NULL,
                to_date DATE NOT NULL, value DECIMAL(18,4) NOT NULL, unit VARCHAR, import_id VARCHAR NOT NULL);
            CREATE TABLE IF NOT EXISTS run_rows (result_hash VARCHAR NOT NULL, metric VARCHAR NOT NULL, cohort VARCHAR NOT NULL, person VARCHAR NOT NULL, amount DECIMAL(18,2) NOT NULL);
            CREATE TABLE IF NOT EXISTS imports (import_id VARCHAR PRIMARY KEY, file_name VARCHAR, rows BIGINT, imported_by VARCHAR, imported_at TIMESTAMPTZ);
            """);
        // Per participant × window: the window of a repeated metric, and what the run settled (NULL in rows stored before).
        Execute(connection, """
            ALTER TABLE run_rows ADD COLUMN IF NOT EXISTS window_no INTEGER DEFAULT 0;
            ALTER TABLE run_rows ADD COLUMN IF NOT EXISTS settled DECIMAL(18,2);
            """);
        schemaReady = true;
        return connection;
    }

    public IDisposable KeepOpen() => Open();

    public IRunObservations Observe(IReadOnlyCollection<Person> people) => new DuckDbObservations(this, people);

    /// <summary>The largest extract taken in one upload (the CLI reads files of any size).</summary>
    public const long MaxUploadBytes = 200L * 1024 * 1024;

    /// <summary>Where an import stages its work files: an app-private folder (0700) beside the store, emptied at start-up.</summary>
    public string StagingFolder => StagingFolderOf(path);

    public static string StagingFolderOf(string storePath) => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storePath))!, "staging");

    /// <summary>Deletes what a killed import left in the staging folder; the web app calls it at start-up.</summary>
    public static int SweepStaging(string storePath)
    {
        var folder = StagingFolderOf(storePath);
        if (!Directory.Exists(folder)) return 0;
        var swept = 0;
        foreach (var file in Directory.GetFiles(folder)) { File.Delete(file); swept++; }
        return swept;
    }

    /// <summary>Loads an extract from a file (the CLI): a CSV is read as a stream; a Parquet file is read where it is.
    /// <paramref name="knownMeasures"/>: the codes of the fund's measure catalogue with their value types (without it, the
    /// seed's).</summary>
    public long Import(string file, string importedBy, IReadOnlyDictionary<string, MeasureValueType>? knownMeasures = null)
    {
        if (!File.Exists(file)) throw RegisterRejected.With(Refusal.Of("register.fileNotFound", file));
        if (Path.GetExtension(file).Equals(".parquet", StringComparison.OrdinalIgnoreCase))
            return ImportParquet(file, Path.GetFileName(file), importedBy, knownMeasures);
        using var stream = File.OpenRead(file);
        return Import(stream, Path.GetFileName(file), importedBy, knownMeasures);
    }

    /// <summary>
    /// Loads an extract all or nothing; returns the number of rows. Problems name the line (CSV: header = line 1) and never
    /// repeat a CPR number. A CSV is pseudonymised while it is read, so the only file DuckDB sees holds pseudonyms; a
    /// Parquet upload is staged 0600 in the staging folder only while DuckDB turns it into such a file, and deleted at once.
    /// </summary>
    public long Import(Stream content, string fileName, string importedBy,
        IReadOnlyDictionary<string, MeasureValueType>? knownMeasures = null)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not (".csv" or ".parquet"))
            throw RegisterRejected.With(Refusal.Of("import.fileType", extension, ".csv", ".parquet"));
        if (extension == ".csv")
        {
            var staged = NewStagedFile(".csv");
            try
            {
                long rows;
                using (var output = CreatePrivate(staged)) rows = RegisterCsv.Pseudonymise(content, output, pseudonymiser, Columns);
                return LoadStaged(staged, fileName, importedBy, knownMeasures, rows);
            }
            finally { File.Delete(staged); }
        }
        var parquet = NewStagedFile(".parquet");
        try
        {
            using (var output = CreatePrivate(parquet)) Copy(content, output, MaxUploadBytes);
            return ImportParquet(parquet, fileName, importedBy, knownMeasures);
        }
        finally { File.Delete(parquet); }
    }

    private long ImportParquet(string file, string fileName, string importedBy,
        IReadOnlyDictionary<string, MeasureValueType>? knownMeasures)
    {
        var staged = NewStagedFile(".csv");
        try
        {
            using (var connection = Open())
            {
                RegisterPseudonym(connection);
                const string source = "read_parquet($file, file_row_number = true)";
                var parameters = new List<(string, object?)> { ("file", file), ("staged", staged), ("cprlike", CprLike.Pattern) };
                try
                {
                    var present = Query(connection, $"SELECT column_name FROM (DESCRIBE SELECT * FROM {source})", r => r.GetString(0),
                        ("file", file))
                        .Where(c => c != "file_row_number").ToList();
                    if (present.Any(c => CprLike.In(c)))
                        throw RegisterRejected.With(Refusal.Of("register.columnNameLooksLikeCpr", RegisterRejected.Line(1)));
                    var missing = Columns.Where(c => !present.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
                    if (missing.Count > 0)
                        throw RegisterRejected.With(
                            Refusal.Of("import.columnsMissing", RegisterRejected.Line(1), string.Join(", ", missing),
                            string.Join(", ", Columns)));
                    // Column names are identifiers, which no database binds: the file's names are quoted as identifiers (a double
                    // quote doubled, DuckDB's rule). Every value, the names printed as text included, is a parameter.
                    static string Quoted(string column) => $"CAST(\"{column.Replace("\"", "\"\"")}\" AS VARCHAR)";
                    string Column(string name) => Quoted(present.First(p => p.Equals(name, StringComparison.OrdinalIgnoreCase)));
                    string Field(string name) => $"CASE WHEN regexp_matches({Column(name)}, $cprlike) THEN '' ELSE {Column(name)} END";
                    var others = present.Where(p => !p.Equals("cpr", StringComparison.OrdinalIgnoreCase)).Select((p, i) =>
                    {
                        parameters.Add(($"name{i}", p));
                        return $"WHEN regexp_matches({Quoted(p)}, $cprlike) THEN $name{i}";
                    }).ToList();
                    // Only pseudonyms leave this statement: the cpr column becomes its pseudonym, CPR-shaped values elsewhere become ''.
                    Execute(connection, $"""
                        COPY (SELECT file_row_number + 2 AS line, pseudonym({Column("cpr")}) AS person, {Field("measure")} AS measure, {Field("from")} AS f,
                                     {Field("to")} AS t, {Field("value")} AS v, {Field("unit")} AS unit, CASE {string.Join(" ", others)} ELSE '' END AS cprlike
                              FROM {source}) TO $staged (HEADER, DELIMITER ',', QUOTE '"', ESCAPE '"', FORCE_QUOTE *)
                        """, [.. parameters]);
                }
                catch (DuckDBException e)
                {
                    throw RegisterRejected.With(
                    Refusal.Of("import.unreadable", "Parquet", CprLike.Mask(e.Message.Split('\n')[0])));
                }
            }
            return LoadStaged(staged, fileName, importedBy, knownMeasures);
        }
        finally { File.Delete(staged); }
    }

    private void RegisterPseudonym(DuckDBConnection connection) =>
        connection.RegisterScalarFunction<string, string>("pseudonym", (readers, writer, count) =>
        {
            for (ulong i = 0; i < count; i++)
            {
                var cpr = readers[0].IsValid(i) ? readers[0].GetValue<string>(i) : null;
                writer.WriteValue(Pseudonymiser.Normalise(cpr) is null ? RegisterCsv.NotACpr(cpr) : pseudonymiser.Of(cpr!), i);
            }
        }, new ScalarFunctionOptions { IsPureFunction = true, HandlesNulls = true }, false);

    private string NewStagedFile(string extension)
    {
        var folder = StagingFolder;
        if (!Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
            else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return Path.Combine(folder, $"import-{Guid.NewGuid():N}{extension}");
    }

    /// <summary>A new file only its owner can read or write (0600), created as such (no window with wider rights).</summary>
    private static FileStream CreatePrivate(string file) => OperatingSystem.IsWindows()
        ? new(file, FileMode.CreateNew, FileAccess.Write, FileShare.None)
        : new(file, new FileStreamOptions
        {
            Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });

    /// <summary>A row's problem as the query names it (cprlike, cpr, measure, from, to, order, number, yesno, whole), at its
    /// line.</summary>
    private static Refusal Problem(Refusal line, string problem, string cprLike, string cprLength, string measure, string from, string to,
        string value) =>
        problem switch
        {
            "cprlike" => CprLike.Refusal(line, cprLike),
            "cpr" => Refusal.At("cpr", "import.cprShape", line, cprLength),
            "measure" => Refusal.At("measure", "register.unknownMeasure", line, measure),
            "from" => Refusal.At("from", "import.notADate", line, "from", from),
            "to" => Refusal.At("to", "import.notADate", line, "to", to),
            "order" => Refusal.At("to", "register.toBeforeFrom", line),
            "number" => Refusal.At("value", "register.notANumber", line, value),
            "yesno" => Refusal.At("value", "register.notYesNo", line, value, measure),
            _ => Refusal.At("value", "register.notWhole", line, value, measure),
        };

    private static void Copy(Stream from, Stream to, long cap)
    {
        var buffer = new byte[81920];
        long total = 0;
        for (int read; (read = from.Read(buffer)) > 0;)
        {
            total += read;
            if (total > cap) throw RegisterRejected.With(Refusal.At("file", "register.tooLarge", cap / 1024 / 1024));
            to.Write(buffer, 0, read);
        }
    }

    private long LoadStaged(string staged, string fileName, string importedBy,
        IReadOnlyDictionary<string, MeasureValueType>? knownMeasures, long? rows = null)
    {
        using var connection = Open();
        const string source = """
            read_csv($file, auto_detect = false, header = true, sep = ',', quote = '"', escape = '"',
                columns = {'line': 'BIGINT', 'person': 'VARCHAR', 'measure': 'VARCHAR', 'f': 'VARCHAR', 't': 'VARCHAR', 'v': 'VARCHAR', 'unit': 'VARCHAR', 'cprlike': 'VARCHAR'})
            """;
        try { return Load(connection, source, staged, CprLike.Mask(fileName), importedBy, knownMeasures ?? Measures.SeedValueTypes, rows); }
        catch (DuckDBException e)
        {
            throw RegisterRejected.With(
            Refusal.Of("register.unreadable", CprLike.Mask(e.Message.Split('\n')[0])));
        }
    }

    /// <summary>Validates and inserts the staged file, all or nothing. When the number of staged rows is known (a CSV), the
    /// valid rows are inserted in one pass and kept only if they are all of them, so a good file is read once; otherwise, or
    /// when some row is not valid, the file is read for its problems by line, and its rows are inserted only when it has none.</summary>
    private static long Load(DuckDBConnection connection, string source, string staged, string fileName, string importedBy,
        IReadOnlyDictionary<string, MeasureValueType> knownMeasures, long? rows)
    {
        // The catalogue's codes are three list parameters: $known, $yesno (0 or 1) and $whole (integers).
        List<string> Codes(Func<MeasureValueType, bool> which) => knownMeasures.Where(m => which(m.Value)).Select(m => m.Key).ToList();
        (string, object?)[] lists = [("file", staged), ("known", Codes(_ => true)),
            ("yesno", Codes(t => t == MeasureValueType.YesNo)), ("whole", Codes(t => t == MeasureValueType.Integer))];
        const string unknown = "NOT list_contains($known, measure)";
        const string yesNo = "list_contains($yesno, measure)";
        const string whole = "list_contains($whole, measure)";
        // Inserts the valid rows, and keeps them when they are all of the file (the expected count, or any count once the
        // file has been read for problems and had none); null when some row was not valid.
        long? InsertValid(long? expected)
        {
            var importId = Guid.NewGuid().ToString("N");
            using var transaction = connection.BeginTransaction();
            var inserted = Execute(connection, $"""
                INSERT INTO observations
                SELECT person, measure, CAST(try_strptime(f, '%Y-%m-%d') AS DATE), CAST(try_strptime(t, '%Y-%m-%d') AS DATE),
                       TRY_CAST(v AS DECIMAL(18,4)), unit, $id FROM {source}
                WHERE coalesce(cprlike, '') = '' AND person IS NOT NULL AND person NOT LIKE '!%' AND measure IS NOT NULL AND NOT ({unknown})
                  AND try_strptime(f, '%Y-%m-%d') IS NOT NULL AND try_strptime(t, '%Y-%m-%d') IS NOT NULL
                  AND try_strptime(t, '%Y-%m-%d') >= try_strptime(f, '%Y-%m-%d') AND TRY_CAST(v AS DECIMAL(18,4)) IS NOT NULL
                  AND NOT ({yesNo} AND TRY_CAST(v AS DECIMAL(18,4)) NOT IN (0, 1))
                  AND NOT ({whole} AND TRY_CAST(v AS DECIMAL(18,4)) <> trunc(TRY_CAST(v AS DECIMAL(18,4))))
                """, [.. lists, ("id", importId)]);
            if (expected is not null && inserted != expected)
            {
                transaction.Rollback();
                return null;
            }
            RecordImport(connection, importId, fileName, inserted, importedBy);
            transaction.Commit();
            return inserted;
        }
        if (rows is { } expected && InsertValid(expected) is { } all) return all;
        // Line numbers: the header is line 1. Neither a CPR nor a CPR-shaped value is ever in the staged file or a message.
        var problems = Query(connection, $$"""
            WITH r AS (SELECT * FROM {{source}})
            SELECT line, CASE
                WHEN coalesce(cprlike, '') <> '' THEN 'cprlike'
                WHEN person IS NULL OR person LIKE '!%' THEN 'cpr'
                WHEN measure IS NULL OR {{unknown}} THEN 'measure'
                WHEN try_strptime(f, '%Y-%m-%d') IS NULL THEN 'from'
                WHEN try_strptime(t, '%Y-%m-%d') IS NULL THEN 'to'
                WHEN try_strptime(t, '%Y-%m-%d') < try_strptime(f, '%Y-%m-%d') THEN 'order'
                WHEN TRY_CAST(v AS DECIMAL(18,4)) IS NULL THEN 'number'
                WHEN {{yesNo}} AND TRY_CAST(v AS DECIMAL(18,4)) NOT IN (0, 1) THEN 'yesno'
                WHEN {{whole}} AND TRY_CAST(v AS DECIMAL(18,4)) <> trunc(TRY_CAST(v AS DECIMAL(18,4))) THEN 'whole'
                END AS problem, coalesce(cprlike, ''), coalesce(substr(person, 2), '0'), coalesce(measure, ''), coalesce(f, ''), coalesce(t, ''), coalesce(v, '')
            FROM r WHERE problem IS NOT NULL ORDER BY line LIMIT 50
            """, r => Problem(RegisterRejected.Line(r.GetInt64(0)), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
                r.GetString(5), r.GetString(6), r.GetString(7)), lists)
            .ToList();
        // The first row with an unknown code lists the catalogue's codes (once, not on every row).
        var first = problems.FindIndex(p => p.Code == "register.unknownMeasure");
        if (first >= 0)
            problems[first] = knownMeasures.Count == 0 ? problems[first] with { Code = "register.unknownMeasureEmptyCatalogue" }
                : problems[first] with
                {
                    Code = "register.unknownMeasureKnown",
                    Args = [.. problems[first].Args, Measures.List(knownMeasures.Keys)]
                };
        if (problems.Count > 0) throw RegisterRejected.With(problems);
        if (rows is not null) throw RegisterRejected.With(Refusal.Of("register.incomplete"));

        return InsertValid(null)!.Value;
    }

    private static void RecordImport(DuckDBConnection connection, string id, string fileName, long rows, string importedBy) =>
        Execute(connection, "INSERT INTO imports VALUES ($id, $file, $rows, $by, now())", ("id", id), ("file", fileName), ("rows", rows),
            ("by", importedBy));

    /// <summary>How many observations of a measure code the store holds (a code in use cannot leave a catalogue).</summary>
    public long Observations(string measure)
    {
        if (!File.Exists(path)) return 0;
        using var connection = Open();
        return Query(connection, "SELECT count(*) FROM observations WHERE measure = $measure", r => r.GetInt64(0), ("measure", measure))
            .Single();
    }

    /// <summary>Keeps a run's per-participant payments for drill-down, keyed by its result hash (same result, same rows):
    /// per participant × window the entitlement to date (<c>amount</c>) and, given the settlement, what the run settled
    /// (<c>settled</c>, which later runs read back as paid before; NULL where the line was settled as a whole).</summary>
    public void SaveRunRows(string resultHash, IEnumerable<MetricResult> results, Settlement? settlement = null)
    {
        using var connection = Open();
        if (Query(connection, "SELECT count(*) FROM run_rows WHERE result_hash = $hash", r => r.GetInt64(0), ("hash", resultHash))
            .Single() > 0) return;
        using var appender = connection.CreateAppender("run_rows");
        var i = 0;
        foreach (var result in results)
        {
            var settled = settlement is { Settled.Count: > 0 } s ? s.Settled[i] : null;
            var entitled = result.PerWindow();
            var keys = settled is null ? entitled.Keys : entitled.Keys.Union(settled.Keys);
            foreach (var (person, window) in keys.OrderBy(k => k.Person, StringComparer.Ordinal).ThenBy(k => k.Window))
            {
                var row = appender.CreateRow().AppendValue(resultHash).AppendValue(result.Metric.Key).AppendValue(result.Cohort)
                    .AppendValue(person)
                    .AppendValue(entitled.GetValueOrDefault((person, window))).AppendValue(window);
                (settled is null ? row.AppendNullValue() : row.AppendValue(settled.GetValueOrDefault((person, window)))).EndRow();
            }
            i++;
        }
    }

    public List<(string Person, decimal Amount)> RunRows(string resultHash, string metric, string cohort)
    {
        using var connection = Open();
        return Query(connection, """
            SELECT person, sum(amount) FROM run_rows WHERE result_hash = $hash AND metric = $metric AND cohort = $cohort
            GROUP BY person ORDER BY person
            """, r => (r.GetString(0), r.GetDecimal(1)), ("hash", resultHash), ("metric", metric), ("cohort", cohort)).ToList();
    }

    /// <summary>What the runs with these result hashes settled per metric line and participant × window, summed; null when
    /// a run's rows were stored before per-participant settlement (then its lines are settled as a whole).</summary>
    public IReadOnlyDictionary<(string Metric, string Cohort), IReadOnlyDictionary<(string Person, int Window), decimal>>? Settled(
        IReadOnlyCollection<string> resultHashes)
    {
        if (resultHashes.Count == 0) return PaidBefore.Collect([]);
        using var connection = Open();
        var these = ("hashes", (object?)resultHashes.ToList());
        if (Query(connection, "SELECT count(*) FROM run_rows WHERE list_contains($hashes, result_hash) AND settled IS NULL", r =>
            r.GetInt64(0), these)
                .Single() > 0) return null;
        return PaidBefore.Collect(Query(connection, """
            SELECT metric, cohort, person, window_no, settled FROM run_rows WHERE list_contains($hashes, result_hash) AND settled <> 0
            """, r => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetDecimal(4)), these));
    }

    /// <summary>An order-independent fingerprint of the observations for some people: same rows, same fingerprint.
    /// <paramref name="peopleTable"/> is a table name of this assembly's own (<see cref="DuckDbObservations.PeopleTable"/>), never
    /// input.</summary>
    public static string Fingerprint(DuckDBConnection connection, string peopleTable) =>
        Query(connection, $"""
            SELECT count(*) || ':' || coalesce(sum(hash(o.person, o.measure, o.from_date, o.to_date, o.value)::HUGEINT), 0)
            FROM observations o JOIN {peopleTable} p ON p.person = o.person
            """, r => r.GetString(0)).Single();

    /// <summary>Runs a statement with its values bound as named parameters (<c>$name</c> in the SQL).</summary>
    public static int Execute(DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>Reads a query's rows, its values bound as named parameters (<c>$name</c> in the SQL).</summary>
    public static IEnumerable<T> Query<T>(DuckDBConnection connection, string sql, Func<DuckDBDataReader, T> read,
        params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return read(reader);
    }

    private static DuckDBCommand Command(DuckDBConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.Add(new DuckDBParameter(name, value));
        return command;
    }
}
