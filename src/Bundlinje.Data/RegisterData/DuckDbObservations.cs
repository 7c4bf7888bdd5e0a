using Bundlinje.FollowUps;
using Bundlinje.Payments;
using DuckDB.NET.Data;

namespace Bundlinje.Data.RegisterData;

/// <summary>
/// Answers the engine's questions in DuckDB: the run's participants go into a temporary table once, and each metric
/// becomes one grouped query over the observations, so at most one row per person comes back to .NET — none for a
/// treatment-versus-control comparison, which DuckDB totals per group. The measure and the window's months are bound
/// parameters; the people are appended to a temporary table.
/// </summary>
public sealed class DuckDbObservations : IRunObservations
{
    public const string PeopleTable = "run_people";
    private const string SubsetTable = "run_subset";
    private readonly DuckDBConnection connection;
    private readonly int count;

    public DuckDbObservations(RegisterStore store, IReadOnlyCollection<Person> people)
    {
        connection = store.Open();
        count = people.Count;
        Fill(PeopleTable, people);
    }

    /// <summary>The fingerprint of every observation of the run's people (see <see cref="RegisterStore.Fingerprint"/>).</summary>
    public string Fingerprint() => RegisterStore.Fingerprint(connection, PeopleTable);

    private static (string, object?)[] Parameters(string measure, int fromMonth, int toMonth) =>
        [("measure", measure), ("from", fromMonth), ("to", toMonth)];

    public IReadOnlyDictionary<string, WindowValue> InWindow(string measure, Aggregate aggregate, int fromMonth, int toMonth,
        IReadOnlyCollection<Person> people)
    {
        var value = aggregate switch
        {
            Aggregate.Max => "max(o.value)",
            Aggregate.Min => "min(o.value)",
            Aggregate.Last => "arg_max(o.value, o.from_date)",
            _ => "sum(o.value)",
        };
        return RegisterStore.Query(connection, $"""
                SELECT p.person, {value}, count(*) FROM {Table(people)} p
                JOIN observations o ON o.person = p.person AND o.measure = $measure {Window}
                GROUP BY p.person
                """, r => (Person: r.GetString(0), Value: new WindowValue(r.GetDecimal(1), (int)r.GetInt64(2))), Parameters(measure, fromMonth, toMonth))
            .ToDictionary(x => x.Person, x => x.Value);
    }

    public GroupTotals TotalsByGroup(string measure, int fromMonth, int toMonth, IReadOnlyCollection<Person> people) =>
        RegisterStore.Query(connection, $"""
            WITH per_person AS (
                SELECT p.person, p.grp, coalesce(sum(o.value), 0) AS total FROM {Table(people)} p
                LEFT JOIN observations o ON o.person = p.person AND o.measure = $measure {Window}
                GROUP BY p.person, p.grp)
            SELECT coalesce(sum(total) FILTER (WHERE grp = 'T'), 0), count(*) FILTER (WHERE grp = 'T'),
                   coalesce(sum(total) FILTER (WHERE grp = 'C'), 0), count(*) FILTER (WHERE grp = 'C') FROM per_person
            """, r => new GroupTotals(r.GetDecimal(0), (int)r.GetInt64(1), r.GetDecimal(2), (int)r.GetInt64(3)), Parameters(measure, fromMonth, toMonth)).Single();

    public IReadOnlyDictionary<string, (decimal? Baseline, decimal? After)> BaselineAndAfter(string measure, int fromMonth, int toMonth,
        IReadOnlyCollection<Person> people)
    {
        var found = RegisterStore.Query(connection, $"""
                SELECT p.person,
                       arg_max(o.value, o.from_date) FILTER (WHERE o.from_date <= p.enrolled),
                       arg_max(o.value, o.from_date) FILTER (WHERE o.from_date >= p.enrolled + to_months($from) AND o.from_date < p.enrolled + to_months($to))
                FROM {Table(people)} p JOIN observations o ON o.person = p.person AND o.measure = $measure
                GROUP BY p.person
                """, r => (r.GetString(0), r.IsDBNull(1) ? (decimal?)null : r.GetDecimal(1), r.IsDBNull(2) ? (decimal?)null : r.GetDecimal(2)),
                Parameters(measure, fromMonth, toMonth))
            .ToDictionary(x => x.Item1, x => (x.Item2, x.Item3));
        return people.ToDictionary(p => p.Pseudonym, p => found.GetValueOrDefault(p.Pseudonym));
    }

    public void Dispose() => connection.Dispose();

    private const string Window = "AND o.from_date >= p.enrolled + to_months($from) AND o.from_date < p.enrolled + to_months($to)";

    /// <summary>The run's people, or (for a cohort or the eligible part of it) a temporary table of just those.</summary>
    private string Table(IReadOnlyCollection<Person> people)
    {
        if (people.Count == count) return PeopleTable;
        Fill(SubsetTable, people);
        return SubsetTable;
    }

    private void Fill(string table, IReadOnlyCollection<Person> people)
    {
        RegisterStore.Execute(connection, $"CREATE OR REPLACE TEMP TABLE {table} (person VARCHAR, grp VARCHAR, enrolled DATE)");
        using var appender = connection.CreateAppender(table);
        foreach (var p in people)
            appender.CreateRow().AppendValue(p.Pseudonym).AppendValue(p.Group == ParticipantGroup.Treatment ? "T" : "C")
                .AppendValue(p.EnrolledOn.ToDateTime(TimeOnly.MinValue)).EndRow();
    }

}
