using Bundlinje.Common;
using Bundlinje.Payments;
using Bundlinje.Tests.Infrastructure;

namespace Bundlinje.Tests.Payments;

public sealed class SettlementTests
{
    private static readonly PayerShare[] Sfb = [new("SFB", 1m)];

    [Fact]
    public void Per_cohort_and_pooled_scopes_each_apply_their_own_threshold()
    {
        var early = new Metric("kohorte", "Kohorte ≥ 10 %", MetricKind.ConditionInWindow, "job", 1_000m, PriceBasis.PerParticipant, Sfb,
            ToMonth: 1, Threshold: 1,
            MinimumEffect: 0.5m, Scope: Scope.PerCohort);
        var people = new[] { new Person("a", "1", ParticipantGroup.Treatment, new(2024, 1, 1)),
            new Person("b", "1", ParticipantGroup.Treatment, new(2024, 1, 1)),
            new Person("c", "2", ParticipantGroup.Treatment, new(2024, 1, 1)),
            new Person("d", "2", ParticipantGroup.Treatment, new(2024, 1, 1)) };
        var obs = new[] { new Observation("a", "job", new(2024, 1, 5), new(2024, 1, 5), 1),
            new Observation("b", "job", new(2024, 1, 5), new(2024, 1, 5), 1),
            new Observation("c", "job", new(2024, 1, 5), new(2024, 1, 5), 1) };
        var source = new InMemoryObservations(obs);
        var perCohort = MetricEvaluator.Evaluate(early, people, source, new(2024, 12, 31)).ToList();
        Assert.Equal([("1", 2_000m), ("2", 1_000m)], perCohort.Select(r => (r.Cohort, r.Amount)));
        var pooled = MetricEvaluator.Evaluate(early with { Scope = Scope.Pooled, MinimumEffect = 0.8m }, people, source, new(2024, 12, 31))
            .Single();
        Assert.Equal((MetricEvaluator.AllCohorts, 0m), (pooled.Cohort, pooled.Amount)); // 75 % < 80 %
    }

    [Fact]
    public void A_repeated_window_pays_for_each_window_met_over_the_payment_period()
    {
        var housed = new Metric("bolig", "Højst 5 dage på forsorgshjem pr. halvår", MetricKind.ConditionInWindow, "shelter-days", 5_000m,
            PriceBasis.PerParticipant, Sfb,
            ToMonth: 6, Comparison: Comparison.AtMost, Threshold: 5, Repeats: 8, RepeatEveryMonths: 6); // 4-year payment period
        var people = new[] { new Person("a", "1", ParticipantGroup.Treatment, new(2023, 1, 1)),
            new Person("b", "1", ParticipantGroup.Treatment, new(2024, 1, 1)) };
        var obs = new InMemoryObservations([
            new("a", "shelter-days", new(2023, 8, 1), new(2023, 8, 31), 9),   // a's second half-year: 9 days, not met
            new("b", "shelter-days", new(2024, 2, 1), new(2024, 2, 29), 2)]); // b's first half-year: met
        var result = MetricEvaluator.Evaluate(housed, people, obs, new DateOnly(2024, 12, 31)).Single();
        // a has four ended half-years (three met), b two (both met): 6 × 5.000
        Assert.Equal((6, 5, 25_000m), (result.Eligible, result.Achieved, result.Amount));
        Assert.Equal(15_000m, result.PerParticipant["a"]);
    }

    [Fact]
    public void An_approved_amount_is_paid_in_yearly_instalments_over_the_repayment_period()
    {
        Assert.Equal([33_333.33m, 33_333.33m, 33_333.34m], Bundlinje.FollowUps.FollowUpRunner.Instalments(100_000m, 3));
        Assert.Equal([3_631_000m], Bundlinje.FollowUps.FollowUpRunner.Instalments(3_631_000m, 1));
        // Flere kloge hænder: repaid over 5 years
        Assert.Equal(3_631_000m, Bundlinje.FollowUps.FollowUpRunner.Instalments(3_631_000m, 5).Sum());
    }

    [Fact]
    public void A_deficit_guarantee_covers_the_shortfall_up_to_its_limits()
    {
        Assert.Equal(600_000m, InvestorReturns.GuaranteeCovers(2_000_000m, 1_200_000m, maxAmount: 600_000m, maxShareOfCapital: 0.5m));
        Assert.Equal(300_000m, InvestorReturns.GuaranteeCovers(2_000_000m, 1_200_000m, maxShareOfCapital: 0.15m));
        Assert.Equal(0m, InvestorReturns.GuaranteeCovers(2_000_000m, 2_400_000m, maxAmount: 600_000m));
        Assert.Equal(1.2m, InvestorReturns.Multiple(2_000_000m, 2_400_000m));
    }

    [Fact]
    public void Irr_of_dated_cash_flows()
    {
        var oneYear = InvestorReturns.Irr([new(new(2021, 1, 1), -1_000_000m), new(new(2022, 1, 1), 1_100_000m)]);
        Assert.Equal(0.10m, decimal.Round(oneYear!.Value, 4));
        var twoPayments = InvestorReturns.Irr(
            [new(new(2021, 1, 1), -1_000_000m), new(new(2022, 1, 1), 500_000m), new(new(2023, 1, 1), 600_000m)]);
        Assert.Equal(0.0639m, decimal.Round(twoPayments!.Value, 4)); // 500/(1+r) + 600/(1+r)² = 1000
        Assert.Null(InvestorReturns.Irr([new(new(2021, 1, 1), 100m)]));
    }

    [Fact]
    public void Early_termination_pays_assumed_rates_for_the_participants_enrolled()
    {
        var hba1c = new Metric("hba1c", "HbA1c", MetricKind.ChangeFromBaseline, "hba1c", 25_000m, PriceBasis.PerParticipant, Sfb,
            AssumedRate: 0.31m,
            MinimumEffect: 0.31m, Tiers: [new(0.31m, 25_000m), new(0.5m, 30_000m)]);
        var settled = EarlyTermination.UpFront(new PaymentModel("diabetes", 2, [hba1c]), participants: 300);
        Assert.Equal(2_325_000m, Assert.Single(settled).Amount); // 300 × 31 % × 25.000
    }

    [Fact]
    public void Payer_shares_must_add_up_to_one()
    {
        var bad = new Metric("x", "x", MetricKind.Milestone, "m", 1m, PriceBasis.PerParticipant, [new("SFB", 0.5m), new("MSB", 0.4m)]);
        Assert.Equal(["$.model.metrics[0].payers: andelene summer til 0,9, ikke 1."],
            PaymentModelFile.Problems(new PaymentModel("i", 1, [bad with { Measure = "dropout" }])).Da());
    }
}
