using System.Globalization;
using Bundlinje.Participants;
using DuckDB.NET.Data;

namespace Bundlinje.FollowUps;

public sealed class RegisterRejected(IReadOnlyList<string> problems)
    : Exception($"Registerudtrækket er afvist ({problems.Count} fejl): " + string.Join("; ", problems.Take(20)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>
/// Register and provider data in one long format — person, measure, from, to, value, unit — in a DuckDB file. Extracts
/// (CSV or Parquet, with a <c>cpr</c> column) are pseudonymised first (a CSV while it is read as a stream, a Parquet file
/// by DuckDB into a staged file) and the staged file, which holds pseudonyms only, is validated and loaded by DuckDB.
/// A CPR is never written to the store, a staged CSV, DuckDB's spill files, a message or a log.
/// </summary>
/// <param name="memoryLimit">DuckDB's memory limit (it spills to disk beyond it); keeps the app's footprint predictable.</param>
public sealed class RegisterStore(string path, Pseudonymiser pseudonymiser, string memoryLimit = "1GB")
{
    private static readonly string[] Columns = ["cpr", "measure", "from", "to", "value", "unit"];

    private volatile bool schemaReady;

    public DuckDBConnection Open()
    {
        var connection = new DuckDBConnection($"Data Source={path}");
        connection.Open();
        Execute(connection, $"SET memory_limit = '{Escape(memoryLimit)}'");
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
        if (!File.Exists(file)) throw new RegisterRejected([$"Filen findes ikke: {file}"]);
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
            throw new RegisterRejected([$"Filtypen '{extension}' kendes ikke; brug .csv eller .parquet."]);
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
                var source = $"read_parquet('{Escape(file)}', file_row_number = true)";
                try
                {
                    var present = Query(connection, $"SELECT column_name FROM (DESCRIBE SELECT * FROM {source})", r => r.GetString(0))
                        .Where(c => c != "file_row_number").ToList();
                    if (present.Any(c => CprLike.In(c))) throw new RegisterRejected(["Linje 1: et kolonnenavn ligner et CPR-nummer."]);
                    var missing = Columns.Where(c => !present.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
                    if (missing.Count > 0)
                        throw new RegisterRejected(
                            [$"Linje 1: kolonnen {string.Join(", ", missing)} mangler (skal have: {string.Join(", ", Columns)})."]);
                    static string Quoted(string column) => $"CAST(\"{column.Replace("\"", "\"\"")}\" AS VARCHAR)";
                    string Column(string name) => Quoted(present.First(p => p.Equals(name, StringComparison.OrdinalIgnoreCase)));
                    string Field(string name) =>
                        $"CASE WHEN regexp_matches({Column(name)}, '{CprLike.Pattern}') THEN '' ELSE {Column(name)} END";
                    var others = present.Where(p => !p.Equals("cpr", StringComparison.OrdinalIgnoreCase))
                        .Select(p => $"WHEN regexp_matches({Quoted(p)}, '{CprLike.Pattern}') THEN '{Escape(p)}'");
                    // Only pseudonyms leave this statement: the cpr column becomes its pseudonym, CPR-shaped values elsewhere become ''.
                    Execute(connection, $"""
                        COPY (SELECT file_row_number + 2 AS line, pseudonym({Column("cpr")}) AS person, {Field("measure")} AS measure, {Field("from")} AS f,
                                     {Field("to")} AS t, {Field("value")} AS v, {Field("unit")} AS unit, CASE {string.Join(" ", others)} ELSE '' END AS cprlike
                              FROM {source}) TO '{Escape(staged)}' (HEADER, DELIMITER ',', QUOTE '"', ESCAPE '"', FORCE_QUOTE *)
                        """);
                }
                catch (DuckDBException e)
                {
                    throw new RegisterRejected(
                    [$"Filen kan ikke læses som Parquet: {CprLike.Mask(e.Message.Split('\n')[0])}"]);
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

    private static void Copy(Stream from, Stream to, long cap)
    {
        var buffer = new byte[81920];
        long total = 0;
        for (int read; (read = from.Read(buffer)) > 0;)
        {
            total += read;
            if (total > cap) throw new RegisterRejected(
                [$"Fil: filen er større end {cap / 1024 / 1024} MB; indlæs den med kommandoen bundlinje register import."]);
            to.Write(buffer, 0, read);
        }
    }

    private long LoadStaged(string staged, string fileName, string importedBy,
        IReadOnlyDictionary<string, MeasureValueType>? knownMeasures, long? rows = null)
    {
        using var connection = Open();
        var source = $$"""
            read_csv('{{Escape(staged)}}', auto_detect = false, header = true, sep = ',', quote = '"', escape = '"',
                columns = {'line': 'BIGINT', 'person': 'VARCHAR', 'measure': 'VARCHAR', 'f': 'VARCHAR', 't': 'VARCHAR', 'v': 'VARCHAR', 'unit': 'VARCHAR', 'cprlike': 'VARCHAR'})
            """;
        try { return Load(connection, source, CprLike.Mask(fileName), importedBy, knownMeasures ?? Measures.SeedValueTypes, rows); }
        catch (DuckDBException e) { throw new RegisterRejected([$"Filen kan ikke læses: {CprLike.Mask(e.Message.Split('\n')[0])}"]); }
    }

    /// <summary>Validates and inserts the staged file, all or nothing. When the number of staged rows is known (a CSV), the
    /// valid rows are inserted in one pass and kept only if they are all of them, so a good file is read once; otherwise, or
    /// when some row is not valid, the file is read for its problems by line and nothing is kept.</summary>
    private static long Load(DuckDBConnection connection, string source, string fileName, string importedBy,
        IReadOnlyDictionary<string, MeasureValueType> knownMeasures, long? rows)
    {
        static string In(IEnumerable<string> codes) => codes.Any()
            ? $"measure IN ({string.Join(", ", codes.Select(k => $"'{Escape(k)}'"))})" : "FALSE";
        var unknown = $"NOT {In(knownMeasures.Keys)}";
        var yesNo = In(knownMeasures.Where(m => m.Value == MeasureValueType.YesNo).Select(m => m.Key));
        var whole = In(knownMeasures.Where(m => m.Value == MeasureValueType.Integer).Select(m => m.Key));
        if (rows is { } expected)
        {
            var importId = Guid.NewGuid().ToString("N");
            using var transaction = connection.BeginTransaction();
            var inserted = Execute(connection, $"""
                INSERT INTO observations
                SELECT person, measure, CAST(try_strptime(f, '%Y-%m-%d') AS DATE), CAST(try_strptime(t, '%Y-%m-%d') AS DATE),
                       TRY_CAST(v AS DECIMAL(18,4)), unit, '{importId}' FROM {source}
                WHERE coalesce(cprlike, '') = '' AND person IS NOT NULL AND person NOT LIKE '!%' AND measure IS NOT NULL AND NOT ({unknown})
                  AND try_strptime(f, '%Y-%m-%d') IS NOT NULL AND try_strptime(t, '%Y-%m-%d') IS NOT NULL
                  AND try_strptime(t, '%Y-%m-%d') >= try_strptime(f, '%Y-%m-%d') AND TRY_CAST(v AS DECIMAL(18,4)) IS NOT NULL
                  AND NOT ({yesNo} AND TRY_CAST(v AS DECIMAL(18,4)) NOT IN (0, 1))
                  AND NOT ({whole} AND TRY_CAST(v AS DECIMAL(18,4)) <> trunc(TRY_CAST(v AS DECIMAL(18,4))))
                """);
            if (inserted == expected)
            {
                Execute(connection,
                    $"INSERT INTO imports VALUES ('{importId}', '{Escape(fileName)}', {inserted}, '{Escape(importedBy)}', now())");
                transaction.Commit();
                return inserted;
            }
            transaction.Rollback();
        }
        // Line numbers: the header is line 1. Neither a CPR nor a CPR-shaped value is ever in the staged file or a message.
        var problems = Query(connection, $$"""
            WITH r AS (SELECT * FROM {{source}})
            SELECT line, CASE
                WHEN coalesce(cprlike, '') <> '' THEN cprlike || ': ligner et CPR-nummer; CPR-numre må kun stå i kolonnen cpr (værdien gentages ikke her)'
                WHEN person IS NULL OR person LIKE '!%' THEN 'cpr: skal være 10 cifre (ddmmåå-xxxx eller ddmmååxxxx), fandt ' || coalesce(substr(person, 2), '0') || ' tegn'
                WHEN measure IS NULL OR {{unknown}} THEN 'measure: ''' || coalesce(measure, '') || ''' er ikke et mål i fondens målkatalog'
                WHEN try_strptime(f, '%Y-%m-%d') IS NULL THEN 'from: ''' || coalesce(f, '') || ''' er ikke en dato (yyyy-mm-dd)'
                WHEN try_strptime(t, '%Y-%m-%d') IS NULL THEN 'to: ''' || coalesce(t, '') || ''' er ikke en dato (yyyy-mm-dd)'
                WHEN try_strptime(t, '%Y-%m-%d') < try_strptime(f, '%Y-%m-%d') THEN 'to: ligger før from'
                WHEN TRY_CAST(v AS DECIMAL(18,4)) IS NULL THEN 'value: ''' || coalesce(v, '') || ''' er ikke et tal (punktum som decimaltegn)'
                WHEN {{yesNo}} AND TRY_CAST(v AS DECIMAL(18,4)) NOT IN (0, 1) THEN 'value: ''' || v || ''' skal være 0 eller 1 (' || measure || ' er ja/nej i fondens målkatalog)'
                WHEN {{whole}} AND TRY_CAST(v AS DECIMAL(18,4)) <> trunc(TRY_CAST(v AS DECIMAL(18,4))) THEN 'value: ''' || v || ''' skal være et helt tal (' || measure || ' er et heltal i fondens målkatalog)'
                END AS problem
            FROM r WHERE problem IS NOT NULL ORDER BY line LIMIT 50
            """, r => $"Linje {r.GetInt64(0)}, {r.GetString(1)}.").ToList();
        // The first row with an unknown code lists the catalogue's codes (once, not on every row).
        var first = problems.FindIndex(p => p.EndsWith(" er ikke et mål i fondens målkatalog.", StringComparison.Ordinal));
        if (first >= 0)
            problems[first] = problems[first][..^1]
                + (knownMeasures.Count == 0 ? " (kataloget er tomt)." : $" (kendte mål: {Measures.List(knownMeasures.Keys)}).");
        if (problems.Count > 0) throw new RegisterRejected(problems);
        if (rows is not null) throw new RegisterRejected(["Filen kunne ikke indlæses helt; intet er gemt."]);

        var id = Guid.NewGuid().ToString("N");
        using var all = connection.BeginTransaction();
        var count = Execute(connection, $"""
            INSERT INTO observations
            SELECT person, measure, CAST(strptime(f, '%Y-%m-%d') AS DATE), CAST(strptime(t, '%Y-%m-%d') AS DATE),
                   CAST(v AS DECIMAL(18,4)), unit, '{id}' FROM {source}
            """);
        Execute(connection, $"INSERT INTO imports VALUES ('{id}', '{Escape(fileName)}', {count}, '{Escape(importedBy)}', now())");
        all.Commit();
        return count;
    }

    /// <summary>How many observations of a measure code the store holds (a code in use cannot leave a catalogue).</summary>
    public long Observations(string measure)
    {
        if (!File.Exists(path)) return 0;
        using var connection = Open();
        return Query(connection, $"SELECT count(*) FROM observations WHERE measure = '{Escape(measure)}'", r => r.GetInt64(0)).Single();
    }

    /// <summary>Keeps a run's per-participant payments for drill-down, keyed by its result hash (same result, same rows):
    /// per participant × window the entitlement to date (<c>amount</c>) and, given the settlement, what the run settled
    /// (<c>settled</c>, which later runs read back as paid before; NULL where the line was settled as a whole).</summary>
    public void SaveRunRows(string resultHash, IEnumerable<Payments.MetricResult> results, Payments.Settlement? settlement = null)
    {
        using var connection = Open();
        if (Query(connection, $"SELECT count(*) FROM run_rows WHERE result_hash = '{Escape(resultHash)}'", r => r.GetInt64(0))
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
        return Query(connection, $"""
            SELECT person, sum(amount) FROM run_rows WHERE result_hash = '{Escape(resultHash)}' AND metric = '{Escape(metric)}' AND cohort = '{Escape(cohort)}'
            GROUP BY person ORDER BY person
            """, r => (r.GetString(0), r.GetDecimal(1))).ToList();
    }

    /// <summary>What the runs with these result hashes settled per metric line and participant × window, summed; null when
    /// a run's rows were stored before per-participant settlement (then its lines are settled as a whole).</summary>
    public IReadOnlyDictionary<(string Metric, string Cohort), IReadOnlyDictionary<(string Person, int Window), decimal>>? Settled(
        IReadOnlyCollection<string> resultHashes)
    {
        if (resultHashes.Count == 0) return Payments.PaidBefore.Collect([]);
        using var connection = Open();
        var these = $"result_hash IN ({string.Join(", ", resultHashes.Select(h => $"'{Escape(h)}'"))})";
        if (Query(connection, $"SELECT count(*) FROM run_rows WHERE {these} AND settled IS NULL", r => r.GetInt64(0)).Single() > 0)
            return null;
        return Payments.PaidBefore.Collect(Query(connection, $"""
            SELECT metric, cohort, person, window_no, settled FROM run_rows WHERE {these} AND settled <> 0
            """, r => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetDecimal(4))));
    }

    /// <summary>An order-independent fingerprint of the observations for some people: same rows, same fingerprint.</summary>
    public string Fingerprint(DuckDBConnection connection, string peopleTable) =>
        Query(connection, $"""
            SELECT count(*) || ':' || coalesce(sum(hash(o.person, o.measure, o.from_date, o.to_date, o.value)::HUGEINT), 0)
            FROM observations o JOIN {peopleTable} p ON p.person = o.person
            """, r => r.GetString(0)).Single();

    public static int Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    public static IEnumerable<T> Query<T>(DuckDBConnection connection, string sql, Func<DuckDBDataReader, T> read)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return read(reader);
    }

    /// <summary>A text as the inside of an SQL string literal.</summary>
    internal static string Escape(string text) => text.Replace("'", "''");
}
