using Bundlinje.Investments;

namespace Bundlinje.Forecasts;

/// <summary>The forecast cumulative enrolment at a date: the mean and the 80 % band (P10–P90), with the plan's line.</summary>
public sealed record ForecastPoint(DateOnly Date, double Mean, long P10, long P90, double Planned);

/// <summary>
/// How an investment's enrolment will go from here, with its uncertainty (docs/forecasts.md, "Rekrutteringsprognose").
/// The daily enrolment rate λ has a Gamma prior centred on the plan's rate, worth <see cref="DefaultPriorDays"/> days of
/// data; the latest cumulative count over the days since the start updates it (for a Poisson process only the total
/// count and the total time matter, so a correction that lowers a count is simply the latest count). The enrolment
/// still to come until the end is then negative binomial (<see cref="NegativeBinomial"/>), computed exactly.
/// </summary>
public sealed record RecruitmentForecast
{
    /// <summary>The plan believed as much as 90 days (a quarter) of observed enrolment: one quarter of reports can
    /// outweigh it, a year of reports carries 80 % of the weight (docs/forecasts.md).</summary>
    public const double DefaultPriorDays = 90;

    public required DateOnly AsOf { get; init; }
    public required RecruitmentPlan? Plan { get; init; }
    /// <summary>Why there is no forecast (then <see cref="Plan"/>, <see cref="Rate"/> are null and nothing is forecast).</summary>
    public NoForecast? Missing { get; init; }
    /// <summary>Cumulative enrolment as reported up to <see cref="AsOf"/>.</summary>
    public required IReadOnlyList<EnrolmentPoint> History { get; init; }
    /// <summary>The latest cumulative count (0 without counts).</summary>
    public int Enrolled { get; init; }
    /// <summary>The latest count's date, from which the forecast runs (the plan's start without counts).</summary>
    public DateOnly ObservedUntil { get; init; }
    /// <summary>Days from the plan's start to <see cref="ObservedUntil"/>: the exposure behind <see cref="Rate"/>.</summary>
    public double ObservedDays { get; init; }
    /// <summary>The prior on participants per day, centred on the plan's rate.</summary>
    public GammaBelief? Prior { get; init; }
    /// <summary>The belief about participants per day after the counts (the simulation draws from it).</summary>
    public GammaBelief? Rate { get; init; }
    /// <summary>Days from <see cref="ObservedUntil"/> to the plan's end still to enrol (0 when the counts reach the end).</summary>
    public double RemainingDays { get; init; }
    /// <summary>Month ends (quarter ends beyond two years) from <see cref="ObservedUntil"/> to the end, and the end.</summary>
    public IReadOnlyList<ForecastPoint> Points { get; init; } = [];
    public double MeanAtEnd { get; init; }
    public long P10AtEnd { get; init; }
    public long P90AtEnd { get; init; }
    /// <summary>When the mean forecast reaches the plan's total (it may be after the end); the count's date when reached.</summary>
    public DateOnly? PlanReachedOn { get; init; }
    /// <summary>The mean at the end as a share of the plan's total.</summary>
    public double ShareAtEnd { get; init; }
    /// <summary>P(enrolment at the end ≥ the plan's total).</summary>
    public double ProbabilityOfPlan { get; init; }
    /// <summary>The plan's end is before <see cref="AsOf"/> (the forecast then covers what has not been reported yet).</summary>
    public bool EndPassed { get; init; }
    /// <summary>The counts reach the plan's end: nothing is left to forecast, the probability is 0 or 1.</summary>
    public bool Known { get; init; }
    /// <summary>A later count is below an earlier one (a correction); the latest is used.</summary>
    public bool Corrected { get; init; }

    /// <summary>The enrolment still to come until the end (given the counts so far).</summary>
    public NegativeBinomial? Remaining => Rate is null ? null : new(Rate, RemainingDays);

    /// <summary>Whether to warn: there is a forecast and P(reach plan) is below <paramref name="level"/>.</summary>
    public bool Warns(double level) => Plan is not null && ProbabilityOfPlan < level;

    /// <summary>The forecast of an investment's enrolment as known on <paramref name="asOf"/>.</summary>
    public static RecruitmentForecast Of(Investment investment, DateOnly asOf, double priorDays = DefaultPriorDays)
    {
        var (plan, why) = RecruitmentPlan.Of(investment);
        var history = EnrolmentHistory.Of(investment.Enrolment, asOf);
        return plan is null ? new() { AsOf = asOf, Plan = null, Missing = why, History = history } : Of(plan, history, asOf, priorDays);
    }

    /// <summary>The forecast from a plan and the cumulative counts (those after <paramref name="asOf"/> are ignored).</summary>
    public static RecruitmentForecast Of(RecruitmentPlan plan, IReadOnlyList<EnrolmentPoint> history, DateOnly asOf,
        double priorDays = DefaultPriorDays)
    {
        if (!(priorDays > 0)) throw new ArgumentOutOfRangeException(nameof(priorDays));
        var known = history.Where(h => h.AsOf <= asOf).OrderBy(h => h.AsOf).ToList();
        var latest = known.Count > 0 ? known[^1] : new EnrolmentPoint(plan.Start, 0);
        var from = latest.AsOf < plan.Start ? plan.Start : latest.AsOf;
        var observedDays = Math.Max(0, latest.AsOf.DayNumber - plan.Start.DayNumber);
        var remainingDays = Math.Max(0, plan.End.DayNumber - from.DayNumber);
        var prior = GammaBelief.Around(plan.RatePerDay, priorDays);
        var rate = prior.Observe(latest.Enrolled, observedDays);
        var end = Point(plan, rate, latest, from, plan.End);
        var reached = latest.Enrolled >= plan.Total
            ? known.First(h => h.Enrolled >= plan.Total).AsOf
            : from.AddDays((int)Math.Min(Math.Ceiling((plan.Total - latest.Enrolled) / rate.Mean), 1_000_000));
        return new()
        {
            AsOf = asOf, Plan = plan, History = known, Enrolled = latest.Enrolled, ObservedUntil = latest.AsOf,
            ObservedDays = observedDays, Prior = prior, Rate = rate, RemainingDays = remainingDays,
            Points = remainingDays == 0 ? [] : Dates(latest.AsOf, plan.End).Select(d => Point(plan, rate, latest, from, d)).ToList(),
            MeanAtEnd = end.Mean, P10AtEnd = end.P10, P90AtEnd = end.P90, PlanReachedOn = reached, ShareAtEnd = end.Mean / plan.Total,
            ProbabilityOfPlan = new NegativeBinomial(rate, remainingDays).AtLeast(plan.Total - latest.Enrolled),
            EndPassed = plan.End < asOf, Known = remainingDays == 0,
            Corrected = known.Any(h => h.Enrolled > latest.Enrolled),
        };
    }

    private static ForecastPoint Point(RecruitmentPlan plan, GammaBelief rate, EnrolmentPoint latest, DateOnly from, DateOnly date)
    {
        var coming = new NegativeBinomial(rate, Math.Max(0, date.DayNumber - from.DayNumber));
        return new(date, latest.Enrolled + coming.Mean, latest.Enrolled + coming.Quantile(0.10), latest.Enrolled + coming.Quantile(0.90),
            plan.PlannedAt(date));
    }

    /// <summary>The start, each month's end after it (each quarter's end when the horizon is over two years) and the end.</summary>
    private static IEnumerable<DateOnly> Dates(DateOnly start, DateOnly end)
    {
        var quarters = end.DayNumber - start.DayNumber > 731;
        yield return start;
        for (var d = new DateOnly(start.Year, start.Month, 1).AddMonths(1).AddDays(-1); d < end; d = d.AddDays(1).AddMonths(1).AddDays(-1))
        {
            if (d > start && (!quarters || d.Month % 3 == 0)) yield return d;
        }
        yield return end;
    }
}
