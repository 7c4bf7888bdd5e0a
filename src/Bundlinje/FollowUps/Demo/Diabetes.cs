namespace Bundlinje.FollowUps.Demo;

/// <summary>
/// Sammen om Diabetes: 138 citizens on three teams (96 started by the end of 2023, as the annual report counts them),
/// each with an HbA1c value before the start and one 6–12 months after. The investment ended early in 2024: the run as
/// of 30 September 2024 pays the results of the 38 whose 12 months had ended (22 reduced HbA1c by at least 8,5 %, 58 %),
/// and the 100 whose measurement period was still open are settled up front at the assumed success rate
/// (<see cref="Payments.EarlyTermination"/>). The ledger's 2024 result payment covers both.
/// </summary>
public static class Diabetes
{
    public const string Key = "diabetes";
    public static readonly DateOnly TerminatedAsOf = new(2024, 9, 30);

    /// <summary>Per team: starts in [From, To] (year·100 + month), and how many of them reduce HbA1c by at least 8,5 %
    /// (only those whose 12 months end by the termination date are measured).</summary>
    private static readonly (string Cohort, int From, int To, int Count, int Reduced)[] Teams =
    [
        ("Hold 2022", 2022_04, 2022_12, 24, 14),
        ("Hold 2023", 2023_01, 2023_09, 14, 8),
        ("Hold 2023", 2023_10, 2023_12, 58, 0),
        ("Hold 2024", 2024_01, 2024_08, 42, 0),
    ];

    public static DemoFollowUp Build()
    {
        var random = new Random(2021_10_01);
        var files = new DemoFiles();
        var serial = 0;
        foreach (var (cohort, from, to, count, reduced) in Teams)
        {
            var first = new DateOnly(from / 100, from % 100, 1);
            var months = (to / 100 - from / 100) * 12 + to % 100 - from % 100 + 1;
            var team = Enumerable.Range(0, count).Select(_ =>
            {
                var month = first.AddMonths(random.Next(months));
                var enrolled = DemoFiles.Day(random, month.Year, month.Month);
                // still open at termination
                if (reduced == 0 && enrolled.AddMonths(12) <= TerminatedAsOf.AddDays(1)) enrolled = enrolled.AddDays(1);
                return (Cpr: SyntheticCpr.Of(4, serial++), Enrolled: enrolled);
            }).ToList();
            var measured = team.Where(p => p.Enrolled.AddMonths(12) <= TerminatedAsOf.AddDays(1)).ToList();
            if (reduced > 0 && measured.Count != count)
                throw new InvalidOperationException($"Diabetes demo: {cohort} has {measured.Count} measured.");
            var succeeded = DemoFiles.Shuffled(measured, random).Take(reduced).Select(p => p.Cpr).ToHashSet();
            foreach (var (cpr, enrolled) in team)
            {
                files.Participant(cpr, cohort, enrolled);
                var before = 58m + random.Next(0, 250) / 10m; // mmol/mol
                files.Observation(cpr, "hba1c", enrolled.AddDays(-12), enrolled.AddDays(-12), before, "mmol/mol");
                var measuredOn = enrolled.AddMonths(8).AddDays(random.Next(0, 100)); // 6–12 months after the start
                if (measuredOn > TerminatedAsOf) continue;
                var reduction = succeeded.Contains(cpr) ? 0.09m + random.Next(0, 120) / 1000m : -0.03m + random.Next(0, 100) / 1000m;
                files.Observation(cpr, "hba1c", measuredOn, measuredOn, decimal.Round(before * (1 - reduction), 1), "mmol/mol");
            }
        }
        return files.Build(Key,
        [
            new(TerminatedAsOf, new(2024, 10, 8), "Styregruppen for Sammen om Diabetes: ophør før tid, møde 15-10-2024 (demo)",
                new(2024, 10, 15), 2024),
        ]);
    }
}
