using System.Globalization;
using System.Text;

namespace Bundlinje.FollowUps.Demo;

/// <summary>A run the demo makes: as of a date, computed on <see cref="RunOn"/>; if <see cref="Decision"/> is set it is
/// approved on <see cref="ApprovedOn"/> and its obligation is the one the ledger's actual result payment of
/// <see cref="PaidInYear"/> paid.</summary>
public sealed record DemoRun(DateOnly AsOf, DateOnly RunOn, string? Decision = null, DateOnly? ApprovedOn = null, int? PaidInYear = null);

/// <summary>One demo investment's synthetic follow-up: its payment model (a model file), its participants and register
/// extract as the CSV files an import would read (with synthetic CPR-shaped ids, see <see cref="SyntheticCpr"/>), and its runs.</summary>
public sealed record DemoFollowUp(string Investment, string ModelJson, string ParticipantsCsv, string RegisterCsv,
    IReadOnlyList<DemoRun> Runs)
{
    public string ParticipantsFile => $"syntetiske-deltagere-{Investment}.csv";
    public string RegisterFile => $"syntetiske-registerdata-{Investment}.csv";
}

/// <summary>The four demo follow-ups, generated the same way every time: fixed seeds, fixed dates, no clock.</summary>
public static class DemoFollowUps
{
    /// <summary>Who the demo's imports, runs and approvals are recorded as.</summary>
    public const string Actor = "Demodata (syntetisk)";

    public static readonly IReadOnlyList<string> Investments = [FlereKlogeHaender.Key, HousingFirst.Key, DialogModVold.Key, Diabetes.Key];

    public static IReadOnlyList<DemoFollowUp> All() =>
        [FlereKlogeHaender.Build(), HousingFirst.Build(), DialogModVold.Build(), Diabetes.Build()];

    /// <summary>What the demo model file of an investment says about itself ("about"; a stored model keeps only the model),
    /// or null when the investment has no demo model.</summary>
    public static string? About(string investment) =>
        Investments.Contains(investment) && System.Text.Json.JsonDocument.Parse(Model(investment))
            .RootElement.TryGetProperty("about", out var about)
            ? about.GetString() : null;

    /// <summary>A demo payment model file embedded in the assembly (src/Bundlinje/Payments/demo-models/).</summary>
    public static string Model(string investment)
    {
        using var stream = typeof(DemoFollowUps).Assembly.GetManifestResourceStream($"Bundlinje.Payments.demo-models.{investment}.json")
            ?? throw new InvalidOperationException($"The demo payment model of '{investment}' is not embedded in the assembly.");
        return new StreamReader(stream).ReadToEnd();
    }
}

/// <summary>
/// Synthetic CPR-shaped ids for the demo: ten digits as a participant file needs, but day 99 and month 91–94, a date that
/// does not exist, so none can be a real person's CPR number. They exist only in memory while the demo is loaded and are
/// pseudonymised by the same import as real files; they are never stored.
/// </summary>
public static class SyntheticCpr
{
    public static string Of(int investment, int serial) =>
        investment is < 1 or > 4 || serial is < 0 or > 9999 ? throw new ArgumentOutOfRangeException(nameof(serial))
        : string.Create(CultureInfo.InvariantCulture, $"99{90 + investment:00}00-{serial:0000}");
}

/// <summary>The two CSV files of a demo follow-up, written as the participant and register imports read them.</summary>
public sealed class DemoFiles
{
    private readonly StringBuilder participants = new("cpr,cohort,group,enrolled\n");
    private readonly StringBuilder register = new("cpr,measure,from,to,value,unit\n");

    public void Participant(string cpr, string cohort, DateOnly enrolled) =>
        participants.Append(CultureInfo.InvariantCulture, $"{cpr},\"{cohort.Replace("\"", "\"\"")}\",treatment,{enrolled:yyyy-MM-dd}\n");

    public void Observation(string cpr, string measure, DateOnly from, DateOnly to, decimal value, string unit = "") =>
        register.Append(CultureInfo.InvariantCulture, $"{cpr},{measure},{from:yyyy-MM-dd},{to:yyyy-MM-dd},{value},{unit}\n");

    public DemoFollowUp Build(string investment, IReadOnlyList<DemoRun> runs) =>
        new(investment, DemoFollowUps.Model(investment), participants.ToString(), register.ToString(), runs);

    /// <summary>A day in a month (1–28, so that "n months later" is the same day in every month).</summary>
    public static DateOnly Day(Random random, int year, int month) => new(year, month, random.Next(1, 29));

    /// <summary>The items in an order fixed by the seed.</summary>
    public static List<T> Shuffled<T>(IEnumerable<T> items, Random random)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--) { var j = random.Next(i + 1); (list[i], list[j]) = (list[j], list[i]); }
        return list;
    }
}
