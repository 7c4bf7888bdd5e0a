using Bundlinje.Tests.Infrastructure;
using Bundlinje.Common;
using Bundlinje.FollowUps;
using Bundlinje.Payments;

namespace Bundlinje.Tests.FollowUps;

/// <summary>A follow-up run is approved through the run: it decides whether it may be, and what the approval is.</summary>
public sealed class RunApprovalTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Run <paramref name="id"/> of investment 7, computed against the approved runs <paramref name="settledAgainst"/>.</summary>
    private static (FollowUpRun Run, RunResult Result) Run(int id, params int[] settledAgainst)
    {
        var result = new RunResult("x", new(2026, 6, 30), 1, [], 100m, 100m, 0m, 100m, [new PayerPayment("SFB", 100m)], [], [],
            SettledAgainst: settledAgainst);
        var run = new FollowUpRun
        {
            Id = id, InvestmentId = 7, ModelHash = "m", ParticipantsHash = "p", RegisterFingerprint = "r", ResultJson = result.ToJson(),
            ResultHash = "h", RunBy = "test",
        };
        return (run, result);
    }

    [Fact]
    public void A_run_computed_against_the_approved_runs_is_approved_as_the_next_in_sequence()
    {
        var (run, result) = Run(3, 1, 2);
        var approval = run.Approve(result, "  SG 2026-11  ", [1, 2], "sekretariatet", Now);
        Assert.Equal((7, 3, 3, "SG 2026-11", "sekretariatet", Now),
            (approval.InvestmentId, approval.RunId, approval.Sequence, approval.DecisionReference, approval.ApprovedBy,
                approval.ApprovedAt));
    }

    [Fact]
    public void Without_a_decision_twice_or_after_a_later_approval_the_run_is_refused()
    {
        var (run, result) = Run(3, 1);
        Assert.Equal("Godkendelsen skal have styregruppens beslutningsreference.",
            Assert.Throws<Refused>(() => run.Approve(result, " ", [1], "s", Now)).Da());
        Assert.Equal("Kørsel 3 er allerede godkendt.",
            Assert.Throws<Refused>(() => run.Approve(result, "SG", [1, 3], "s", Now)).Da());
        // Run 4 was approved after run 3 was computed: approving 3 would pay the same outcomes again.
        Assert.StartsWith("Kørsel 3 er beregnet før kørsel 4 blev godkendt",
            Assert.Throws<Refused>(() => run.Approve(result, "SG", [1, 4], "s", Now)).Da());
    }
}
