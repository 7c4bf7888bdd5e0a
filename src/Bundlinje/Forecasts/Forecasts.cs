using Bundlinje.BusinessCases;
using Bundlinje.Common;
using Bundlinje.FollowUps;
using Bundlinje.Investments;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Forecasts;

/// <summary>An active investment whose probability of reaching its enrolment plan is below the warning level.</summary>
public sealed record RecruitmentWarning(int InvestmentId, string Key, string Name, RecruitmentForecast Forecast);

/// <summary>
/// The forecasts of issue #16 for the pages and the simulation: an investment's recruitment forecast
/// (<see cref="RecruitmentForecast"/>), the beliefs about its outcome metrics (<see cref="OutcomeBeliefs"/>) and the
/// portfolio's recruitment warnings, with the settings of <see cref="ForecastSettings"/>.
/// </summary>
public sealed class Forecasts(IBundlinjeStore store, ForecastSettings settings)
{
    public ForecastSettings Settings => settings;

    /// <summary>The recruitment forecast of an investment as known on <paramref name="asOf"/> (its counts and sub-projects
    /// are read from the store, whatever the caller loaded).</summary>
    public async Task<RecruitmentForecast> RecruitmentAsync(Investment investment, DateOnly asOf, CancellationToken ct = default)
    {
        var loaded = await store.Investments.AsNoTracking().Include(i => i.Enrolment).Include(i => i.SubProjects)
            .FirstOrDefaultAsync(i => i.Id == investment.Id, ct) ?? throw new NotFound("investment", investment.Key);
        return RecruitmentForecast.Of(loaded, asOf, settings.RecruitmentPriorDays);
    }

    /// <summary>The recruitment forecast of each active investment of the fund, by investment id.</summary>
    public async Task<IReadOnlyDictionary<int, RecruitmentForecast>> FundRecruitmentAsync(int fundId, DateOnly asOf,
        CancellationToken ct = default)
    {
        var active = await store.Investments.AsNoTracking().Where(i => i.FundId == fundId && i.Status == InvestmentStatus.Active)
            .Include(i => i.Enrolment).Include(i => i.SubProjects).ToListAsync(ct);
        return active.ToDictionary(i => i.Id, i => RecruitmentForecast.Of(i, asOf, settings.RecruitmentPriorDays));
    }

    /// <summary>The fund's active investments whose P(reach plan) is below the configured level, by key.</summary>
    public async Task<IReadOnlyList<RecruitmentWarning>> PortfolioWarningsAsync(int fundId, DateOnly asOf, CancellationToken ct = default)
    {
        var forecasts = await FundRecruitmentAsync(fundId, asOf, ct);
        var names = await store.Investments.AsNoTracking().Where(i => i.FundId == fundId && i.Status == InvestmentStatus.Active)
            .Select(i => new { i.Id, i.Key, i.Name }).ToListAsync(ct);
        return names.Where(n => forecasts[n.Id].Warns(settings.WarningProbability)).OrderBy(n => n.Key, StringComparer.Ordinal)
            .Select(n => new RecruitmentWarning(n.Id, n.Key, n.Name, forecasts[n.Id])).ToList();
    }

    /// <summary>The beliefs about each outcome metric of the investment's current payment model (empty without one): the
    /// current business cases' assumed rates updated with the latest approved run.</summary>
    public async Task<IReadOnlyList<OutcomeBelief>> OutcomesAsync(Investment investment, CancellationToken ct = default)
    {
        var model = await store.PaymentModels.AsNoTracking().Where(m => m.InvestmentId == investment.Id).OrderByDescending(m => m.Id)
            .FirstOrDefaultAsync(ct);
        if (model is null) return [];
        var cases = (await store.BusinessCases.AsNoTracking().Where(b => b.InvestmentId == investment.Id).ToListAsync(ct))
            .GroupBy(b => (b.AgreementVersion, b.Part)).Select(g => g.MaxBy(b => b.Revision)!).ToList();
        // The newest agreement version's cases (one per part); older versions' assumptions are history.
        var newest = cases.Count == 0 ? 0 : cases.Max(c => c.AgreementVersion);
        var current = cases.Where(c => c.AgreementVersion == newest).OrderBy(c => c.Part, StringComparer.Ordinal).Select(c => c.Case)
            .ToList();
        var latest = await (from a in store.FollowUpApprovals
                            join r in store.FollowUpRuns on a.RunId equals r.Id
                            where a.InvestmentId == investment.Id
                            orderby a.Sequence descending
                            select r.ResultJson).FirstOrDefaultAsync(ct);
        return OutcomeBeliefs.Of(model.Model, current, latest is null ? null : RunResult.FromJson(latest), settings.OutcomePriorStrength);
    }
}
