using Bundlinje.Payments;

namespace Bundlinje.Tests.Payments;

/// <summary>Per cohort and pooled, netted (issue #11, defect 3): each cohort is paid early on its own result, the pooled
/// line only what the pool earns beyond what the cohorts received. The first test is the worked example in
/// docs/payment-models.md.</summary>
public sealed class PooledNettingTests
{
    private static readonly PayerShare[] Sfb = [new("SFB", 1m)];

    private static readonly Metric Dropout = new("frafald", "Frafald første år", MetricKind.RateVsBaseline, "dropout", 30_000m,
        PriceBasis.PerAvoidedEvent, Sfb,
        Threshold: 1, BaselineRate: 0.20m, MinimumEffect: 0.05m, Scope: Scope.PerCohortAndPooled, CohortMinimumEffect: 0.10m);

    /// <summary>50 pupils per cohort enrolled 1 January of the cohort's year; the first <paramref name="dropouts"/> drop out in
    /// April.</summary>
    private static IEnumerable<(Person Person, Observation? Dropout)> Cohort(int year, int dropouts) =>
        Enumerable.Range(1, 50).Select(i => (new Person($"{year}-{i:00}", year.ToString(), ParticipantGroup.Treatment, new(year, 1, 1)),
            i <= dropouts ? new Observation($"{year}-{i:00}", "dropout", new(year, 4, 1), new(year, 4, 30), 1) : null));

    private static Settlement Run(DateOnly asOf, PaidBefore paidBefore, params (int Year, int Dropouts)[] cohorts)
    {
        var rows = cohorts.SelectMany(c => Cohort(c.Year, c.Dropouts)).ToList();
        var model = new PaymentModel("flere-kloge-haender", 1, [Dropout]);
        var results = MetricEvaluator.Evaluate(Dropout, rows.Select(r => r.Person).ToList(),
            new InMemoryObservations(rows.Select(r => r.Dropout).OfType<Observation>()), asOf).ToList();
        return Settler.Settle(model, results, [new Investor("Fonden", 1m)], paidBefore.Total, paidBefore: paidBefore);
    }

    private static PaidBefore Approved(params Settlement[] runs) =>
        PaidBefore.Sum(runs.SelectMany(s => s.Metrics.Select((r, i) => (r.Metric.Key, r.Cohort, s.AfterCaps[i]))));

    private static (string Cohort, decimal Entitled, decimal PaidBefore, decimal PayableNow, decimal Overpaid)[] Lines(Settlement s) =>
        [.. s.Metrics.Select((r, i) => (r.Cohort, s.EntitledToDate[i], s.PaidBefore[i], s.AfterCaps[i], s.Overpaid[i]))];

    [Fact]
    public void A_cohort_paid_early_on_its_own_result_is_deducted_from_the_pooled_payment()
    {
        // Run 1, 30-06-2023: cohort 2022 has ended its year: 4 of 50 dropped out (8 %), 12 points under the 20 % baseline ≥ the
        // cohort threshold of 10 points: 20 % × 50 − 4 = 6 avoided × 30.000 = 180.000, paid early. Cohort 2023's year has not
        // ended. The pool (so far cohort 2022 alone) is entitled to the same 180.000, all of it received by the cohort: 0.
        var run1 = Run(new(2023, 6, 30), PaidBefore.None, (2022, 4), (2023, 8));
        Assert.Equal([("2022", 180_000m, 0m, 180_000m, 0m), ("2023", 0m, 0m, 0m, 0m), ("Alle", 0m, 0m, 0m, 0m)], Lines(run1));
        Assert.Equal(180_000m, run1.Payable);

        // Run 2, 30-06-2024, after run 1 is approved: cohort 2023 had 8 of 50 (16 %), 4 points: below its own 10 points, nothing.
        // Pooled: 12 of 100 (12 %), 8 points ≥ 5: 20 − 12 = 8 avoided × 30.000 = 240.000, less the 180.000 cohort 2022 received: 60.000.
        var run2 = Run(new(2024, 6, 30), Approved(run1), (2022, 4), (2023, 8));
        Assert.Equal([("2022", 180_000m, 180_000m, 0m, 0m), ("2023", 0m, 0m, 0m, 0m), ("Alle", 60_000m, 0m, 60_000m, 0m)], Lines(run2));
        Assert.Equal(60_000m, run2.Payable); // 240.000 in all for the metric, not 180.000 + 240.000
        Assert.Contains(run2.Notes, n => n.Contains("240.000 kr. nedsat med 180.000 kr."));
    }

    [Fact]
    public void The_pooled_line_is_never_negative_when_the_cohorts_received_more_than_the_pool_earns()
    {
        // Cohort 2022: 6 avoided, 180.000. Cohort 2023: 14 of 50 (28 %) — worse than the baseline. Pooled 18 of 100 (18 %):
        // 2 points < 5: the pool earns nothing; the pooled line is 0, not −180.000, and cohort 2022 keeps its own result.
        var run = Run(new(2024, 6, 30), PaidBefore.None, (2022, 4), (2023, 14));
        Assert.Equal([("2022", 180_000m, 0m, 180_000m, 0m), ("2023", 0m, 0m, 0m, 0m), ("Alle", 0m, 0m, 0m, 0m)], Lines(run));
    }

    [Fact]
    public void What_the_pooled_line_was_paid_beyond_what_it_is_entitled_to_after_the_cohorts_is_overpaid()
    {
        // Run 1 pays the pool 60.000 (as above). A correction then shows cohort 2023 at 4 of 50 (8 %): it earns 180.000 on its
        // own; the pool, 8 of 100 (8 %, 12 points), 12 avoided = 360.000, less 180.000 + 180.000 received = 0. The 60.000
        // paid on the pooled line is shown as overpaid; the cohort line pays 180.000.
        var run1 = Run(new(2024, 6, 30), PaidBefore.None, (2022, 4), (2023, 8));
        var run2 = Run(new(2024, 9, 30), Approved(run1), (2022, 4), (2023, 4));
        Assert.Equal([("2022", 180_000m, 180_000m, 0m, 0m), ("2023", 180_000m, 0m, 180_000m, 0m), ("Alle", 0m, 60_000m, 0m, 60_000m)],
            Lines(run2));
    }
}
