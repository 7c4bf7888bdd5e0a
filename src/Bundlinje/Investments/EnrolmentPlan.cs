namespace Bundlinje.Investments;

/// <summary>Enrolment against the plan at a date: how far behind (a share of the expected), and whether to warn.</summary>
public sealed record EnrolmentStatus(DateOnly AsOf, int Enrolled, int Expected, decimal Behind, bool Warning, string Source);

/// <summary>
/// Compares enrolment with the agreement's planned curve. The expected figure is the one reported with the count when
/// the source gives it (UngiFokus Dec 2024: 422); otherwise the plan's straight line from the period start at
/// <see cref="Investment.PlannedPerYear"/>, never above the planned total. Only active investments are checked.
/// </summary>
public static class EnrolmentPlan
{
    public const decimal DefaultWarningShare = 0.10m;

    public static EnrolmentStatus? Check(Investment investment, decimal warningShare = DefaultWarningShare)
    {
        if (investment.Status != InvestmentStatus.Active || investment.LatestEnrolment() is not { } latest) return null;
        var reported = investment.Enrolment.Where(e => e.AsOf == latest.AsOf && e.Expected is not null).ToList();
        var (expected, source) = reported.Count > 0
            ? (reported.Sum(e => e.Expected!.Value), "indberettet forventning")
            : (Linear(investment, latest.AsOf), "planlagt forløb");
        return Status(latest.AsOf, latest.Enrolled, expected, warningShare, source);
    }

    /// <summary>Enrolment against the plan as reported on or before <paramref name="date"/> (the latest count up to it,
    /// summed over sub-projects), whatever the status (a fact sheet shows it for ended investments too); null without a
    /// count up to the date or without a plan.</summary>
    public static EnrolmentStatus? At(Investment investment, DateOnly date, decimal warningShare = DefaultWarningShare)
    {
        var counts = investment.Enrolment.Where(e => e.AsOf <= date).ToList();
        if (counts.Count == 0) return null;
        var asOf = counts.Max(e => e.AsOf);
        var latest = counts.Where(e => e.AsOf == asOf).ToList();
        var reported = latest.Where(e => e.Expected is not null).ToList();
        var (expected, source) = reported.Count > 0
            ? (reported.Sum(e => e.Expected!.Value), "indberettet forventning")
            : (Linear(investment, asOf), "planlagt forløb");
        return Status(asOf, latest.Sum(e => e.Enrolled), expected, warningShare, source);
    }

    /// <summary>The plan's cumulative straight line at a date (see the class); null without a yearly plan or a start.</summary>
    public static int? Planned(Investment investment, DateOnly date) => Linear(investment, date);

    private static EnrolmentStatus? Status(DateOnly asOf, int enrolled, int? expected, decimal warningShare, string source)
    {
        if (expected is not > 0) return null;
        var behind = Math.Max(0m, (decimal)(expected.Value - enrolled) / expected.Value);
        return new EnrolmentStatus(asOf, enrolled, expected.Value, behind, behind > warningShare, source);
    }

    /// <summary>Participants actually registered (treatment group) against the plan's straight line at a date, per cohort
    /// and in total; the plan is per investment, so cohorts show counts and the total carries the warning.</summary>
    public static (IReadOnlyList<(string Cohort, int Enrolled)> Cohorts, EnrolmentStatus? Total) FromParticipants(
        Investment investment, IEnumerable<(string Cohort, DateOnly EnrolledOn)> treated, DateOnly asOf,
            decimal warningShare = DefaultWarningShare)
    {
        var upTo = treated.Where(t => t.EnrolledOn <= asOf).ToList();
        var cohorts = upTo.GroupBy(t => t.Cohort).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count())).ToList();
        return (cohorts, Status(asOf, upTo.Count, Linear(investment, asOf), warningShare, "planlagt forløb"));
    }

    private static int? Linear(Investment i, DateOnly asOf)
    {
        if (i.PlannedPerYear is not { } perYear || (i.PeriodStart ?? i.AgreedOn) is not { } start || asOf < start) return null;
        var years = (asOf.DayNumber - start.DayNumber) / 365.25m;
        var expected = (int)decimal.Round(perYear * years, 0, MidpointRounding.AwayFromZero);
        return i.PlannedParticipants is { } total ? Math.Min(expected, total) : expected;
    }
}
