using Bundlinje.Fund;

namespace Bundlinje.Forecasts.Simulation;

/// <summary>How the investment's payments respond to the number of achievers: <see cref="Ratios"/>[k] is what the
/// payment model pays when every metric's achievers are <see cref="Multipliers"/>[k] times the business case's, divided by
/// what it pays at the case's own rates (multiplier 1, ratio exactly 1). Linear in between; beyond the last point flat
/// (the caps have bitten or the rates reached 100 %). Built by <see cref="ResponseCurves"/> through the engine's own
/// preview (<see cref="Payments.ModelPreview.Expected"/>).</summary>
public sealed record ResponseCurve(double[] Multipliers, double[] Ratios)
{
    /// <summary>Payments proportional to the achievers (a model without caps or tiers).</summary>
    public static ResponseCurve Proportional { get; } = new([0, 4], [0, 4]);

    public double At(double x)
    {
        var m = Multipliers;
        if (x <= m[0]) return Ratios[0];
        if (x >= m[^1]) return Ratios[^1];
        var k = 1;
        while (m[k] < x) k++;
        var t = (x - m[k - 1]) / (m[k] - m[k - 1]);
        return Ratios[k - 1] + t * (Ratios[k] - Ratios[k - 1]);
    }
}

/// <summary>Recruitment as the simulation draws it: the enrolment rate λ from <see cref="Rate"/>, then the remaining enrolment
/// as Poisson(λ × <see cref="RemainingExposure"/>); the recruitment factor is (enrolled + remaining) / planned, at most 1:
/// 1 when the plan (which the ledger's budget follows) is met, and never more (enrolment stops when the plan is full).</summary>
public sealed record RecruitmentUncertainty(GammaBelief Rate, double Enrolled, double RemainingExposure, double Planned);

/// <summary>A metric's success rate as the simulation draws it (from <see cref="Belief"/>), against the rate the ledger's
/// expected payments assume (<see cref="AnchorRate"/>, the business case's); <see cref="Weight"/> is the metric's share of
/// the investment's expected payments (the shares of the metrics drawn and not drawn sum to 1).</summary>
public sealed record SuccessUncertainty(string Metric, BetaBelief Belief, double AnchorRate, double Weight);

/// <summary>
/// One investment in the simulation: <see cref="Anchor"/> is, per column of the economics table, the expected result
/// payments the deterministic table counts (budget postings × the effect %), in kr. (positive; 0 in accounts columns). A
/// scenario scales them all by one factor: Σ weight × response(recruitment factor × drawn rate / anchor rate) over the drawn
/// metrics, plus the rest of the weight × response(recruitment factor). Without any uncertainty the factor is exactly 1.
/// </summary>
public sealed record ScenarioInvestment(string Key, string Name, IReadOnlyList<decimal> Anchor, ResponseCurve Response,
    RecruitmentUncertainty? Recruitment = null, IReadOnlyList<SuccessUncertainty>? Success = null)
{
    /// <summary>What priced the response: "model", "case", or null (certain).</summary>
    public string? Source { get; init; }

    public bool Uncertain => Recruitment is not null || Success is { Count: > 0 };
}

/// <summary>The deterministic table's columns and balance (<see cref="EconomicsTable"/>), the horizon that
/// <see cref="RoomForNewInvestments"/> uses, the amount reserved for new investments, the investments, and today's room
/// from the same table.</summary>
public sealed record SimulationInputs(IReadOnlyList<EconomicsColumn> Columns, IReadOnlyList<decimal> Balance, int HorizonEndYear,
    decimal Reserved, IReadOnlyList<ScenarioInvestment> Investments, Room? Today = null)
{
    /// <summary>From a computed table: its columns and balance; <paramref name="reserved"/> null: today's room.</summary>
    public static SimulationInputs From(EconomicsTable table, int horizonEndYear, IReadOnlyList<ScenarioInvestment> investments,
        decimal? reserved = null)
    {
        var today = RoomForNewInvestments.TryCompute(table, horizonEndYear);
        return new(table.Columns, table.Balance, horizonEndYear, reserved ?? today?.Amount ?? 0m, investments, today);
    }
}

/// <param name="Confidence">The probability (0.5–0.99) with which the balance must hold for <see cref="SimulationResult.Room"/>.</param>
public sealed record SimulationOptions(double Confidence = 0.9)
{
    public const int MaxScenarios = 200_000;
}
