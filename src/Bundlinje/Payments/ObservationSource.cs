namespace Bundlinje.Payments;

/// <summary>Per person, the values a metric needs within a window [enrolment + from months, enrolment + to months).</summary>
public sealed record WindowValues(decimal Sum, int Count, decimal Max, decimal Min, decimal Last);

/// <summary>
/// Where the engine reads observations. The metric kinds need only two questions answered per person, so a store can
/// answer them where the data lives (DuckDB pushes them down as SQL) instead of handing every row to .NET.
/// </summary>
public interface IObservationSource
{
    /// <summary>People with no observation of the measure in the window are absent from the answer.</summary>
    IReadOnlyDictionary<string, WindowValues> InWindow(string measure, int fromMonth, int toMonth, IReadOnlyCollection<Person> people);

    /// <summary>The latest value on or before enrolment, and the latest value in the window (null where there is none).</summary>
    IReadOnlyDictionary<string, (decimal? Baseline, decimal? After)> BaselineAndAfter(string measure, int fromMonth, int toMonth, IReadOnlyCollection<Person> people);
}

/// <summary>Observations held in memory (tests, small provider-reported files).</summary>
public sealed class InMemoryObservations(IEnumerable<Observation> observations) : IObservationSource
{
    private readonly ILookup<string, Observation> byPerson = observations.ToLookup(o => o.Person);

    private IEnumerable<Observation> Window(Person p, string measure, int fromMonth, int toMonth) =>
        byPerson[p.Pseudonym].Where(o => o.Measure == measure && o.From >= p.EnrolledOn.AddMonths(fromMonth) && o.From < p.EnrolledOn.AddMonths(toMonth));

    public IReadOnlyDictionary<string, WindowValues> InWindow(string measure, int fromMonth, int toMonth, IReadOnlyCollection<Person> people)
    {
        var result = new Dictionary<string, WindowValues>();
        foreach (var p in people)
        {
            var values = Window(p, measure, fromMonth, toMonth).OrderBy(o => o.From).Select(o => o.Value).ToList();
            if (values.Count > 0) result[p.Pseudonym] = new(values.Sum(), values.Count, values.Max(), values.Min(), values[^1]);
        }
        return result;
    }

    public IReadOnlyDictionary<string, (decimal? Baseline, decimal? After)> BaselineAndAfter(string measure, int fromMonth, int toMonth, IReadOnlyCollection<Person> people) =>
        people.ToDictionary(p => p.Pseudonym, p => (
            byPerson[p.Pseudonym].Where(o => o.Measure == measure && o.From <= p.EnrolledOn).MaxBy(o => o.From)?.Value,
            Window(p, measure, fromMonth, toMonth).MaxBy(o => o.From)?.Value));
}
