using System.Net;
using Bundlinje.Common;
using Bundlinje.Forecasts;
using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ForecastService = Bundlinje.Forecasts.Forecasts;

namespace Bundlinje.Tests.Forecasts;

/// <summary>The recruitment forecast on the investment page and the portfolio, on the demo data, in Danish and English, on
/// SQLite and PostgreSQL: UngiFokus is warned about; the figures shown are the service's.</summary>
public abstract class RecruitmentForecastWebTests : IAsyncLifetime
{
    private BundlinjeFactory? factory;
    protected abstract Task<BundlinjeFactory?> CreateFactoryAsync();

    public async ValueTask InitializeAsync() => factory = await CreateFactoryAsync();

    public async ValueTask DisposeAsync()
    {
        if (factory is not null) await factory.DisposeAsync();
    }

    private async Task<RecruitmentForecast> ServiceForecastAsync(string key)
    {
        await using var scope = factory!.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IBundlinjeStore>();
        var investment = await store.Investments.AsNoTracking().SingleAsync(i => i.Key == key, TestContext.Current.CancellationToken);
        var today = scope.ServiceProvider.GetRequiredService<TimeProvider>().Today();
        return await scope.ServiceProvider.GetRequiredService<ForecastService>().RecruitmentAsync(investment, today,
            TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Ungifokus_page_shows_the_forecast_chart_table_and_warning_and_the_portfolio_warns_beside_todays_warning()
    {
        if (factory is null) return;
        var ct = TestContext.Current.CancellationToken;
        var client = await Login.AsAsync(factory, Login.Email(Roles.Secretariat));
        var expected = await ServiceForecastAsync("ungifokus");
        Assert.True(expected.Warns(ForecastSettings.DefaultWarningProbability));

        var page = await client.GetStringAsync("/Investments/ungifokus", ct);
        Assert.Contains("Prognose for rekruttering", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"recruitment-warning\"", page, StringComparison.Ordinal);
        Assert.Contains("<polygon class=\"band\"", page, StringComparison.Ordinal);
        Assert.Contains("<polyline class=\"plan\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"recruitment-table\"", page, StringComparison.Ordinal);
        Assert.Contains(expected.ProbabilityOfPlan.ToString("P1", Kroner.Danish), page, StringComparison.Ordinal);
        Assert.Contains($"{Kroner.Number((int)expected.P10AtEnd)}–{Kroner.Number((int)expected.P90AtEnd)}", page, StringComparison.Ordinal);

        // Lær for Livet (20 a year, 37 after 20 months) is on track: a forecast, no warning.
        var onTrack = await client.GetStringAsync("/Investments/laer-for-livet", ct);
        Assert.Contains("data-testid=\"recruitment-chart\"", onTrack, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"recruitment-warning\"", onTrack, StringComparison.Ordinal);
        // Dialog mod Vold (15 families planned to 2023-12-31; 16 counted then, 15 a year later): known, and a correction.
        var dialog = await client.GetStringAsync("/Investments/dialog-mod-vold", ct);
        Assert.Contains("Optællingerne når aftalens slutning: resultatet er kendt.", dialog, StringComparison.Ordinal);
        Assert.Contains("En senere optælling er lavere end en tidligere (en rettelse); den seneste bruges.", dialog, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"recruitment-chart\"", dialog, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"recruitment-warning\"", dialog, StringComparison.Ordinal);
        // IPS+ has no end date and no yearly plan: no forecast, and why.
        Assert.Contains("data-testid=\"recruitment-none\"", await client.GetStringAsync("/Investments/ips-plus", ct),
            StringComparison.Ordinal);

        var portfolio = await client.GetStringAsync("/Portfolio", ct);
        Assert.Contains("data-testid=\"enrolment-ungifokus\"", portfolio, StringComparison.Ordinal); // today's warning stays
        Assert.Contains("data-testid=\"forecast-warning-ungifokus\"", portfolio, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"forecast-warning-laer-for-livet\"", portfolio, StringComparison.Ordinal);

        var token = await Login.TokenAsync(client, "/Portfolio");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/Language", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en", ["returnUrl"] = "/Portfolio", ["__RequestVerificationToken"] = token,
        }), ct)).StatusCode);
        var english = await client.GetStringAsync("/Investments/ungifokus", ct);
        Assert.Contains("Recruitment forecast", english, StringComparison.Ordinal);
        Assert.Contains("Recruitment will probably not reach the plan", english, StringComparison.Ordinal);
        Assert.Contains("Probability of reaching the plan", await client.GetStringAsync("/Portfolio", ct), StringComparison.Ordinal);
    }
}

public sealed class SqliteRecruitmentForecastWebTests : RecruitmentForecastWebTests
{
    protected override Task<BundlinjeFactory?> CreateFactoryAsync() => Task.FromResult<BundlinjeFactory?>(BundlinjeFactory.Sqlite());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresRecruitmentForecastWebTests(PostgresCluster cluster) : RecruitmentForecastWebTests
{
    protected override async Task<BundlinjeFactory?> CreateFactoryAsync()
    {
        if (cluster.Unavailable is { } reason) { Requirement.Missing(reason); return null; }
        return BundlinjeFactory.Postgres(await cluster.CreateDatabaseAsync());
    }
}

/// <summary>The warning level is configurable: at 0 % nothing is ever below it.</summary>
public sealed class RecruitmentWarningLevelTests : IAsyncLifetime
{
    private readonly BundlinjeFactory factory = BundlinjeFactory.Sqlite();

    public ValueTask InitializeAsync()
    {
        factory.Settings["Bundlinje:Forecasts:WarningProbability"] = "0";
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task At_a_level_of_zero_ungifokus_is_not_warned_about()
    {
        var client = await Login.AsAsync(factory, Login.Email(Roles.Secretariat));
        var page = await client.GetStringAsync("/Investments/ungifokus", TestContext.Current.CancellationToken);
        Assert.Contains("data-testid=\"recruitment-probability\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"recruitment-warning\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("forecast-warning-", await client.GetStringAsync("/Portfolio", TestContext.Current.CancellationToken),
            StringComparison.Ordinal);
    }
}
