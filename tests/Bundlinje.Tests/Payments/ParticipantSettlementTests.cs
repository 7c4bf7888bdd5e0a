using Bundlinje.Payments;

namespace Bundlinje.Tests.Payments;

/// <summary>Per-person metrics settle per participant × window (issue #11, "cumulative settlement"): a participant whose
/// outcome is corrected away is shown as overpaid and does not offset another participant's new outcome. Amounts are
/// hand-computed; the first test is the worked example in docs/payment-models.md.</summary>
public sealed class ParticipantSettlementTests
{
    private static readonly PayerShare[] Sfb = [new("SFB", 1m)];
    private static readonly DateOnly Jan2024 = new(2024, 1, 1);

    private static Person P(string id, DateOnly? enrolled = null) => new(id, "1", ParticipantGroup.Treatment, enrolled ?? Jan2024);

    private static Observation O(string person, string measure, DateOnly on, decimal value) => new(person, measure, on, on, value);

    private static Settlement Run(PaymentModel model, IEnumerable<Person> people, DateOnly asOf, PaidBefore paidBefore,
        params Observation[] data)
    {
        var results = model.Metrics.SelectMany(m => MetricEvaluator.Evaluate(m, people.ToList(), new InMemoryObservations(data), asOf))
            .ToList();
        return Settler.Settle(model, results, [new Investor("Fonden", 1m)], paidBefore.Total, paidBefore: paidBefore);
    }

    /// <summary>What the runner reads back from approved runs: each line's settled amount (the run JSON) and each
    /// participant × window's settled amount (the run's stored rows).</summary>
    private static PaidBefore Approved(params Settlement[] runs) => PaidBefore.Sum(
        runs.SelectMany(s => s.Metrics.Select((r, i) => (r.Metric.Key, r.Cohort, s.AfterCaps[i]))),
        runs.SelectMany(s => s.Metrics.SelectMany((r, i) => (s.Settled[i] ?? new Dictionary<(string, int), decimal>())
            .Select(kv => (r.Metric.Key, r.Cohort, kv.Key.Person, kv.Key.Window, kv.Value)))));

    private static (decimal Entitled, decimal PaidBefore, decimal PayableNow, decimal Overpaid) Line(Settlement s, int i = 0) =>
        (s.EntitledToDate[i], s.PaidBefore[i], s.AfterCaps[i], s.Overpaid[i]);

    private static readonly Metric Exam =
        new("fsa", "Bestået 9.-klasseprøve", MetricKind.Milestone, "fsa-passed", 50_000m, PriceBasis.PerParticipant, Sfb, ToMonth: 12,
            Threshold: 1);

    [Fact]
    public void A_participant_corrected_away_is_overpaid_and_does_not_offset_a_new_participants_outcome()
    {
        var model = new PaymentModel("laer-for-livet", 1, [Exam]);
        var people = new[] { P("a"), P("b"), P("c") };
        // Run 1, 31-12-2024: a and b passed: 2 × 50.000, settled 50.000 each.
        var run1 = Run(model, people, new(2024, 12, 31), PaidBefore.None, O("a", "fsa-passed", new(2024, 6, 20), 1),
            O("b", "fsa-passed", new(2024, 6, 20), 1));
        Assert.Equal((100_000m, 0m, 100_000m, 0m), Line(run1));
        Assert.Equal(new Dictionary<(string, int), decimal> { [("a", 0)] = 50_000m, [("b", 0)] = 50_000m }, run1.Settled[0]);

        // Run 2, after run 1 is approved: the register corrects a to not passed and c's late exam arrives. Entitled to date is
        // still 100.000 (b, c), as paid before, but c is owed 50.000 and a was paid 50.000 too much: shown, not netted.
        var run2 = Run(model, people, new(2025, 1, 31), Approved(run1), O("a", "fsa-passed", new(2024, 6, 20), 0),
            O("b", "fsa-passed", new(2024, 6, 20), 1), O("c", "fsa-passed", new(2024, 11, 1), 1));
        Assert.Equal((100_000m, 100_000m, 50_000m, 50_000m), Line(run2));
        Assert.Equal(new Dictionary<(string, int), decimal> { [("c", 0)] = 50_000m }, run2.Settled[0]);
        Assert.Equal(new Dictionary<(string, int), decimal> { [("a", 0)] = 50_000m }, run2.OverpaidBy[0]);
        Assert.Equal(50_000m, run2.Payable);
        Assert.Contains(run2.Notes, n => n.Contains("50.000 kr. mere end berettiget") && n.Contains("styregruppen"));

        // Run 3 on the same data after run 2 is approved: nothing new; a stays overpaid.
        var run3 = Run(model, people, new(2025, 2, 28), Approved(run1, run2), O("a", "fsa-passed", new(2024, 6, 20), 0),
            O("b", "fsa-passed", new(2024, 6, 20), 1), O("c", "fsa-passed", new(2024, 11, 1), 1));
        Assert.Equal((100_000m, 150_000m, 0m, 50_000m), Line(run3));
    }

    [Fact]
    public void Each_window_of_a_repeated_metric_is_settled_on_its_own()
    {
        // Housing First: at most 5 shelter days per half-year, 15.000 per window met, two windows.
        var housed = new Metric("bolig", "Højst 5 dage på forsorgshjem", MetricKind.ConditionInWindow, "shelter-days", 15_000m,
            PriceBasis.PerParticipant, Sfb,
            ToMonth: 6, Comparison: Comparison.AtMost, Threshold: 5, Repeats: 2);
        var model = new PaymentModel("housing-first", 1, [housed]);
        // Run 1, 30-06-2024: a's first half-year met (2 days).
        var run1 = Run(model, [P("a")], new(2024, 6, 30), PaidBefore.None, O("a", "shelter-days", new(2024, 3, 1), 2));
        Assert.Equal(15_000m, run1.Payable);
        // Run 2, 31-12-2024: a late delivery puts 20 days in the first half-year (not met) and the second half-year is met.
        // Per person the two would offset (15.000 entitled, 15.000 paid); per window the second is payable and the first overpaid.
        var run2 = Run(model, [P("a")], new(2024, 12, 31), Approved(run1), O("a", "shelter-days", new(2024, 3, 1), 20),
            O("a", "shelter-days", new(2024, 9, 1), 1));
        Assert.Equal((15_000m, 15_000m, 15_000m, 15_000m), Line(run2));
        Assert.Equal(new Dictionary<(string, int), decimal> { [("a", 1)] = 15_000m }, run2.Settled[0]);
        Assert.Equal(new Dictionary<(string, int), decimal> { [("a", 0)] = 15_000m }, run2.OverpaidBy[0]);
    }

    [Fact]
    public void The_per_participant_cap_is_cumulative_per_participant_across_runs()
    {
        var exam = Exam with { Price = 20_000m };
        var job = new Metric("job", "I beskæftigelse", MetricKind.Milestone, "employed", 20_000m, PriceBasis.PerParticipant, Sfb,
            FromMonth: 12, ToMonth: 24, Threshold: 1);
        var model = new PaymentModel("x", 1, [exam, job], CapPerParticipant: 30_000m);
        Observation[] year1 = [O("a", "fsa-passed", new(2024, 5, 1), 1), O("b", "fsa-passed", new(2024, 5, 1), 1)];
        var run1 = Run(model, [P("a"), P("b")], new(2024, 12, 31), PaidBefore.None, year1);
        Assert.Equal(40_000m, run1.Payable);
        // a gets a job in year 2: 20.000 more would exceed a's 30.000, so 10.000; b's exam is corrected away (20.000 overpaid).
        var run2 = Run(model, [P("a"), P("b")], new(2025, 12, 31), Approved(run1), year1[0], O("a", "employed", new(2025, 3, 1), 1));
        Assert.Equal((20_000m, 40_000m, 0m, 20_000m), Line(run2, 0));
        Assert.Equal((10_000m, 0m, 10_000m, 0m), Line(run2, 1));
        Assert.Equal(10_000m, run2.Payable);
    }

    [Fact]
    public void What_a_period_cap_holds_back_is_split_over_participants_to_the_ore_and_paid_by_a_later_run()
    {
        var model = new PaymentModel("x", 1, [Exam], CapPerPeriod: 100_000m);
        var people = new[] { P("a"), P("b"), P("c") };
        Observation[] data = [.. people.Select(p => O(p.Pseudonym, "fsa-passed", new(2024, 5, 1), 1))];
        var run1 = Run(model, people, new(2024, 12, 31), PaidBefore.None, data);
        Assert.Equal(100_000m, run1.Payable); // 150.000 owed, 100.000 now: 33.333,34 + 33.333,33 + 33.333,33
        Assert.Equal([33_333.34m, 33_333.33m, 33_333.33m], run1.Settled[0]!.OrderBy(kv => kv.Key.Person).Select(kv => kv.Value));
        var run2 = Run(model, people, new(2025, 1, 31), Approved(run1), data);
        Assert.Equal((150_000m, 100_000m, 50_000m, 0m), Line(run2));
        Assert.Equal([16_666.66m, 16_666.67m, 16_666.67m], run2.Settled[0]!.OrderBy(kv => kv.Key.Person).Select(kv => kv.Value));
    }

    [Fact]
    public void Approved_runs_without_per_participant_amounts_are_settled_per_line_as_before()
    {
        var model = new PaymentModel("x", 1, [Exam]);
        var people = new[] { P("a"), P("b") };
        var run1 = Run(model, people, new(2024, 12, 31), PaidBefore.None, O("a", "fsa-passed", new(2024, 6, 1), 1));
        var lineOnly = PaidBefore.Sum([("fsa", MetricEvaluator.AllCohorts, run1.AfterCaps[0])]);
        var run2 = Run(model, people, new(2025, 1, 31), lineOnly, O("b", "fsa-passed", new(2024, 6, 1), 1));
        Assert.Equal((50_000m, 50_000m, 0m, 0m), Line(run2));
        Assert.Null(run2.Settled[0]);
    }

    [Fact]
    public void Stored_participant_rows_that_do_not_add_up_to_the_settled_line_are_ignored_and_nothing_is_paid_twice()
    {
        // Run 1 paid a 50.000; then the register store was restored from a copy without run 1's rows. Reading no rows as
        // "nothing paid" would pay a again; the line is settled as a whole instead and the mismatch is named.
        var model = new PaymentModel("x", 1, [Exam]);
        var people = new[] { P("a"), P("b") };
        var run1 = Run(model, people, new(2024, 12, 31), PaidBefore.None, O("a", "fsa-passed", new(2024, 6, 1), 1));
        var rowsLost = PaidBefore.Sum([("fsa", MetricEvaluator.AllCohorts, run1.AfterCaps[0])], []);
        var run2 = Run(model, people, new(2025, 1, 31), rowsLost, O("a", "fsa-passed", new(2024, 6, 1), 1),
            O("b", "fsa-passed", new(2024, 6, 1), 1));
        Assert.Equal((100_000m, 50_000m, 50_000m, 0m), Line(run2));
        Assert.Contains(run2.Notes, n => n.Contains("stemmer ikke med det afregnede"));
    }
}
