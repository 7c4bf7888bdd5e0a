using Bundlinje.Proposals;

namespace Bundlinje.Tests.Proposals;

public sealed class ProposalStatisticsTests
{
    private static (DateOnly, bool, IEnumerable<(ProposalStep, DateOnly)>) P(string received, bool call,
        params (ProposalStep, string)[] steps) =>
        (DateOnly.Parse(received), call, steps.Select(s => (s.Item1, DateOnly.Parse(s.Item2)))
            .Prepend((ProposalStep.Received, DateOnly.Parse(received))));

    [Fact]
    public void Every_category_is_counted_from_the_latest_step_on_or_before_the_date()
    {
        var proposals = new[]
        {
            P("2022-01-10", false, (ProposalStep.DirectRejection, "2022-02-01")),
            P("2022-03-10", false, (ProposalStep.SentForAssessment, "2022-04-01"), (ProposalStep.RejectedAfterAssessment, "2022-07-01")),
            P("2022-05-10", false, (ProposalStep.SentForAssessment, "2022-06-01"), (ProposalStep.Donation, "2022-09-01")),
            P("2022-06-10", false, (ProposalStep.TakenIntoDevelopment, "2022-08-01"), (ProposalStep.Launched, "2023-05-01")),
            P("2023-02-10", false, (ProposalStep.SentForAssessment, "2023-03-01")),
            P("2022-03-01", true, (ProposalStep.Launched, "2022-11-01")),
            P("2022-03-02", true, (ProposalStep.RejectedAfterAssessment, "2022-08-01")),
            P("2024-01-05", false),
        };
        Assert.Equal(new ProposalStatistics(5, 1, 1, 1, 1, 1, 2, 1, 1), ProposalStatistics.At(proposals, new DateOnly(2023, 12, 31)));
        // The cut: at end 2022 the launch of May 2023 has not happened, and the 2023 proposal is not yet received.
        Assert.Equal(new ProposalStatistics(4, 1, 1, 1, 0, 1, 2, 1, 4), ProposalStatistics.At(proposals, new DateOnly(2022, 12, 31)));
        Assert.Equal(new ProposalStatistics(6, 1, 1, 1, 1, 2, 2, 1, 1), ProposalStatistics.At(proposals, new DateOnly(2024, 12, 31)));
    }

    [Fact]
    public void The_demo_proposals_give_the_published_table_at_end_2023()
    {
        var file = System.Text.Json.JsonSerializer.Deserialize<ProposalFile>(ProposalFile.ReadDemo(),
            Bundlinje.Portfolio.PortfolioJson.Options)!;
        var rows = file.Proposals.Select(p => (p.ReceivedOn, p.Call, p.Events.Select(e => (e.Step, e.On))));
        // 49 ordinary: 18 direct rejections, 20 rejected after assessment, 1 donation, 9 launched, 1 pending; call 12, 2 launched; 8 new.
        Assert.Equal(new ProposalStatistics(49, 18, 20, 1, 9, 1, 12, 2, 8), ProposalStatistics.At(rows, new DateOnly(2023, 12, 31)));
        Assert.Equal(new ProposalStatistics(53, 19, 21, 1, 9, 3, 12, 2, 4), ProposalStatistics.At(rows, new DateOnly(2024, 12, 31)));
        Assert.All(file.Proposals.Where(p => p.Placeholder), p => Assert.StartsWith("Pladsholder", p.Title));
        // The projects named in MSB's overview (seed 002) are there by name, with the outcome the sources tell where they tell it.
        string[] named = ["Opsporende alkoholbehandling", "TUBA", "Fonden Mental Sundhed", "Littergo", "Klimacafé og beskæftigelse",
            "NEXTWORK",
            "Servicehunde", "NiiS", "IPS – beskæftigelse for psykisk sårbare", "Styrk familiers trivsel",
            "Ungdomskriminalitet Herredsvang", "Ungdomsmodtagelse"];
        Assert.All(named, n =>
            Assert.Contains(file.Proposals, p => p.Title == n && !p.Placeholder
                && p.Events.Any(e => e.Step == ProposalStep.SentForAssessment)));
        Assert.Equal(ProposalStep.Donation, file.Proposals.Single(p => p.Title == "Borgerhjælpen ved Fundamentet").Events[^1].Step);
        Assert.All(file.Proposals.Where(p => p.Title.StartsWith("IPS+") || p.Title.StartsWith("Din vej i job")), p =>
            Assert.Equal(ProposalStep.Launched, p.Events[^1].Step));
    }
}
