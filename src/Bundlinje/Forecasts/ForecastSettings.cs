namespace Bundlinje.Forecasts;

/// <summary>The forecasts' settings (docs/configuration.md, <c>Bundlinje:Forecasts:*</c>): warn when the probability of
/// reaching the enrolment plan is below <see cref="WarningProbability"/>; the plan is believed as much as
/// <see cref="RecruitmentPriorDays"/> days of counts, a business case's success rate as much as
/// <see cref="OutcomePriorStrength"/> observed persons (docs/forecasts.md says why).</summary>
public sealed record ForecastSettings
{
    public const double DefaultWarningProbability = 0.50;
    public const double DefaultOutcomePriorStrength = 20;

    public ForecastSettings(double warningProbability = DefaultWarningProbability,
        double recruitmentPriorDays = RecruitmentForecast.DefaultPriorDays, double outcomePriorStrength = DefaultOutcomePriorStrength)
    {
        if (!(warningProbability is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(warningProbability), "Bundlinje:Forecasts:WarningProbability must be in [0, 1].");
        if (!(recruitmentPriorDays > 0) || double.IsInfinity(recruitmentPriorDays))
            throw new ArgumentOutOfRangeException(nameof(recruitmentPriorDays), "Bundlinje:Forecasts:RecruitmentPriorDays must be > 0.");
        if (!(outcomePriorStrength > 0) || double.IsInfinity(outcomePriorStrength))
            throw new ArgumentOutOfRangeException(nameof(outcomePriorStrength), "Bundlinje:Forecasts:OutcomePriorStrength must be > 0.");
        (WarningProbability, RecruitmentPriorDays, OutcomePriorStrength) = (warningProbability, recruitmentPriorDays, outcomePriorStrength);
    }

    public double WarningProbability { get; }
    public double RecruitmentPriorDays { get; }
    public double OutcomePriorStrength { get; }
}
