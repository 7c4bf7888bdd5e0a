using System.Globalization;
using System.Text.Json.Nodes;
using Bundlinje.FollowUps;
using Bundlinje.Investments;
using Bundlinje.Payments;
using Bundlinje.Publication;
using static Bundlinje.Peers.Export.IndigoMapping;

namespace Bundlinje.Peers.Export;

/// <summary>The results rows of a project: per metric and cohort of the latest approved follow-up run, how many were
/// eligible (INDIGO: engaged) and how many achieved the outcome (with positive outcomes), suppressed. Only the latest run
/// is exported: its figures are to date, and two runs side by side would give away small differences.</summary>
internal static class IndigoResults
{
    /// <summary>Per metric a table of [achieved, not achieved] per cohort line with the eligible as the row total, and, where
    /// the run has a pooled line beside cohort lines, the pooled line as the column totals; suppressed by
    /// <see cref="Suppression.Suppress"/>. A total below 5 is hidden too, and the pooled line is shown only when no cohort
    /// total or column total had to be hidden and both its columns are 5 or more.</summary>
    public static IEnumerable<JsonObject> Rows(RunResult run, PublishedInvestment published, InvestmentStatus status)
    {
        if (!published.Shows(PublicationField.Results)) yield break;
        var type = status is InvestmentStatus.Ended or InvestmentStatus.TerminatedEarly ? "Final" : "Interim";
        foreach (var key in run.Metrics.Select(m => m.Key).Distinct(StringComparer.Ordinal))
        {
            var lines = run.Metrics.Where(m => m.Key == key).ToList();
            var cohorts = lines.Where(l => l.Cohort != MetricEvaluator.AllCohorts).ToList();
            var pooled = lines.FirstOrDefault(l => l.Cohort == MetricEvaluator.AllCohorts);
            var rows = cohorts.Count > 0 ? cohorts : [pooled!];
            var counts = new int[rows.Count, 2];
            for (var r = 0; r < rows.Count; r++) (counts[r, 0], counts[r, 1]) = (rows[r].Achieved, NotAchieved(rows[r]));
            var withPooled = cohorts.Count > 0 && pooled is not null;
            var table = Suppression.Suppress(counts, rowTotals: true, columnTotals: withPooled);
            for (var r = 0; r < rows.Count; r++)
                yield return Row(rows[r], run.AsOf, type, !table.Hidden[r, 0], !table.RowTotalHidden[r]);
            if (withPooled)
            {
                var clean = !table.RowTotalHidden.Any(h => h) && !table.ColumnTotalHidden.Any(h => h);
                var visible = clean && pooled!.Achieved >= Suppression.Threshold && NotAchieved(pooled) >= Suppression.Threshold;
                yield return Row(pooled!, run.AsOf, type, visible, visible);
            }
        }
    }

    private static int NotAchieved(RunMetric line) => Math.Max(0, line.Eligible - line.Achieved);

    private static JsonObject Row(RunMetric line, DateOnly asOf, string type, bool achievedShown, bool eligibleShown)
    {
        eligibleShown &= line.Eligible >= Suppression.Threshold;
        var row = new JsonObject
        {
            ["outcome_metric_id"] = Value(line.Key),
            ["result_level"] = Value("Outcome level"),
            ["result_type"] = Value(type),
            ["period"] = new JsonObject { ["end_date"] = Value(Date(asOf)) },
            ["outcomes_achieved"] = Value($"{Count(line.Achieved, achievedShown)} of {Count(line.Eligible, eligibleShown)} eligible "
                + "achieved the outcome"),
        };
        if (eligibleShown) row["number_engaged_in_impact_bond"] = Value(JsonValue.Create(line.Eligible));
        if (achievedShown) row["number_with_positive_social_outcomes"] = Value(JsonValue.Create(line.Achieved));
        if (line.Cohort != MetricEvaluator.AllCohorts) row["notes"] = $"Cohort {line.Cohort}.";
        return row;
    }

    /// <summary>The count, "&lt;5" when it is small, "suppressed" when it is hidden so that a small one cannot be worked out.</summary>
    private static string Count(int count, bool shown) =>
        shown ? count.ToString(CultureInfo.InvariantCulture) : count < Suppression.Threshold ? Suppression.Masked : "suppressed";

    private static JsonObject Value(JsonNode value) => new() { ["value"] = value, ["status"] = Public };

    private static JsonObject Value(string value) => Value(Text(value));
}
