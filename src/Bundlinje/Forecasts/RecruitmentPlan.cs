using Bundlinje.Investments;

namespace Bundlinje.Forecasts;

/// <summary>The agreement's enrolment plan as the forecast reads it: <see cref="Total"/> participants from
/// <see cref="Start"/> to <see cref="End"/> at <see cref="RatePerDay"/> (the plan's straight line, capped at the total).</summary>
public sealed record RecruitmentPlan(int Total, double RatePerDay, DateOnly Start, DateOnly End)
{
    public const double DaysPerYear = 365.25;

    /// <summary>The plan's cumulative line at a date: the rate from the start, never above the total.</summary>
    public double PlannedAt(DateOnly date) => Math.Clamp(RatePerDay * (date.DayNumber - Start.DayNumber), 0, Total);

    /// <summary>The plan of an investment, or why there is none. Total: the planned participants (or the sub-projects'
    /// upper sum), else the yearly plan over the period. Start: the period start, else the agreement date (as
    /// <see cref="EnrolmentPlan"/>). End: the period end (the agreement's end), else where the yearly plan reaches the
    /// total. Rate: the yearly plan, else the total spread evenly over the period.</summary>
    public static (RecruitmentPlan? Plan, NoForecast? Why) Of(Investment investment)
    {
        var start = investment.PeriodStart ?? investment.AgreedOn;
        if (start is null) return (null, NoForecast.NoStart);
        var perYear = investment.PlannedPerYear is > 0 ? investment.PlannedPerYear : null;
        int? total = investment.Planned()?.Max;
        var end = investment.PeriodEnd;
        if (end is null && total is > 0 && perYear is { } py)
            end = start.Value.AddDays((int)Math.Ceiling(total.Value / (double)py * DaysPerYear));
        if (end is null) return (null, NoForecast.NoEnd);
        if (end <= start) return (null, NoForecast.NoEnd);
        var days = end.Value.DayNumber - start.Value.DayNumber;
        if (total is not > 0 && perYear is { } y) total = (int)Math.Round(y * days / DaysPerYear, MidpointRounding.AwayFromZero);
        if (total is not > 0) return (null, NoForecast.NoTotal);
        var rate = perYear is { } r ? r / DaysPerYear : total.Value / (double)days;
        return (new RecruitmentPlan(total.Value, rate, start.Value, end.Value), null);
    }
}

/// <summary>Why an investment has no recruitment forecast.</summary>
public enum NoForecast
{
    /// <summary>Neither a period start nor an agreement date.</summary>
    NoStart,
    /// <summary>No period end, and no yearly plan and total to say when enrolment ends.</summary>
    NoEnd,
    /// <summary>Neither planned participants nor a yearly plan.</summary>
    NoTotal,
}

/// <summary>Enrolled in all (summed over sub-projects and cohorts) as of a date.</summary>
public sealed record EnrolmentPoint(DateOnly AsOf, int Enrolled);

public static class EnrolmentHistory
{
    /// <summary>The cumulative enrolment as of each reported date up to <paramref name="asOf"/>: per sub-project its latest
    /// count on or before the date, summed (a sub-project that reports less often still counts).</summary>
    public static IReadOnlyList<EnrolmentPoint> Of(IEnumerable<EnrolmentCount> counts, DateOnly asOf)
    {
        var known = counts.Where(c => c.AsOf <= asOf).ToList();
        return known.Select(c => c.AsOf).Distinct().Order()
            .Select(d => new EnrolmentPoint(d, known.Where(c => c.AsOf <= d).GroupBy(c => c.SubProject ?? "")
                .Sum(g => g.Where(c => c.AsOf == g.Max(x => x.AsOf)).Sum(c => c.Enrolled))))
            .ToList();
    }
}
