namespace Bundlinje.FollowUps.Demo;

/// <summary>
/// Housing First: 86 young people (Havnen 32, Hjem, Job og Helhed 54, enrolled 2021–2024 as the annual reports count
/// them), each with up to eight half-year windows. Runs as of 30 November 2022, 2023 and 2024 settle the windows that
/// ended since the last one; per period, how many windows meet each outcome is fixed (<see cref="Met"/>) and the windows
/// are picked by a seeded shuffle, keeping everyone under the 50.000 kr. cap except two young people enrolled in the
/// second half of 2023 who meet every outcome in both their 2024 windows, so the cap takes 8.000 kr. off each.
/// </summary>
public static class HousingFirst
{
    public const string Key = "housing-first";
    public const decimal Cap = 50_000m;
    private static readonly (string Measure, decimal Price)[] Outcomes =
        [("shelter-days", 10_000m), ("employment-degree", 8_000m), ("su-education", 8_000m), ("action-plan-progress", 3_000m)];

    public static readonly DateOnly[] RunsAsOf = [new(2022, 11, 30), new(2023, 11, 30), new(2024, 11, 30)];

    /// <summary>Per run period: the windows (other than the two capped young people's) meeting housing, employment,
    /// education and action-plan progress.</summary>
    private static readonly int[][] Met = [[3, 0, 0, 5], [71, 30, 30, 41], [60, 20, 20, 34]];

    /// <summary>Enrolled per sub-project and year 2021–2024 (Hjem, Job og Helhed has two more in 2023: the capped pair).</summary>
    private static readonly (string Cohort, int[] PerYear)[] Enrolment =
        [("Havnen", [8, 10, 7, 7]), ("Hjem, Job og Helhed", [12, 18, 19, 3])];

    public static DemoFollowUp Build()
    {
        var random = new Random(2021_01_01);
        var files = new DemoFiles();
        var people = new List<(string Cpr, DateOnly Enrolled)>();
        foreach (var (cohort, perYear) in Enrolment)
            for (var y = 0; y < perYear.Length; y++)
                for (var i = 0; i < perYear[y]; i++)
                {
                    var enrolled = DemoFiles.Day(random, 2021 + y, 1 + random.Next(y == 3 ? 5 : 12));
                    var cpr = SyntheticCpr.Of(2, people.Count);
                    files.Participant(cpr, cohort, enrolled);
                    people.Add((cpr, enrolled));
                }
        // The two who reach the cap: enrolled in July and August 2023, both windows end in the last period.
        var capped = new[] { (Cpr: SyntheticCpr.Of(2, people.Count), Enrolled: new DateOnly(2023, 7, 10)),
            (Cpr: SyntheticCpr.Of(2, people.Count + 1), Enrolled: new DateOnly(2023, 8, 14)) };
        foreach (var (cpr, enrolled) in capped) files.Participant(cpr, "Hjem, Job og Helhed", enrolled);

        var earned = new Dictionary<string, decimal>();
        var met = new HashSet<(string Cpr, int Window, int Outcome)>();
        var windows = new List<(string Cpr, DateOnly Start, int Window)>();
        for (var period = 0; period < RunsAsOf.Length; period++)
        {
            var from = period == 0 ? DateOnly.MinValue : RunsAsOf[period - 1];
            var ending = people.SelectMany(p => Enumerable.Range(0, 8).Select(k => (p.Cpr, Start: p.Enrolled.AddMonths(6 * k), Window: k)))
                .Where(w => w.Start.AddMonths(6) > from.AddDays(1) && w.Start.AddMonths(6) <= RunsAsOf[period].AddDays(1)).ToList();
            windows.AddRange(ending);
            for (var o = 0; o < Outcomes.Length; o++)
            {
                var wanted = Met[period][o];
                foreach (var w in DemoFiles.Shuffled(ending, random))
                {
                    if (wanted == 0) break;
                    if (earned.GetValueOrDefault(w.Cpr) + Outcomes[o].Price > Cap) continue;
                    earned[w.Cpr] = earned.GetValueOrDefault(w.Cpr) + Outcomes[o].Price;
                    met.Add((w.Cpr, w.Window, o));
                    wanted--;
                }
                if (wanted > 0) throw new InvalidOperationException(
                    $"Housing First demo: too few windows for outcome {o} in period {period}.");
            }
        }
        foreach (var (cpr, enrolled) in capped)
            for (var k = 0; k < 2; k++)
            {
                windows.Add((cpr, enrolled.AddMonths(6 * k), k));
                for (var o = 0; o < Outcomes.Length; o++) met.Add((cpr, k, o));
            }
        foreach (var (cpr, start, k) in windows) Observations(files, random, cpr, start, o => met.Contains((cpr, k, o)));
        return files.Build(Key,
        [
            new(RunsAsOf[0], new(2022, 12, 6), "Styregruppen for Housing First, møde 13-12-2022 (demo)", new(2022, 12, 13), 2022),
            new(RunsAsOf[1], new(2023, 12, 5), "Styregruppen for Housing First, møde 12-12-2023 (demo)", new(2023, 12, 12), 2023),
            new(RunsAsOf[2], new(2024, 12, 3), "Styregruppen for Housing First, møde 10-12-2024 (demo)", new(2024, 12, 10), 2024),
        ]);
    }

    /// <summary>A half-year window's register rows: shelter days (more than 5 when housing is not met), the highest
    /// employment degree, SU-eligible education and progress in the action plan.</summary>
    private static void Observations(DemoFiles files, Random random, string cpr, DateOnly start, Func<int, bool> met)
    {
        var month = start.AddMonths(2);
        if (!met(0)) files.Observation(cpr, "shelter-days", month, month.AddDays(27), random.Next(6, 28), "dage");
        else if (random.Next(3) == 0) files.Observation(cpr, "shelter-days", month, month.AddDays(27), random.Next(1, 6), "dage");
        if (met(1)) files.Observation(cpr, "employment-degree", month.AddMonths(1), month.AddMonths(1).AddDays(27), 0.25m
            + random.Next(0, 4) * 0.25m);
        else if (random.Next(2) == 0) files.Observation(cpr, "employment-degree", month.AddMonths(1), month.AddMonths(1).AddDays(27),
            random.Next(0, 3) * 0.1m);
        if (met(2)) files.Observation(cpr, "su-education", month.AddMonths(2), month.AddMonths(2).AddDays(27), 1);
        if (met(3)) files.Observation(cpr, "action-plan-progress", month.AddMonths(3), month.AddMonths(3), 1);
    }
}
