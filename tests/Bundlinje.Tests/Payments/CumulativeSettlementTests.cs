using Bundlinje.Payments;

namespace Bundlinje.Tests.Payments;

/// <summary>Runs settle cumulatively: each run computes the entitlement to date and pays only the difference to what approved
/// runs settled per metric line. Amounts are hand-computed; the first test is the worked example in docs/payment-models.md.</summary>
public sealed class CumulativeSettlementTests
{
    private static readonly PayerShare[] Sfb = [new("SFB", 1m)];
    private static readonly DateOnly Jan2024 = new(2024, 1, 1);

    private static Person P(string id, DateOnly? enrolled = null, ParticipantGroup group = ParticipantGroup.Treatment) =>
        new(id, "1", group, enrolled ?? Jan2024);

    private static Observation O(string person, string measure, DateOnly on, decimal value) => new(person, measure, on, on, value);

    /// <summary>One run: evaluate every metric as of the date and settle against what the approved runs settled.</summary>
    private static Settlement Run(PaymentModel model, IEnumerable<Person> people, DateOnly asOf, PaidBefore paidBefore,
        params Observation[] data)
    {
        var results = model.Metrics.SelectMany(m => MetricEvaluator.Evaluate(m, people.ToList(), new InMemoryObservations(data), asOf))
            .ToList();
        return Settler.Settle(model, results, [new Investor("Fonden", 1m)], paidBefore.Total, paidBefore: paidBefore);
    }

    /// <summary>What the runner builds from approved runs: the settled (payable-now) amount of each metric line, summed.</summary>
    private static PaidBefore Approved(params Settlement[] runs) =>
        PaidBefore.Sum(runs.SelectMany(s => s.Metrics.Select((r, i) => (r.Metric.Key, r.Cohort, s.AfterCaps[i]))));

    private static (decimal Entitled, decimal PaidBefore, decimal PayableNow, decimal Overpaid) Line(Settlement s, int i = 0) =>
        (s.EntitledToDate[i], s.PaidBefore[i], s.AfterCaps[i], s.Overpaid[i]);

    [Fact]
    public void Laer_for_livet_over_three_runs_pays_each_milestone_once_and_shows_a_corrected_overpayment()
    {
        var exam = new Metric("fsa", "Bestået 9.-klasseprøve", MetricKind.Milestone, "fsa-passed", 50_000m, PriceBasis.PerParticipant, Sfb,
            ToMonth: 12, Threshold: 1);
        var model = new PaymentModel("laer-for-livet", 1, [exam]);
        var people = new[] { P("a"), P("b"), P("c"), P("d", new DateOnly(2024, 6, 1)) };
        Observation[] year1 = [O("a", "fsa-passed", new(2024, 6, 20), 1), O("b", "fsa-passed", new(2024, 6, 20), 1)];

        // Run 1, 31-12-2024: a and b passed; d's window has not ended. 2 × 50.000.
        var run1 = Run(model, people, new(2024, 12, 31), PaidBefore.None, year1);
        Assert.Equal((100_000m, 0m, 100_000m, 0m), Line(run1));
        Assert.Equal(100_000m, run1.Payable);

        // Run 2, 31-12-2025, after run 1 is approved: d passed in 2025. Entitled 150.000, paid before 100.000: 50.000 now.
        Observation[] year2 = [.. year1, O("d", "fsa-passed", new(2025, 5, 15), 1)];
        var run2 = Run(model, people, new(2025, 12, 31), Approved(run1), year2);
        Assert.Equal((150_000m, 100_000m, 50_000m, 0m), Line(run2));
        Assert.Equal([new PayerPayment("SFB", 50_000m)], run2.ByPayer);

        // Run 3, 31-01-2026, after runs 1 and 2 are approved: the register corrects b's exam to not passed.
        // Entitled 100.000, paid 150.000: nothing payable, 50.000 overpaid shown for the steering group — no negative bill.
        Observation[] corrected = [year2[0], O("b", "fsa-passed", new(2024, 6, 20), 0), year2[2]];
        var run3 = Run(model, people, new(2026, 1, 31), Approved(run1, run2), corrected);
        Assert.Equal((100_000m, 150_000m, 0m, 50_000m), Line(run3));
        Assert.Equal(0m, run3.Payable);
        Assert.All(run3.ByPayer, p => Assert.Equal(0m, p.Amount));
        Assert.Contains(run3.Notes, n => n.Contains("50.000 kr. mere end berettiget") && n.Contains("styregruppen"));
    }

    [Fact]
    public void A_milestone_reached_in_the_first_run_is_not_paid_again_in_a_later_run()
    {
        var job = new Metric("job", "I beskæftigelse", MetricKind.Milestone, "employed", 20_000m, PriceBasis.PerParticipant, Sfb,
            ToMonth: 12, Threshold: 1);
        var model = new PaymentModel("x", 1, [job]);
        Observation[] data = [O("a", "employed", new(2024, 3, 1), 1)];
        var run1 = Run(model, [P("a")], new(2024, 12, 31), PaidBefore.None, data);
        var run2 = Run(model, [P("a")], new(2026, 12, 31), Approved(run1), data);
        Assert.Equal((20_000m, 0m, 20_000m, 0m), Line(run1));
        Assert.Equal((20_000m, 20_000m, 0m, 0m), Line(run2));
        Assert.Equal(0m, run2.Payable);
        // Without the approval, the second run is a snapshot of the same entitlement: 20.000 again, not yet settled.
        Assert.Equal(20_000m, Run(model, [P("a")], new(2026, 12, 31), PaidBefore.None, data).Payable);
    }

    [Fact]
    public void Each_repeated_window_is_paid_once_across_runs()
    {
        var housed = new Metric("bolig", "Højst 5 dage på forsorgshjem pr. halvår", MetricKind.ConditionInWindow, "shelter-days", 5_000m,
            PriceBasis.PerParticipant, Sfb,
            ToMonth: 6, Comparison: Comparison.AtMost, Threshold: 5, Repeats: 8, RepeatEveryMonths: 6);
        var model = new PaymentModel("housing-first", 1, [housed]);
        var a = new[] { P("a", new DateOnly(2023, 1, 1)) };
        Observation[] data = [O("a", "shelter-days", new(2024, 3, 1), 9)]; // third half-year (2024-01..06): 9 days, not met

        // 31-12-2023: two half-years ended, both met: 10.000.
        var run1 = Run(model, a, new(2023, 12, 31), PaidBefore.None, data);
        Assert.Equal((10_000m, 0m, 10_000m, 0m), Line(run1));
        // 31-12-2024: four ended, three met: entitled 15.000, paid 10.000; only the fourth window is paid now.
        var run2 = Run(model, a, new(2024, 12, 31), Approved(run1), data);
        Assert.Equal((15_000m, 10_000m, 5_000m, 0m), Line(run2));
        // Again at the same date after both are approved: nothing more.
        var run3 = Run(model, a, new(2024, 12, 31), Approved(run1, run2), data);
        Assert.Equal((15_000m, 15_000m, 0m, 0m), Line(run3));
    }

    [Fact]
    public void The_per_participant_cap_holds_across_runs()
    {
        var first = new Metric("bolig", "Bolig", MetricKind.Milestone, "su-education", 20_000m, PriceBasis.PerParticipant, Sfb, ToMonth: 6,
            Threshold: 1);
        var second = new Metric("job", "Job", MetricKind.Milestone, "employed", 20_000m, PriceBasis.PerParticipant, Sfb, FromMonth: 6,
            ToMonth: 12, Threshold: 1);
        var model = new PaymentModel("housing-first", 1, [first, second], CapPerParticipant: 30_000m);
        Observation[] data = [O("a", "su-education", new(2024, 2, 1), 1), O("a", "employed", new(2024, 9, 1), 1)];

        // 30-06-2024: only the first window has ended: 20.000.
        var run1 = Run(model, [P("a")], new(2024, 6, 30), PaidBefore.None, data);
        Assert.Equal([20_000m, 0m], run1.AfterCaps);
        // 31-12-2024: 20.000 + 20.000 to date, capped at 30.000 for the person: the job line is entitled 10.000 and only it is paid.
        var run2 = Run(model, [P("a")], new(2024, 12, 31), Approved(run1), data);
        Assert.Equal((20_000m, 20_000m, 0m, 0m), Line(run2, 0));
        Assert.Equal((10_000m, 0m, 10_000m, 0m), Line(run2, 1));
        Assert.Equal(10_000m, run2.Payable); // 30.000 in all, not 20.000 + 30.000
    }

    [Fact]
    public void An_overpayment_is_a_separate_line_and_does_not_reduce_another_metrics_new_payment()
    {
        var ceased = new Metric("ophoert", "Volden er ophørt", MetricKind.Milestone, "violence-ceased", 30_000m, PriceBasis.PerParticipant,
            Sfb, ToMonth: 12, Threshold: 1);
        var noEr = new Metric("skadestue", "Intet skadestuebesøg", MetricKind.ConditionInWindow, "er-visits-dv", 8_000m,
            PriceBasis.PerParticipant,
            [new("Sundhed", 1m)], FromMonth: 12, ToMonth: 24, Comparison: Comparison.AtMost, Threshold: 0);
        var model = new PaymentModel("dialog-mod-vold", 1, [ceased, noEr]);
        var families = new[] { P("f0"), P("f1") };
        var run1 = Run(model, families, new(2024, 12, 31), PaidBefore.None, O("f0", "violence-ceased", new(2024, 4, 1), 1),
            O("f1", "violence-ceased", new(2024, 5, 1), 1));
        Assert.Equal(60_000m, run1.Payable);

        // f1's record is corrected away; in 2025 neither family visits the ER: 2 × 8.000 new, 30.000 overpaid on the other metric.
        var run2 = Run(model, families, new(2025, 12, 31), Approved(run1), O("f0", "violence-ceased", new(2024, 4, 1), 1));
        Assert.Equal((30_000m, 60_000m, 0m, 30_000m), Line(run2, 0));
        Assert.Equal((16_000m, 0m, 16_000m, 0m), Line(run2, 1));
        Assert.Equal(16_000m, run2.Payable);
        Assert.Equal([new PayerPayment("SFB", 0m), new PayerPayment("Sundhed", 16_000m)], run2.ByPayer);
    }

    [Fact]
    public void A_comparison_group_saving_for_a_window_is_paid_once()
    {
        var transfer = new Metric("overforsel", "Overførselsindkomst", MetricKind.TreatmentVsControl, "transfer-income", 0m,
            PriceBasis.ShareOfSaving, Sfb, Share: 0.5m);
        var model = new PaymentModel("ungifokus", 1, [transfer]);
        var people = new[] { P("t"), P("c", group: ParticipantGroup.Control) };
        Observation[] data = [O("t", "transfer-income", new(2024, 3, 1), 90_000m), O("c", "transfer-income", new(2024, 3, 1), 110_000m)];
        var run1 = Run(model, people, new(2024, 12, 31), PaidBefore.None, data);
        Assert.Equal(10_000m, run1.Payable); // (110.000 − 90.000) × 1 × 50 %
        var run2 = Run(model, people, new(2025, 12, 31), Approved(run1), data);
        Assert.Equal((10_000m, 10_000m, 0m, 0m), Line(run2));
    }

    [Fact]
    public void The_contract_cap_counts_what_approved_runs_settled()
    {
        var job = new Metric("job", "I beskæftigelse", MetricKind.Milestone, "employed", 20_000m, PriceBasis.PerParticipant, Sfb,
            ToMonth: 12, Threshold: 1);
        var model = new PaymentModel("x", 1, [job], CapContract: 50_000m);
        var people = new[] { P("a"), P("b"), P("c"), P("d", new DateOnly(2025, 1, 1)), P("e", new DateOnly(2025, 1, 1)) };
        Observation[] data = [.. people.Select(p => O(p.Pseudonym, "employed", p.EnrolledOn.AddMonths(2), 1))];
        var run1 = Run(model, people, new(2024, 12, 31), PaidBefore.None, data);
        Assert.Equal(50_000m, run1.Payable); // 60.000 capped at the contract's 50.000
        var run2 = Run(model, people, new(2025, 12, 31), Approved(run1), data);
        Assert.Equal((100_000m, 50_000m, 0m, 0m), Line(run2)); // entitled more, but the contract is used up
    }

    [Fact]
    public void What_the_period_cap_holds_back_is_paid_by_a_later_run()
    {
        var job = new Metric("job", "I beskæftigelse", MetricKind.Milestone, "employed", 20_000m, PriceBasis.PerParticipant, Sfb,
            ToMonth: 12, Threshold: 1);
        var model = new PaymentModel("x", 1, [job], CapPerPeriod: 25_000m);
        var people = new[] { P("a"), P("b"), P("c") };
        Observation[] data = [.. people.Select(p => O(p.Pseudonym, "employed", new(2024, 3, 1), 1))];
        var run1 = Run(model, people, new(2024, 12, 31), PaidBefore.None, data);
        Assert.Equal((60_000m, 0m, 25_000m, 0m), Line(run1));
        var run2 = Run(model, people, new(2025, 12, 31), Approved(run1), data);
        Assert.Equal((60_000m, 25_000m, 25_000m, 0m), Line(run2));
        var run3 = Run(model, people, new(2026, 12, 31), Approved(run1, run2), data);
        Assert.Equal((60_000m, 50_000m, 10_000m, 0m), Line(run3));
        Assert.Equal(0m, Run(model, people, new(2027, 12, 31), Approved(run1, run2, run3), data).Payable);
    }
}
