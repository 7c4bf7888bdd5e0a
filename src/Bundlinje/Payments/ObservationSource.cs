namespace Bundlinje.Payments;

/// <summary>Per person, one aggregate of a measure's values within a window [enrolment + from months, enrolment + to
/// months), and how many values there were (a mean is the sum divided by the count).</summary>
public sealed record WindowValue(decimal Value, int Count);

/// <summary>Summed values per group: what a treatment-versus-control comparison needs, without a row per person.</summary>
public sealed record GroupTotals(decimal TreatedSum, int Treated, decimal ControlSum, int Controls);

/// <summary>
/// Where the engine reads observations. The metric kinds need only two questions answered per person, so a store can
/// answer them where the data lives (the register store pushes them down as SQL) instead of handing every row to .NET.
/// </summary>
public interface IObservationSource
{
    /// <summary>People with no observation of the measure in the window are absent from the answer. For
    /// <see cref="Aggregate.Mean"/> the value is the sum.</summary>
    IReadOnlyDictionary<string, WindowValue> InWindow(string measure, Aggregate aggregate, int fromMonth, int toMonth,
        IReadOnlyCollection<Person> people);

    /// <summary>Each group's total of the measure in the window (people without observations count with 0).</summary>
    GroupTotals TotalsByGroup(string measure, int fromMonth, int toMonth, IReadOnlyCollection<Person> people);

    /// <summary>The latest value on or before enrolment, and the latest value in the window (null where there is none).</summary>
    IReadOnlyDictionary<string, (decimal? Baseline, decimal? After)> BaselineAndAfter(string measure, int fromMonth, int toMonth,
        IReadOnlyCollection<Person> people);
}

/// <summary>Observations held in memory (tests, small provider-reported files).</summary>
public sealed class InMemoryObservations(IEnumerable<Observation> observations) : IObservationSource
{
    private readonly ILookup<string, Observation> byPerson = observations.ToLookup(o => o.Person);

    private IEnumerable<Observation> Window(Person p, string measure, int fromMonth, int toMonth) =>
        byPerson[p.Pseudonym]
            .Where(o => o.Measure == measure && o.From >= p.EnrolledOn.AddMonths(fromMonth) && o.From < p.EnrolledOn.AddMonths(toMonth));

    public IReadOnlyDictionary<string, WindowValue> InWindow(string measure, Aggregate aggregate, int fromMonth, int toMonth,
        IReadOnlyCollection<Person> people)
    {
        var result = new Dictionary<string, WindowValue>();
        foreach (var p in people)
        {
            var values = Window(p, measure, fromMonth, toMonth).OrderBy(o => o.From).Select(o => o.Value).ToList();
            if (values.Count == 0) continue;
            var value = aggregate switch
            {
                Aggregate.Max => values.Max(),
                Aggregate.Min => values.Min(),
                Aggregate.Last => values[^1],
                _ => values.Sum(),
            };
            result[p.Pseudonym] = new(value, values.Count);
        }
        return result;
    }

    public GroupTotals TotalsByGroup(string measure, int fromMonth, int toMonth, IReadOnlyCollection<Person> people)
    {
        var sums = InWindow(measure, Aggregate.Sum, fromMonth, toMonth, people);
        decimal Sum(ParticipantGroup g) => people.Where(p => p.Group == g).Sum(p => sums.GetValueOrDefault(p.Pseudonym)?.Value ?? 0m);
        return new(Sum(ParticipantGroup.Treatment), people.Count(p => p.Group == ParticipantGroup.Treatment),
            Sum(ParticipantGroup.Control), people.Count(p => p.Group == ParticipantGroup.Control));
    }

    public IReadOnlyDictionary<string, (decimal? Baseline, decimal? After)> BaselineAndAfter(string measure, int fromMonth, int toMonth,
        IReadOnlyCollection<Person> people) =>
        people.ToDictionary(p => p.Pseudonym, p => (
            byPerson[p.Pseudonym].Where(o => o.Measure == measure && o.From <= p.EnrolledOn).MaxBy(o => o.From)?.Value,
            Window(p, measure, fromMonth, toMonth).MaxBy(o => o.From)?.Value));
}
