using Bundlinje.Common;
using Bundlinje.Fund;
using Bundlinje.Investments;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Forecasts.Simulation;

/// <summary>How strongly the plan and the business cases are believed: recruitment as much as
/// <see cref="RecruitmentDays"/> days of observed enrolment, a success rate as much as <see cref="SuccessPersons"/> observed
/// persons (a request without them takes the forecast settings, <see cref="ForecastSettings"/>). <see cref="None"/>: no
/// uncertainty at all (the simulation is then the deterministic table).</summary>
public sealed record BeliefStrengths(double RecruitmentDays = 90, double SuccessPersons = 20)
{
    public static BeliefStrengths None { get; } = new(double.PositiveInfinity, double.PositiveInfinity);
    public bool IsNone => double.IsPositiveInfinity(RecruitmentDays) && double.IsPositiveInfinity(SuccessPersons);
}

/// <param name="Reserved">The amount reserved for new investments; null: today's deterministic room.</param>
public sealed record SimulationRequest(int Scenarios = 10_000, long Seed = 1, double Confidence = 0.9, decimal? Reserved = null,
    BeliefStrengths? Beliefs = null, int? EffectPercent = null, int? LaterFrom = null, DateOnly? CountedInUntil = null);

public sealed record FundSimulationReport(EconomicsReport Economics, SimulationInputs Inputs, SimulationResult Result);

/// <summary>
/// Builds the simulation's inputs from a fund's books and runs <see cref="FundSimulation"/>: the deterministic table from
/// <see cref="FundEconomics"/> (the anchors are each investment's expected result payments in it, budget columns only), the
/// investment's newest payment model priced at its current business cases (<see cref="ResponseCurves"/>), and per
/// investment the beliefs: a success rate Beta around the case's rate, and the enrolment rate Gamma around the plan's rate
/// updated with the latest enrolment count.
/// </summary>
public sealed class FundSimulations(IBundlinjeStore store, FundEconomics economics, BusinessCases.BusinessCases cases,
    Forecasts forecasts, TimeProvider clock)
{
    public async Task<FundSimulationReport> RunAsync(string fundKey, SimulationRequest request, CancellationToken ct = default)
    {
        var fund = await store.Funds.AsNoTracking().FirstOrDefaultAsync(f => f.Key == fundKey, ct)
            ?? throw new Refused("fund.unknown", fundKey);
        return await RunAsync(fund, request, ct);
    }

    public async Task<FundSimulationReport> RunAsync(Fund.Fund fund, SimulationRequest request, CancellationToken ct = default)
    {
        Check(request);
        var query = new EconomicsQuery(request.EffectPercent, request.LaterFrom, request.CountedInUntil);
        var report = await economics.BuildAsync(fund, query, ct: ct);
        if (report.Table is null) throw new Refused("economics.noPostings");
        var beliefs = request.Beliefs ?? new(forecasts.Settings.RecruitmentPriorDays, forecasts.Settings.OutcomePriorStrength);
        var inputs = await InputsAsync(fund, report, beliefs, request.Reserved, ct);
        var result = FundSimulation.Run(inputs, request.Scenarios, request.Seed, new SimulationOptions(request.Confidence));
        return new(report, inputs, result);
    }

    /// <summary>Refuses a request before anything is read: scenarios 1–200.000, confidence 50–99 %, strengths &gt; 0.</summary>
    public static void Check(SimulationRequest request)
    {
        if (request.Scenarios is < 1 or > SimulationOptions.MaxScenarios)
            throw Refused.At("scenarios", "simulation.scenarios", SimulationOptions.MaxScenarios);
        if (!(request.Confidence is >= 0.5 and <= 0.99)) throw Refused.At("confidence", "simulation.confidence");
        if (request.Beliefs is { } b && (!(b.RecruitmentDays > 0) || !(b.SuccessPersons > 0)))
            throw Refused.At("strength", "simulation.strength");
    }

    public async Task<SimulationInputs> InputsAsync(Fund.Fund fund, EconomicsReport report, BeliefStrengths beliefs, decimal? reserved,
        CancellationToken ct = default)
    {
        var table = report.Table!;
        var investments = await store.Investments.AsNoTracking().Include(i => i.Enrolment).Where(i => i.FundId == fund.Id)
            .OrderBy(i => i.Key).ToListAsync(ct);
        var ids = investments.Select(i => i.Id).ToList();
        var models = (await store.PaymentModels.AsNoTracking().Where(m => ids.Contains(m.InvestmentId)).ToListAsync(ct))
            .GroupBy(m => m.InvestmentId).ToDictionary(g => g.Key, g => g.MaxBy(m => m.Id)!);
        var stored = (await store.BusinessCases.AsNoTracking().Where(b => ids.Contains(b.InvestmentId)).ToListAsync(ct))
            .GroupBy(b => b.InvestmentId).ToDictionary(g => g.Key, g => g.GroupBy(b => (b.AgreementVersion, b.Part))
                .Select(v => v.MaxBy(b => b.Revision)!).ToList());
        var list = new List<ScenarioInvestment>();
        foreach (var investment in investments)
        {
            var anchor = Anchor(table, investment.Key);
            if (anchor.All(a => a == 0)) continue;
            var scenario = new ScenarioInvestment(investment.Key, investment.Name, anchor, ResponseCurve.Proportional);
            if (!beliefs.IsNone && stored.GetValueOrDefault(investment.Id) is { Count: > 0 } current
                && await ResponseAsync(fund, models.GetValueOrDefault(investment.Id)?.Model, current, ct) is var (response, _))
            {
                var success = new List<SuccessUncertainty>();
                // A payment model's metrics: the Forecasts service's beliefs (the case's rate updated with the latest
                // approved run); a case's outcomes: a Beta around the case's rate.
                var believed = response.Source == "model" && beliefs == Default
                    ? (await forecasts.OutcomesAsync(investment, ct)).Where(b => b.Success is not null)
                        .ToDictionary(b => b.MetricKey, b => b.Success!)
                    : [];
                foreach (var (key, rate) in response.AnchorRates)
                    success.Add(new SuccessUncertainty(key,
                        believed.GetValueOrDefault(key) ?? BetaBelief.Around(rate, beliefs.SuccessPersons), rate,
                        response.Weights.GetValueOrDefault(key)));
                scenario = scenario with
                {
                    Response = response.Curve,
                    Recruitment = await RecruitmentAsync(investment, beliefs, ct),
                    Success = success,
                    Source = response.Source,
                };
            }
            list.Add(scenario);
        }
        return SimulationInputs.From(table, report.HorizonEndYear, list, reserved);
    }

    /// <summary>The payment model priced at the cases of its agreement version (else the newest version's); without a model
    /// (or when it pays nothing at the cases' rates), the cases' own repayments. Null when neither pays anything.</summary>
    private async Task<(ModelResponse, List<BusinessCases.BusinessCase>)?> ResponseAsync(Fund.Fund fund, Payments.PaymentModel? model,
        List<BusinessCases.StoredBusinessCase> current, CancellationToken ct)
    {
        var version = model is not null && current.Any(c => c.AgreementVersion == model.AgreementVersion) ? model.AgreementVersion
            : current.Max(c => c.AgreementVersion);
        var used = current.Where(c => c.AgreementVersion == version).Select(c => c.Case).ToList();
        if (model is not null && ResponseCurves.Of(model, used) is { } priced) return (priced, used);
        var withPrices = new List<(BusinessCases.BusinessCase, BusinessCases.PriceBook)>();
        foreach (var c in used) withPrices.Add((c, await cases.PricesAsync(fund.Id, c, ct)));
        return ResponseCurves.OfCases(withPrices, fund.DiscountRates) is { } repaid ? (repaid, used) : null;
    }

    /// <summary>Per column the investment's expected result payments as the table counts them (budget columns; kr., positive).</summary>
    public static decimal[] Anchor(EconomicsTable table, string key)
    {
        var anchor = new decimal[table.Columns.Count];
        foreach (var row in table.Investments.Where(r => r.Kind == EconomicsRowKind.ResultPayment && r.Reference == key))
            for (var c = 0; c < anchor.Length; c++)
                if (!table.Columns[c].IsActual) anchor[c] -= row.Cells[c];
        return anchor;
    }

    /// <summary>The recruitment forecast (<see cref="Forecasts.RecruitmentAsync"/>: a Gamma on the daily rate around the
    /// investment's plan, updated with its latest count) as the simulation draws it; null without a plan or when nothing is
    /// left to enrol. Strengths other than the settings' re-centre the prior at the plan's rate with the asked strength.</summary>
    private async Task<RecruitmentUncertainty?> RecruitmentAsync(Investment investment, BeliefStrengths beliefs, CancellationToken ct)
    {
        var forecast = await forecasts.RecruitmentAsync(investment, clock.Today(), ct);
        if (forecast is not { Plan: { Total: > 0 } plan, Rate: { } rate } || forecast.RemainingDays <= 0) return null;
        if (beliefs != Default)
            rate = GammaBelief.Around(plan.RatePerDay, beliefs.RecruitmentDays).Observe(forecast.Enrolled, forecast.ObservedDays);
        return new RecruitmentUncertainty(rate, forecast.Enrolled, forecast.RemainingDays, plan.Total);
    }

    private BeliefStrengths Default => new(forecasts.Settings.RecruitmentPriorDays, forecasts.Settings.OutcomePriorStrength);
}
