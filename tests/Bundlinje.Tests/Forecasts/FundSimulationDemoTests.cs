using System.Diagnostics;
using System.Text.Json;
using Bundlinje.Data;
using Bundlinje.Forecasts.Simulation;
using Bundlinje.Fund;
using Bundlinje.Tests.FollowUps;
using Bundlinje.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Tests.Forecasts;

public sealed class SqliteFundSimulationDemoTests(SqliteDemoApp app) : FundSimulationDemoTests(app), IClassFixture<SqliteDemoApp>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresFundSimulationDemoTests(PostgresDemoApp app) : FundSimulationDemoTests(app), IClassFixture<PostgresDemoApp>;

/// <summary>The simulation on the Aarhus demo's real ledger, payment models and business cases, on each database.</summary>
public abstract class FundSimulationDemoTests(DemoApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private BundlinjeFactory Factory
    {
        get
        {
            if (app.Unavailable is { } reason) Requirement.Missing(reason);
            return app.Factory;
        }
    }

    private async Task<(FundSimulationReport Simulation, EconomicsReport Economics)> RunAsync(SimulationRequest request)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BundlinjeDb>();
        var fund = await db.Funds.AsNoTracking().SingleAsync(f => f.Key == "aarhus", Ct);
        var simulation = await scope.ServiceProvider.GetRequiredService<FundSimulations>().RunAsync(fund, request, Ct);
        var economics = await scope.ServiceProvider.GetRequiredService<FundEconomics>()
            .BuildAsync(fund, new EconomicsQuery(request.EffectPercent), null, Ct);
        return (simulation, economics);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(100)]
    public async Task Without_uncertainty_the_simulation_is_the_economics_table_at_the_same_effect_to_the_krone(int? effect)
    {
        var (simulation, economics) = await RunAsync(new SimulationRequest(2000, 11, Beliefs: BeliefStrengths.None, EffectPercent: effect));
        var table = economics.Table!;
        Assert.Equal(table.Columns.Select(c => c.Label), simulation.Result.Years.Select(y => y.Column.Label));
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var year = simulation.Result.Years[c];
            var krone = Math.Round(table.Balance[c], 0, MidpointRounding.AwayFromZero);
            Assert.Equal(table.Balance[c], year.Deterministic);
            Assert.Equal([krone, krone, krone, krone], new[] { year.P10, year.P50, year.P90, year.Mean }.Select(v =>
                Math.Round(v, 0, MidpointRounding.AwayFromZero)));
            Assert.Equal(0m, year.StdDev);
        }
        Assert.Equal(economics.Room!.Amount, simulation.Result.Room);
        Assert.Equal(economics.Room, simulation.Result.DeterministicRoom);
        Assert.Empty(simulation.Result.Uncertain);
        Assert.Equal(economics.Room.LowestBalance < 0 ? 1 : 0, simulation.Result.PBelowZero);
    }

    [Fact]
    public async Task With_the_beliefs_the_demo_has_a_spread_a_ranking_and_the_same_numbers_for_the_same_seed()
    {
        var watch = Stopwatch.StartNew();
        var (first, economics) = await RunAsync(new SimulationRequest(10_000, 2026));
        var elapsed = watch.Elapsed;
        var (second, _) = await RunAsync(new SimulationRequest(10_000, 2026));
        Assert.Equal(JsonSerializer.Serialize(first.Result), JsonSerializer.Serialize(second.Result));
        var result = first.Result;
        Assert.NotEmpty(result.Uncertain);
        Assert.Contains(result.Years, y => !y.Column.IsActual && y.P90 > y.P10);
        Assert.All(result.Years.Where(y => y.Column.IsActual), y => Assert.Equal(0m, y.StdDev));
        Assert.All(result.Years, y => Assert.True(y.P10 <= y.P50 && y.P50 <= y.P90, y.Column.Label));
        Assert.Equal(1.0, result.Ranking.Sum(r => r.VarianceShare), 6);
        Assert.Equal(economics.Room, result.DeterministicRoom);
        Assert.InRange(result.PBelowZero, 0, result.PBelowReserved);
        TestContext.Current.SendDiagnosticMessage($"10.000 scenarios on the demo: {elapsed.TotalMilliseconds:0} ms; uncertain "
            + $"{string.Join(", ", result.Uncertain)}; certain {string.Join(", ", result.Certain)}");
    }

    [Fact]
    public async Task The_CLI_prints_the_percentiles_and_writes_the_same_numbers_as_JSON_and_refuses_in_one_line()
    {
        var file = Path.Combine(Path.GetTempPath(), $"bundlinje-simulate-{Guid.NewGuid():N}.json");
        try
        {
            var (exit, output, error) = await Factory.CliAsync("fund", "simulate", "--fund", "aarhus", "--scenarios", "3000", "--seed", "5",
                "--out", file);
            Assert.True(exit == 0, error);
            var (expected, _) = await RunAsync(new SimulationRequest(3000, 5));
            Assert.Equal(SimulationExport.Text(expected), output.Split("\nWrote ")[0].TrimEnd());
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file, Ct));
            var years = json.RootElement.GetProperty("years").EnumerateArray().ToList();
            Assert.Equal(expected.Result.Years.Select(y => y.P50), years.Select(y => y.GetProperty("p50").GetDecimal()));
            Assert.Equal(expected.Result.PBelowZero, json.RootElement.GetProperty("probabilityBelowZero").GetDouble());
            Assert.Equal(expected.Result.Room, json.RootElement.GetProperty("room").GetDecimal());
        }
        finally { File.Delete(file); }
        var (refusedExit, refusedOut, refusal) = await Factory.CliAsync("fund", "simulate", "--fund", "aarhus", "--scenarios", "0");
        Assert.Equal(1, refusedExit);
        Assert.Equal("", refusedOut);
        Assert.StartsWith("bundlinje: scenarios: ", refusal);
        Assert.Single(refusal.TrimEnd('\n').Split('\n'));
    }
}
