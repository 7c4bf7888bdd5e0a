namespace Bundlinje.FollowUps.Demo;

/// <summary>
/// Flere kloge hænder: 1.475 students admitted 1 May 2023 – 30 June 2024, of whom 83 drop out within 6 months of
/// admission (and some later, outside the window), as in the first follow-up the 2024 annual report describes. One run
/// as of 30 December 2024 (every 6-month window has ended), approved, paid by the 2024 result payment in the ledger.
/// </summary>
public static class FlereKlogeHaender
{
    public const string Key = "flere-kloge-haender";
    public const int Students = 1475, DropoutsInWindow = 83;
    public static readonly DateOnly AsOf = new(2024, 12, 30);

    public static DemoFollowUp Build()
    {
        var random = new Random(2023_05_01);
        var files = new DemoFiles();
        var students = new List<(string Cpr, DateOnly Enrolled)>();
        for (var i = 0; i < Students; i++)
        {
            var month = new DateOnly(2023, 5, 1).AddMonths(random.Next(14)); // May 2023 – June 2024
            var enrolled = DemoFiles.Day(random, month.Year, month.Month);
            var cpr = SyntheticCpr.Of(1, i);
            files.Participant(cpr, enrolled.Year == 2023 ? "Optag 2023" : "Optag 2024", enrolled);
            students.Add((cpr, enrolled));
        }
        var order = DemoFiles.Shuffled(students, random);
        foreach (var (cpr, enrolled) in order.Take(DropoutsInWindow))
        {
            var on = enrolled.AddDays(random.Next(7, 175)); // within [admission, admission + 6 months)
            files.Observation(cpr, "dropout", on, on, 1);
        }
        foreach (var (cpr, enrolled) in order.Skip(DropoutsInWindow).Take(60))
        {
            var on = enrolled.AddMonths(6).AddDays(random.Next(0, 90)); // after the window: does not count
            if (on <= AsOf) files.Observation(cpr, "dropout", on, on, 1);
        }
        return files.Build(Key,
        [
            new(AsOf, AsOf, "Styregruppen for Flere kloge hænder, beslutning af 30-12-2024 (demo)", AsOf, 2024),
        ]);
    }
}
