using Bundlinje.Payments;
using DuckDB.NET.Data;

namespace Bundlinje.FollowUps;

/// <summary>
/// Answers the engine's questions in DuckDB: the run's participants go into a temporary table once, and each metric
/// becomes one grouped query over the observations, so only one row per person comes back to .NET.
/// </summary>
public sealed class DuckDbObservations : IObservationSource, IDisposable
{
    public const string PeopleTable = "run_people";
    private readonly DuckDBConnection connection;

    public DuckDbObservations(RegisterStore store, IReadOnlyCollection<Person> people)
    {
        connection = store.Open();
        RegisterStore.Execute(connection, $"CREATE OR REPLACE TEMP TABLE {PeopleTable} (person VARCHAR PRIMARY KEY, enrolled DATE)");
        using (var appender = connection.CreateAppender(PeopleTable))
            foreach (var p in people)
                appender.CreateRow().AppendValue(p.Pseudonym).AppendValue(p.EnrolledOn.ToDateTime(TimeOnly.MinValue)).EndRow();
    }

    /// <summary>The fingerprint of every observation of the run's people (see <see cref="RegisterStore.Fingerprint"/>).</summary>
    public string Fingerprint(RegisterStore store) => store.Fingerprint(connection, PeopleTable);

    public IReadOnlyDictionary<string, WindowValues> InWindow(string measure, int fromMonth, int toMonth, IReadOnlyCollection<Person> people)
    {
        var wanted = people.Select(p => p.Pseudonym).ToHashSet();
        return RegisterStore.Query(connection, $"""
                SELECT p.person, sum(o.value), count(*), max(o.value), min(o.value), arg_max(o.value, o.from_date)
                FROM {PeopleTable} p JOIN observations o ON o.person = p.person AND o.measure = '{Escape(measure)}'
                 AND o.from_date >= p.enrolled + to_months({fromMonth}) AND o.from_date < p.enrolled + to_months({toMonth})
                GROUP BY p.person
                """, r => (Person: r.GetString(0), Values: new WindowValues(r.GetDecimal(1), (int)r.GetInt64(2), r.GetDecimal(3), r.GetDecimal(4), r.GetDecimal(5))))
            .Where(x => wanted.Contains(x.Person)).ToDictionary(x => x.Person, x => x.Values);
    }

    public IReadOnlyDictionary<string, (decimal? Baseline, decimal? After)> BaselineAndAfter(string measure, int fromMonth, int toMonth, IReadOnlyCollection<Person> people)
    {
        var found = RegisterStore.Query(connection, $"""
                SELECT p.person,
                       arg_max(o.value, o.from_date) FILTER (WHERE o.from_date <= p.enrolled),
                       arg_max(o.value, o.from_date) FILTER (WHERE o.from_date >= p.enrolled + to_months({fromMonth}) AND o.from_date < p.enrolled + to_months({toMonth}))
                FROM {PeopleTable} p JOIN observations o ON o.person = p.person AND o.measure = '{Escape(measure)}'
                GROUP BY p.person
                """, r => (r.GetString(0), r.IsDBNull(1) ? (decimal?)null : r.GetDecimal(1), r.IsDBNull(2) ? (decimal?)null : r.GetDecimal(2)))
            .ToDictionary(x => x.Item1, x => (x.Item2, x.Item3));
        return people.ToDictionary(p => p.Pseudonym, p => found.GetValueOrDefault(p.Pseudonym));
    }

    public void Dispose() => connection.Dispose();

    private static string Escape(string text) => text.Replace("'", "''");
}
