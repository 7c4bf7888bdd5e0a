using Bundlinje.Common;
using Bundlinje.FollowUps;
using Bundlinje.FollowUps.Demo;
using Bundlinje.Forecasts;
using Bundlinje.Investments;
using Bundlinje.Payments;
using Bundlinje.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ForecastService = Bundlinje.Forecasts.Forecasts;

namespace Bundlinje.Tests.Forecasts;

/// <summary>The forecasts service on the demo's stored data, on SQLite and PostgreSQL: the portfolio's recruitment warnings
/// (UngiFokus is flagged) and the outcome beliefs from a stored payment model, the demo's business case and approved runs.</summary>
public abstract class ForecastsServiceTests : IAsyncLifetime
{
    private BundlinjeFactory? factory;
    protected abstract Task<BundlinjeFactory?> CreateFactoryAsync();

    public async ValueTask InitializeAsync()
    {
        factory = await CreateFactoryAsync();
        factory?.StartServer();
    }

    public async ValueTask DisposeAsync()
    {
        if (factory is not null) await factory.DisposeAsync();
    }

    private async Task<T> WithAsync<T>(Func<ForecastService, IBundlinjeStore, Task<T>> use)
    {
        await using var scope = factory!.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<ForecastService>(),
            scope.ServiceProvider.GetRequiredService<IBundlinjeStore>());
    }

    [Fact]
    public async Task On_the_demo_ungifokus_alone_is_warned_about_at_the_end_of_2024_and_today()
    {
        if (factory is null) return;
        var ct = TestContext.Current.CancellationToken;
        var (end2024, today, ungifokus) = await WithAsync(async (forecasts, store) =>
        {
            var fund = await store.Funds.SingleAsync(f => f.Key == "aarhus", ct);
            var investment = await store.Investments.SingleAsync(i => i.Key == "ungifokus", ct);
            return (await forecasts.PortfolioWarningsAsync(fund.Id, new(2024, 12, 31), ct),
                await forecasts.PortfolioWarningsAsync(fund.Id, new(2026, 11, 27), ct),
                await forecasts.RecruitmentAsync(investment, new(2024, 12, 31), ct));
        });
        Assert.Equal(["ungifokus"], end2024.Select(w => w.Key));
        Assert.Equal(["ungifokus"], today.Select(w => w.Key));
        // The seed (aarhus-demo.json): 367 enrolled on 2024-12-31 of 500 planned at 125 a year from 2021-06-01 to 2025-12-31.
        Assert.Equal((367, new DateOnly(2024, 12, 31), 500, new DateOnly(2025, 12, 31)),
            (ungifokus.Enrolled, ungifokus.ObservedUntil, ungifokus.Plan!.Total, ungifokus.Plan.End));
        Assert.Equal(ungifokus.ProbabilityOfPlan, end2024.Single().Forecast.ProbabilityOfPlan);
        Assert.True(ungifokus.ProbabilityOfPlan < ForecastSettings.DefaultWarningProbability);
        Assert.True(today.Single().Forecast.EndPassed);
    }

    [Fact]
    public async Task Outcome_beliefs_start_from_the_business_case_and_take_in_the_latest_approved_run()
    {
        if (factory is null) return;
        var ct = TestContext.Current.CancellationToken;
        var beliefs = await WithAsync(async (forecasts, store) =>
        {
            var investment = await store.Investments.AsNoTracking().SingleAsync(i => i.Key == "dialog-mod-vold", ct);
            var before = await forecasts.OutcomesAsync(investment, ct);
            await PaymentModelFile.StoreAsync(store, DemoFollowUps.Model("dialog-mod-vold"), investment, ct);
            var noRuns = await forecasts.OutcomesAsync(investment, ct);
            await ApproveAsync(store, investment, 1, new(2023, 12, 31), [Line("ophoert", 6, 4), Line("skadestue", 6, 5)], ct);
            await ApproveAsync(store, investment, 2, new(2024, 12, 31), [Line("ophoert", 12, 8), Line("skadestue", 12, 10)], ct);
            return (before, noRuns, after: await forecasts.OutcomesAsync(investment, ct));
        });
        Assert.Empty(beliefs.before); // no payment model yet
        // The demo's business case (BusinessCases/Demo/dialog-mod-vold.json) assumes 60 % for "violence-ceased", the measure of
        // the model's "ophoert"; believed as much as 20 families: Beta(12, 8).
        var ceased = beliefs.noRuns.Single(b => b.MetricKey == "ophoert");
        Assert.Equal((0.6, AssumedFrom.BusinessCase, 12.0, 8.0), (Math.Round(ceased.AssumedRate!.Value, 9), ceased.AssumedFrom,
            Math.Round(ceased.Success!.Alpha, 9), Math.Round(ceased.Success.Beta, 9)));
        // The latest approved run (8 of 12; not 4 of 6 on top) updates it to Beta(20, 12).
        var updated = beliefs.after.Single(b => b.MetricKey == "ophoert");
        Assert.Equal((8, 12, new DateOnly(2024, 12, 31)), (updated.Successes, updated.Observed, updated.ResultsAsOf!.Value));
        Assert.Equal(BetaBelief.Around(0.6, 20).Observe(8, 12), updated.Success);
        Assert.Equal(20.0, updated.Success!.Alpha, 9);
        // No assumed rate anywhere: a flat prior, Beta(1, 1) + 10 of 12.
        var er = beliefs.after.Single(b => b.MetricKey == "skadestue");
        Assert.Equal((AssumedFrom.Nothing, 11.0, 3.0), (er.AssumedFrom, er.Success!.Alpha, er.Success.Beta));
        // Not measurable: paid at the model's assumed 40 %, never updated.
        var other = beliefs.after.Single(b => b.MetricKey == "familiebehandling");
        Assert.Equal((AssumedFrom.PaymentModel, "notMeasurable", 0), (other.AssumedFrom, other.Note, other.Observed));
        Assert.Equal(0.4, other.Success!.Mean, 9);
    }

    [Fact]
    public async Task A_rate_against_a_baseline_has_a_normal_effect_from_the_runs_counts()
    {
        if (factory is null) return;
        var ct = TestContext.Current.CancellationToken;
        var (baseline, beliefs) = await WithAsync(async (forecasts, store) =>
        {
            var investment = await store.Investments.AsNoTracking().SingleAsync(i => i.Key == "flere-kloge-haender", ct);
            var model = await PaymentModelFile.StoreAsync(store, DemoFollowUps.Model("flere-kloge-haender"), investment, ct);
            // The first follow-up (the seed's payment model description): 83 of 1.475 dropped out.
            await ApproveAsync(store, investment, 1, new(2024, 12, 31), [Line("frafald", 1475, 83)], ct);
            return ((double)model.Metrics.Single().BaselineRate!.Value, await forecasts.OutcomesAsync(investment, ct));
        });
        var effect = beliefs.Single().Effect!;
        var p = 83.0 / 1475;
        Assert.Equal(baseline - p, effect.Mean, 12);
        Assert.Equal(Math.Sqrt(p * (1 - p) / 1475), effect.StandardError, 12);
        Assert.Null(beliefs.Single().Success);
    }

    private static RunMetric Line(string key, int eligible, int achieved) =>
        new(key, key, MetricEvaluator.AllCohorts, eligible, achieved, achieved, (decimal)achieved / eligible, 0m, 0m, 0m, "");

    /// <summary>A run stored and approved as the runner does (its result as JSON, an approval with the next sequence).</summary>
    private static async Task ApproveAsync(IBundlinjeStore store, Investment investment, int sequence, DateOnly asOf,
        IReadOnlyList<RunMetric> lines, CancellationToken ct)
    {
        var model = await store.PaymentModels.Where(m => m.InvestmentId == investment.Id).OrderByDescending(m => m.Id).FirstAsync(ct);
        var result = new RunResult(investment.Key, asOf, model.AgreementVersion, lines, 0m, 0m, 0m, 0m, [], [], []);
        var run = new FollowUpRun
        {
            InvestmentId = investment.Id, AsOf = asOf, PaymentModelId = model.Id, ModelHash = model.Hash, ParticipantsHash = "test",
            RegisterFingerprint = "test", ResultJson = result.ToJson(), ResultHash = $"test-{sequence}", RunBy = "test",
            RunAt = new DateTimeOffset(asOf.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        };
        store.FollowUpRuns.Add(run);
        await store.SaveChangesAsync(ct);
        store.FollowUpApprovals.Add(new FollowUpApproval
        {
            InvestmentId = investment.Id, RunId = run.Id, Sequence = sequence, DecisionReference = "test", ApprovedBy = "test",
            ApprovedAt = run.RunAt,
        });
        await store.SaveChangesAsync(ct);
    }
}

public sealed class SqliteForecastsServiceTests : ForecastsServiceTests
{
    protected override Task<BundlinjeFactory?> CreateFactoryAsync() => Task.FromResult<BundlinjeFactory?>(BundlinjeFactory.Sqlite());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresForecastsServiceTests(PostgresCluster cluster) : ForecastsServiceTests
{
    protected override async Task<BundlinjeFactory?> CreateFactoryAsync()
    {
        if (cluster.Unavailable is { } reason) { Requirement.Missing(reason); return null; }
        return BundlinjeFactory.Postgres(await cluster.CreateDatabaseAsync());
    }
}
