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
/// (CSV or Parquet, with a <c>cpr</c> column) are validated and loaded by DuckDB itself, streaming; the CPR is turned
/// into its pseudonym by a function inside the load, so it is never written to the store, a temporary table or a log.
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
        schemaReady = true;
        return connection;
    }

    /// <summary>Loads an extract all or nothing; returns the number of rows. Problems name the line (CSV: header = line 1).</summary>
    public long Import(string file, string importedBy)
    {
        if (!File.Exists(file)) throw new RegisterRejected([$"Filen findes ikke: {file}"]);
        var source = Path.GetExtension(file).ToLowerInvariant() switch
        {
            ".csv" => CsvSource(file),
            ".parquet" => $"read_parquet('{Escape(file)}')",
            var other => throw new RegisterRejected([$"Filtypen '{other}' kendes ikke; brug .csv eller .parquet."]),
        };
        using var connection = Open();
        connection.RegisterScalarFunction<string, string>("pseudonym", (readers, writer, count) =>
        {
            for (ulong i = 0; i < count; i++) writer.WriteValue(pseudonymiser.Of(readers[0].GetValue<string>(i)), i);
        }, new ScalarFunctionOptions { IsPureFunction = true }, false);
        try { return Load(connection, file, source, importedBy); }
        catch (DuckDBException e) { throw new RegisterRejected([$"Filen kan ikke læses: {e.Message.Split('\n')[0]}"]); }
    }

    private long Load(DuckDBConnection connection, string file, string source, string importedBy)
    {
        var present = Query(connection, $"SELECT column_name FROM (DESCRIBE SELECT * FROM {source})", r => r.GetString(0).ToLowerInvariant()).ToHashSet();
        var missing = Columns.Where(c => !present.Contains(c)).ToList();
        if (missing.Count > 0) throw new RegisterRejected([$"Linje 1: kolonnen {string.Join(", ", missing)} mangler (skal have: {string.Join(", ", Columns)})."]);

        var known = string.Join(", ", Measures.Known.Keys.Select(k => $"'{k}'"));
        // Line numbers: the header is line 1. The CPR itself never appears in a message.
        var rows = $"""
            SELECT row_number() OVER () + 1 AS line, CAST(cpr AS VARCHAR) AS cpr, CAST(measure AS VARCHAR) AS measure,
                   CAST("from" AS VARCHAR) AS f, CAST("to" AS VARCHAR) AS t, CAST(value AS VARCHAR) AS v, CAST(unit AS VARCHAR) AS unit FROM {source}
            """;
        var problems = Query(connection, $$"""
            WITH r AS ({{rows}})
            SELECT line, CASE
                WHEN cpr IS NULL OR NOT regexp_full_match(trim(cpr), '[0-9]{6}-?[0-9]{4}') THEN 'cpr: skal være 10 cifre (ddmmåå-xxxx eller ddmmååxxxx), fandt ' || coalesce(length(trim(cpr)), 0) || ' tegn'
                WHEN measure IS NULL OR measure NOT IN ({{known}}) THEN 'measure: ''' || coalesce(measure, '') || ''' er ikke et kendt mål'
                WHEN try_strptime(f, '%Y-%m-%d') IS NULL THEN 'from: ''' || coalesce(f, '') || ''' er ikke en dato (yyyy-mm-dd)'
                WHEN try_strptime(t, '%Y-%m-%d') IS NULL THEN 'to: ''' || coalesce(t, '') || ''' er ikke en dato (yyyy-mm-dd)'
                WHEN try_strptime(t, '%Y-%m-%d') < try_strptime(f, '%Y-%m-%d') THEN 'to: ligger før from'
                WHEN TRY_CAST(v AS DECIMAL(18,4)) IS NULL THEN 'value: ''' || coalesce(v, '') || ''' er ikke et tal (punktum som decimaltegn)'
                END AS problem
            FROM r WHERE problem IS NOT NULL ORDER BY line LIMIT 50
            """, r => $"Linje {r.GetInt64(0)}, {r.GetString(1)}.").ToList();
        if (problems.Count > 0) throw new RegisterRejected(problems);

        var importId = Guid.NewGuid().ToString("N");
        using var transaction = connection.BeginTransaction();
        var inserted = Execute(connection, $"""
            INSERT INTO observations
            SELECT pseudonym(trim(cpr)), measure, CAST(strptime(f, '%Y-%m-%d') AS DATE), CAST(strptime(t, '%Y-%m-%d') AS DATE),
                   CAST(v AS DECIMAL(18,4)), unit, '{importId}' FROM ({rows})
            """);
        Execute(connection, $"INSERT INTO imports VALUES ('{importId}', '{Escape(Path.GetFileName(file))}', {inserted}, '{Escape(importedBy)}', now())");
        transaction.Commit();
        return inserted;
    }

    /// <summary>Keeps a run's per-participant payments for drill-down, keyed by its result hash (same result, same rows).</summary>
    public void SaveRunRows(string resultHash, IEnumerable<Payments.MetricResult> results)
    {
        using var connection = Open();
        if (Query(connection, $"SELECT count(*) FROM run_rows WHERE result_hash = '{Escape(resultHash)}'", r => r.GetInt64(0)).Single() > 0) return;
        using var appender = connection.CreateAppender("run_rows");
        foreach (var result in results)
            foreach (var (person, amount) in result.PerParticipant.OrderBy(p => p.Key, StringComparer.Ordinal))
                appender.CreateRow().AppendValue(resultHash).AppendValue(result.Metric.Key).AppendValue(result.Cohort).AppendValue(person).AppendValue(amount).EndRow();
    }

    public List<(string Person, decimal Amount)> RunRows(string resultHash, string metric, string cohort)
    {
        using var connection = Open();
        return Query(connection, $"""
            SELECT person, amount FROM run_rows WHERE result_hash = '{Escape(resultHash)}' AND metric = '{Escape(metric)}' AND cohort = '{Escape(cohort)}' ORDER BY person
            """, r => (r.GetString(0), r.GetDecimal(1))).ToList();
    }

    /// <summary>An order-independent fingerprint of the observations for some people: same rows, same fingerprint.</summary>
    public string Fingerprint(DuckDBConnection connection, string peopleTable) =>
        Query(connection, $"""
            SELECT count(*) || ':' || coalesce(sum(hash(o.person, o.measure, o.from_date, o.to_date, o.value)::HUGEINT), 0)
            FROM observations o JOIN {peopleTable} p ON p.person = o.person
            """, r => r.GetString(0)).Single();

    /// <summary>CSV read strictly with the file's own header (only the header line is read here; it holds no CPR):
    /// no sniffing, so a line with too many or too few fields is an error naming that line.</summary>
    private static string CsvSource(string file)
    {
        using var reader = new StreamReader(file);
        var header = (reader.ReadLine() ?? "").Split(',').Select(h => h.Trim().Trim('"')).ToList();
        if (header.Any(h => h.Length == 0 || h.Contains('\'') || h.Contains('"'))) throw new RegisterRejected(["Linje 1: overskriften er ikke en kommasepareret liste af kolonnenavne."]);
        var columns = string.Join(", ", header.Select(h => $"'{h}': 'VARCHAR'"));
        return $"read_csv('{Escape(file)}', auto_detect = false, header = true, sep = ',', quote = '\"', escape = '\"', columns = {{{columns}}})";
    }

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
