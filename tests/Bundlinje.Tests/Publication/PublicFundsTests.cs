using System.Text.Json;
using Bundlinje.FollowUps;
using Bundlinje.Publication;
using Bundlinje.Tests.FollowUps;
using Bundlinje.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Bundlinje.Tests.Publication.PublicSetup;

namespace Bundlinje.Tests.Publication;

public sealed class SqlitePublicFundsTests(SqliteDemoApp app) : PublicFundsTests(app), IClassFixture<SqliteDemoApp>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresPublicFundsTests(PostgresDemoApp app) : PublicFundsTests(app), IClassFixture<PostgresDemoApp>;

/// <summary>The public read service (<see cref="PublicFunds"/>) over the Aarhus demo on each database: nothing is public by
/// default, a field group that is not approved public is absent from the model, a second fund's investment is not found
/// under the first fund, and result counts are suppressed so that no total gives a hidden cell away.</summary>
public abstract class PublicFundsTests(DemoApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private BundlinjeFactory Factory
    {
        get
        {
            if (app.Unavailable is { } reason) Requirement.Missing(reason);
            return app.Factory;
        }
    }

    [Fact]
    public async Task Nothing_is_public_by_default_and_a_second_funds_investment_is_not_found_under_the_first()
    {
        Assert.Null(await FundAsync(Factory, "no-such-fund"));
        var second = await NewFundAsync(Factory);
        var investment = await NewInvestmentAsync(Factory, second.Id);
        var fund = await FundAsync(Factory, second.Key);
        Assert.NotNull(fund);
        Assert.Empty(fund.Investments); // a fund with no approvals shows nothing
        Assert.Equal(0m, fund.Capital);
        Assert.Null(await InvestmentAsync(Factory, second.Key, investment.Key));

        await PublishAsync(Factory, investment, PublicationField.NameAndPurpose);
        Assert.NotNull(await InvestmentAsync(Factory, second.Key, investment.Key));
        Assert.Null(await InvestmentAsync(Factory, "aarhus", investment.Key)); // not under another fund's route
        Assert.DoesNotContain((await FundAsync(Factory, "aarhus"))!.Investments, i => i.Key == investment.Key);
    }

    [Fact]
    public async Task A_field_group_not_approved_public_is_absent_from_the_model_and_a_draft_does_not_show()
    {
        var investment = await NewInvestmentAsync(Factory, await FundIdAsync(Factory, "aarhus"));
        await PublishAsync(Factory, investment, PublicationField.NameAndPurpose, approve: false);
        Assert.Null(await InvestmentAsync(Factory, "aarhus", investment.Key)); // a draft is not public
        await PublishAsync(Factory, investment, PublicationField.NameAndPurpose);
        await PublishAsync(Factory, investment, PublicationField.Capital);
        await PublishAsync(Factory, investment, PublicationField.Capital, isPublic: false); // taken down again
        await PublishAsync(Factory, investment, PublicationField.Results, approve: false); // awaits review
        await PublishAsync(Factory, investment, PublicationField.TargetGroup);
        await ApprovedRunAsync(Factory, investment, new DateOnly(2025, 6, 30), 12_000m, ("Alle", 40, 12));

        var shown = (await InvestmentAsync(Factory, "aarhus", investment.Key))!;
        Assert.Equal([PublicationField.NameAndPurpose, PublicationField.TargetGroup], shown.Fields.Order());
        Assert.Equal("Unge", shown.TargetGroup!.Text);
        Assert.Null(shown.Capital);
        Assert.Null(shown.Results);
        Assert.Null(shown.Payments);
        Assert.Null(shown.Parties);
        Assert.Null(shown.PaymentModel);
        Assert.Null(shown.Enrolment);
        var listed = Assert.Single((await FundAsync(Factory, "aarhus"))!.Investments, i => i.Key == investment.Key);
        Assert.Equal((null, null, null, null), (listed.Capital, listed.Enrolled, listed.Latest, listed.Paid));
        // Nothing of the run reaches the model: not its amount, not its counts.
        var json = JsonSerializer.Serialize(shown) + JsonSerializer.Serialize(listed);
        Assert.DoesNotContain("12000", json, StringComparison.Ordinal);
        Assert.DoesNotContain("beskæftigelse", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_small_count_shows_as_under_5_and_the_line_total_cannot_reveal_it()
    {
        var investment = await NewInvestmentAsync(Factory, await FundIdAsync(Factory, "aarhus"));
        foreach (var field in new[] { PublicationField.NameAndPurpose, PublicationField.Results, PublicationField.Payments })
            await PublishAsync(Factory, investment, field);
        await ApprovedRunAsync(Factory, investment, new DateOnly(2025, 6, 30), 15_000m, ("Hold 1", 20, 3), ("Hold 2", 40, 12));

        var run = Assert.Single((await InvestmentAsync(Factory, "aarhus", investment.Key))!.Results!);
        Assert.Equal(15_000m, run.Payable);
        var (small, large) = (run.Results[0], run.Results[1]);
        Assert.Equal(("<5", "x", "20", null), (small.Achieved, small.NotAchieved, small.Eligible, small.AchievedShown));
        Assert.Equal(("12", "28", "40", 12), (large.Achieved, large.NotAchieved, large.Eligible, large.AchievedShown));
        Assert.DoesNotContain("17", JsonSerializer.Serialize(run), StringComparison.Ordinal); // 20 − 3 would give the 3 away
        var headline = Assert.Single((await FundAsync(Factory, "aarhus"))!.Investments, i => i.Key == investment.Key).Latest!;
        Assert.Equal(run.Results, headline.Results);
    }

    [Fact]
    public async Task The_demo_fund_lists_its_published_investments_with_the_stored_results_of_their_approved_runs()
    {
        var fundId = await FundIdAsync(Factory, "aarhus");
        var published = await As(Factory, Drafter, s => s.GetRequiredService<Publications>().PublishedAsync(fundId, Ct));
        var fund = (await FundAsync(Factory, "aarhus"))!;
        Assert.Equal(published.Select(p => p.Key), fund.Investments.Select(i => i.Key));
        Assert.True(fund.Investments.Count(i => !i.Key.StartsWith("pub-", StringComparison.Ordinal)) >= 11);
        var stored = await Factory.WithAsync(db => (from r in db.FollowUpRuns join a in db.FollowUpApprovals on r.Id equals a.RunId
                                                    join i in db.Investments on r.InvestmentId equals i.Id
                                                    where i.Key == "flere-kloge-haender" select r).SingleAsync(Ct));
        var metric = RunResult.FromJson(stored.ResultJson).Metrics[0];
        var shown = (await InvestmentAsync(Factory, "aarhus", "flere-kloge-haender"))!;
        var line = Assert.Single(Assert.Single(shown.Results!).Results);
        Assert.Equal((Suppression.Show(metric.Achieved), Suppression.Show(metric.Eligible)), (line.Achieved, line.Eligible));
        Assert.NotEmpty(shown.PaymentModel!);
        Assert.NotEqual(shown.PaymentModel, (await InvestmentAsync(Factory, "aarhus", "flere-kloge-haender", "en"))!.PaymentModel);
        Assert.Contains(shown.Parties!, p => p.Role == Bundlinje.Investments.PartyRole.Authority);
    }
}
