using Bundlinje.Investments;

namespace Bundlinje.Tests.Investments;

public sealed class EnrolmentPlanTests
{
    /// <summary>Active as the portfolio file records these investments (their approval chain predates Bundlinje).</summary>
    private static Investment Active(Investment investment)
    {
        investment.TakeOverStatus(InvestmentStatus.Active, null);
        return investment;
    }

    [Fact]
    public void Ungifokus_december_2024_is_behind_plan_and_warns()
    {
        var ungifokus = Active(new Investment
        {
            Key = "ungifokus", Name = "UngiFokus", PlannedParticipants = 500, PlannedPerYear = 125,
            Enrolment = [new() { AsOf = new(2023, 11, 30), Enrolled = 323, Expected = 320 },
                new() { AsOf = new(2024, 12, 31), Enrolled = 367, Expected = 422 }],
        });
        var status = EnrolmentPlan.Check(ungifokus)!;
        Assert.Equal((367, 422, 0.1303m, true), (status.Enrolled, status.Expected, decimal.Round(status.Behind, 4), status.Warning));
        Assert.False(EnrolmentPlan.Check(ungifokus, warningShare: 0.15m)!.Warning);
        ungifokus.Enrolment.RemoveAt(1);
        Assert.False(EnrolmentPlan.Check(ungifokus)!.Warning); // Nov 2023: 323 of 320, ahead
    }

    [Fact]
    public void Without_a_reported_expectation_the_plans_straight_line_is_used_and_capped_at_the_total()
    {
        var plan = Active(new Investment
        {
            Key = "x", Name = "x", PeriodStart = new(2022, 1, 1), PlannedPerYear = 100, PlannedParticipants = 150,
            Enrolment = [new() { AsOf = new(2023, 1, 1), Enrolled = 80 }],
        });
        Assert.Equal((100, true), (EnrolmentPlan.Check(plan)!.Expected, EnrolmentPlan.Check(plan)!.Warning));
        plan.Enrolment[0].AsOf = new(2025, 1, 1);
        Assert.Equal(150, EnrolmentPlan.Check(plan)!.Expected);
        plan.End(null);
        Assert.Null(EnrolmentPlan.Check(plan));
    }

    [Fact]
    public void Registered_participants_are_counted_per_cohort_against_the_plan()
    {
        var plan = Active(new Investment
        {
            Key = "x", Name = "x", PeriodStart = new(2023, 1, 1), PlannedPerYear = 100,
            PlannedParticipants = 400
        });
        var treated = Enumerable.Range(0, 60).Select(i => ("2023", new DateOnly(2023, 1, 1).AddDays(i)))
            .Concat(Enumerable.Range(0, 50).Select(i => ("2024", new DateOnly(2024, 1, 1).AddDays(i)))).ToList();
        var (cohorts, total) = EnrolmentPlan.FromParticipants(plan, treated, new DateOnly(2024, 12, 31));
        Assert.Equal([("2023", 60), ("2024", 50)], cohorts);
        Assert.Equal((110, 200, true), (total!.Enrolled, total.Expected, total.Warning)); // 45 % behind
    }
}
