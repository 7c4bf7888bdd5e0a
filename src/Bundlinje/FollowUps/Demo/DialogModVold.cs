namespace Bundlinje.FollowUps.Demo;

/// <summary>
/// Dialog mod Vold: 15 families, each followed for 12 months after the start of treatment on six binary outcomes. Six
/// families started before December 2022 (settled by the run as of 30 November 2023), nine after (settled by the run a
/// year later). Which families meet which outcome is fixed per group, chosen by a seeded shuffle; the register rows
/// are what makes an outcome met or not (no ER visit, charge or shelter stay means "met").
/// </summary>
public static class DialogModVold
{
    public const string Key = "dialog-mod-vold";

    /// <summary>Per group: how many families meet ceased, no ER visit, no charge, no shelter stay, lower benefits.</summary>
    private static readonly (int From, int Months, int Families, int[] Met)[] Groups =
    [
        (2021_09, 14, 6, [2, 4, 3, 2, 3]),
        (2022_12, 11, 9, [2, 5, 3, 1, 2]),
    ];

    public static DemoFollowUp Build()
    {
        var random = new Random(2021_05_01);
        var files = new DemoFiles();
        var serial = 0;
        foreach (var (from, months, count, met) in Groups)
        {
            var start = new DateOnly(from / 100, from % 100, 1);
            var families = Enumerable.Range(0, count).Select(i =>
            {
                var month = start.AddMonths(i * months / (count - 1)); // spread over the group's months
                var enrolled = new DateOnly(month.Year, month.Month, random.Next(5, 29));
                return (Cpr: SyntheticCpr.Of(3, serial++), Enrolled: enrolled);
            }).ToList();
            foreach (var (cpr, enrolled) in families) files.Participant(cpr, $"Start {enrolled.Year}", enrolled);
            var outcomes = met.Select(n => DemoFiles.Shuffled(families, random).Take(n).Select(f => f.Cpr).ToHashSet()).ToArray();
            foreach (var (cpr, enrolled) in families)
            {
                var ceased = enrolled.AddMonths(9);
                files.Observation(cpr, "violence-ceased", ceased, ceased, outcomes[0].Contains(cpr) ? 1 : 0);
                if (!outcomes[1].Contains(cpr)) files.Observation(cpr, "er-visits-dv", enrolled.AddMonths(4), enrolled.AddMonths(4),
                    random.Next(1, 3));
                if (!outcomes[2].Contains(cpr)) files.Observation(cpr, "dv-charges", enrolled.AddMonths(6), enrolled.AddMonths(6), 1);
                if (!outcomes[3].Contains(cpr)) files.Observation(cpr, "womens-shelter", enrolled.AddMonths(3), enrolled.AddMonths(3)
                    .AddDays(13), random.Next(8, 30));
                var before = 3000m + random.Next(0, 30) * 100m; // kr. per week before treatment
                var after = outcomes[4].Contains(cpr) ? before * (0.70m + random.Next(0, 15) / 100m)
                    : before * (0.95m + random.Next(0, 10) / 100m);
                files.Observation(cpr, "benefit-cost", enrolled.AddDays(-7), enrolled.AddDays(-1), before, "kr.");
                files.Observation(cpr, "benefit-cost", enrolled.AddMonths(10), enrolled.AddMonths(10).AddDays(6), decimal.Round(after),
                    "kr.");
            }
        }
        return files.Build(Key,
        [
            new(new(2023, 11, 30), new(2023, 12, 5), "Styregruppen for Dialog mod Vold, møde 12-12-2023 (demo)", new(2023, 12, 12), 2023),
            new(new(2024, 11, 30), new(2024, 12, 4), "Styregruppen for Dialog mod Vold, møde 10-12-2024 (demo)", new(2024, 12, 10), 2024),
        ]);
    }
}
