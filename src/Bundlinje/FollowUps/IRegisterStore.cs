using Bundlinje.Common;
using Bundlinje.Payments;

namespace Bundlinje.FollowUps;

/// <summary>A register extract refused: "Registerudtrækket er afvist (n fejl)" above its problems, each naming its line.</summary>
public static class RegisterRejected
{
    public static Refused With(params IReadOnlyList<Refusal> problems) => Refused.File("subject.register", problems);

    /// <summary>"Linje 1" (the header is line 1).</summary>
    public static Refusal Line(long line) => Refusal.Of("import.line", line);
}

/// <summary>
/// Register and provider data in one long format (person, measure, from, to, value, unit), pseudonymised on import, and
/// the per-participant rows of each run. The domain owns this contract; the store itself (DuckDB) lives in
/// <c>Bundlinje.Data/RegisterData</c>.
/// </summary>
public interface IRegisterStore
{
    /// <summary>Loads an extract from a file (the CLI): a CSV is read as a stream; a Parquet file is read where it is.
    /// <paramref name="knownMeasures"/>: the codes of the fund's measure catalogue with their value types (without it, the
    /// seed's).</summary>
    long Import(string file, string importedBy,
        IReadOnlyDictionary<string, MeasureValueType>? knownMeasures = null);

    /// <summary>Loads an extract all or nothing; returns the number of rows. Problems name the line and never repeat a
    /// CPR number.</summary>
    long Import(Stream content, string fileName, string importedBy, IReadOnlyDictionary<string, MeasureValueType>? knownMeasures = null);

    /// <summary>How many observations of a measure code the store holds (a code in use cannot leave a catalogue).</summary>
    long Observations(string measure);

    /// <summary>Keeps a run's per-participant payments for drill-down, keyed by its result hash (same result, same rows).</summary>
    void SaveRunRows(string resultHash, IEnumerable<MetricResult> results, Settlement? settlement = null);

    /// <summary>A metric line's amounts per participant of a stored run.</summary>
    List<(string Person, decimal Amount)> RunRows(string resultHash, string metric, string cohort);

    /// <summary>What the runs with these result hashes settled per metric line and participant × window, summed; null when
    /// a run's rows were stored before per-participant settlement (then its lines are settled as a whole).</summary>
    IReadOnlyDictionary<(string Metric, string Cohort), IReadOnlyDictionary<(string Person, int Window), decimal>>? Settled(
        IReadOnlyCollection<string> resultHashes);

    /// <summary>The observations of a run's people, answered where the data lives.</summary>
    IRunObservations Observe(IReadOnlyCollection<Person> people);

    /// <summary>Holds the store open until disposed, so many steps in a row (the demo load) do not reopen it each time.</summary>
    IDisposable KeepOpen();
}

/// <summary>A run's view of the register: the engine's questions, and the fingerprint of every observation it can read.</summary>
public interface IRunObservations : IObservationSource, IDisposable
{
    /// <summary>An order-independent fingerprint of the observations of the run's people: same rows, same fingerprint.</summary>
    string Fingerprint();
}
