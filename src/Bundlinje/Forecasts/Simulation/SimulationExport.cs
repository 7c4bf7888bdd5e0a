using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Bundlinje.Forecasts.Simulation;

/// <summary>The simulation as text (the CLI's table) and as JSON (kr., with what it was computed from).</summary>
public static class SimulationExport
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    public static string Text(FundSimulationReport report)
    {
        var r = report.Result;
        var text = new StringBuilder();
        var e = report.Economics;
        text.AppendLine(Invariant(
            $"{e.FundName}: {r.Scenarios.ToString("N0", Danish)} scenarios, seed {r.Seed}, {e.EffectPercent} % effect (kr.)"));
        text.AppendLine($"{"Column",-24} {"Deterministic",15} {"P10",15} {"P50",15} {"P90",15}");
        foreach (var y in r.Years)
            text.AppendLine($"{y.Column.Label,-24} {Kr(y.Deterministic),15} {Kr(y.P10),15} {Kr(y.P50),15} {Kr(y.P90),15}");
        text.AppendLine(Invariant($"P(balance < 0 in any budget year within the horizon): {r.PBelowZero:P1}"));
        text.AppendLine(Invariant($"P(balance < reserved {Kr(r.Reserved)} kr. in any such year): {r.PBelowReserved:P1}"));
        var today = r.DeterministicRoom is { } room ? $"{Kr(room.Amount)} kr. ({room.BindingColumn.Label})" : "none";
        text.AppendLine(Invariant($"Room at {r.Confidence:P0} confidence: {Kr(r.Room)} kr.; today's room: {today}"));
        if (r.WorstColumn is { } worst)
        {
            text.AppendLine($"Downside at {worst.Label} (share of the balance's variance; mean deviation from the table, kr.):");
            foreach (var d in r.Ranking)
                text.AppendLine(Invariant($"  {d.Name,-40} {d.VarianceShare,7:P1} {Kr(d.MeanDeviation),15}"));
        }
        if (r.Certain.Count > 0) text.AppendLine("Without uncertainty (counted as budgeted): " + string.Join(", ", r.Certain));
        return text.ToString().TrimEnd('\n');
    }

    public static string Json(FundSimulationReport report)
    {
        var r = report.Result;
        return JsonSerializer.Serialize(new
        {
            fund = report.Economics.FundKey, unit = "kr.", currency = report.Economics.Currency,
            effectPercent = report.Economics.EffectPercent,
            scenarios = r.Scenarios, seed = r.Seed, confidence = r.Confidence, horizonEndYear = report.Inputs.HorizonEndYear,
            years = r.Years.Select(y => new
            {
                column = y.Column.Label, firstYear = y.Column.FirstYear, lastYear = y.Column.LastYear, actual = y.Column.IsActual,
                deterministic = y.Deterministic, p10 = y.P10, p50 = y.P50, p90 = y.P90, mean = y.Mean, standardDeviation = y.StdDev,
            }),
            probabilityBelowZero = r.PBelowZero, reserved = r.Reserved, probabilityBelowReserved = r.PBelowReserved,
            room = r.Room, todaysRoom = r.DeterministicRoom?.Amount, worstColumn = r.WorstColumn?.Label,
            ranking = r.Ranking.Select(d => new
            {
                investment = d.Key, name = d.Name, varianceShare = d.VarianceShare, meanDeviation = d.MeanDeviation,
                standardDeviation = d.StdDev,
            }),
            investments = report.Inputs.Investments.Select(i => new
            {
                investment = i.Key, name = i.Name, pricedBy = i.Source, anchor = i.Anchor,
                recruitment = i.Recruitment is { } rec ? new
                {
                    shape = rec.Rate.Shape, rate = rec.Rate.Rate, enrolled = rec.Enrolled, remainingDays = rec.RemainingExposure,
                    planned = rec.Planned,
                } : null,
                success = (i.Success ?? []).Select(s => new
                {
                    metric = s.Metric, alpha = s.Belief.Alpha, beta = s.Belief.Beta, anchorRate = s.AnchorRate, weight = s.Weight,
                }),
            }),
        }, new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping
        });
    }

    private static string Kr(decimal amount) => amount.ToString("N0", Danish);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
