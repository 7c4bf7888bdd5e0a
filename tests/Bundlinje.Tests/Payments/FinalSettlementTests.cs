using Bundlinje.FollowUps;
using Bundlinje.Investments;
using Bundlinje.Organisations;
using Bundlinje.Payments;

namespace Bundlinje.Tests.Payments;

/// <summary>The final settlement's pure core with hand-computed amounts: capital drawn, received, guarantee paid,
/// gain/loss, multiple and IRR per investor, and which guarantor pays how much to whom.</summary>
public sealed class FinalSettlementTests
{
    private static readonly DateOnly Start = new(2021, 1, 1), OneYearLater = new(2022, 1, 1);

    private static InvestorFacts Investor(string key, decimal drawn, decimal received, DateOnly? receivedOn = null) =>
        new(key, key.ToUpperInvariant(), [new(Start, drawn)], received == 0 ? [] : [new(receivedOn ?? OneYearLater, received)]);

    [Fact]
    public void A_loss_is_covered_fully_when_the_guarantee_exceeds_the_shortfall()
    {
        // Drawn 1.000.000, received 700.000: shortfall 300.000 of a 500.000 guarantee; back 1.000.000 one year on: IRR 0.
        var s = FinalSettlement.Settle("x", OneYearLater, [Investor("rsi", 1_000_000m, 700_000m)], [new("fond", "Fonden", 500_000m)]);
        var line = Assert.Single(s.Investors);
        Assert.Equal((1_000_000m, 700_000m, 300_000m, 0m, 1m),
            (line.Drawn, line.Received, line.GuaranteePaid, line.GainLoss, line.Multiple!.Value));
        Assert.Equal(0m, decimal.Round(line.Irr!.Value, 4));
        var guarantor = Assert.Single(s.Guarantors);
        Assert.Equal((500_000m, 300_000m), (guarantor.Limit, guarantor.Paid));
        Assert.Equal([new GuaranteeShare("RSI", 300_000m)], guarantor.ToInvestors);
        Assert.Empty(s.Notes);
    }

    [Fact]
    public void A_loss_is_covered_partly_up_to_the_guarantee_and_the_rest_is_the_investors_loss()
    {
        // Drawn 1.000.000, received 600.000: shortfall 400.000, guarantee 300.000 → back 900.000 after exactly one year: IRR −10 %.
        var s = FinalSettlement.Settle("x", OneYearLater, [Investor("rsi", 1_000_000m, 600_000m)], [new("fond", "Fonden", 300_000m)]);
        var line = Assert.Single(s.Investors);
        Assert.Equal((300_000m, -100_000m, 0.9m), (line.GuaranteePaid, line.GainLoss, line.Multiple!.Value));
        Assert.Equal(-0.1m, decimal.Round(line.Irr!.Value, 4));
        Assert.Equal("Garantierne dækker 300.000,00 kr. af investorernes underskud på 400.000,00 kr.; 100.000,00 kr. er investorernes " +
            "tab.", Assert.Single(s.Notes));
    }

    [Fact]
    public void A_gain_is_not_guaranteed()
    {
        var s = FinalSettlement.Settle("x", new(2024, 1, 1), [Investor("rsi", 1_000_000m, 1_100_000m)], [new("fond", "Fonden", 500_000m)]);
        var line = Assert.Single(s.Investors);
        Assert.Equal((0m, 100_000m, 1.1m), (line.GuaranteePaid, line.GainLoss, line.Multiple!.Value));
        Assert.Equal(0.1m, decimal.Round(line.Irr!.Value, 4));
        Assert.Equal(0m, Assert.Single(s.Guarantors).Paid);
        Assert.Empty(s.Guarantors[0].ToInvestors);
    }

    [Fact]
    public void Nothing_back_and_no_guarantee_is_a_total_loss_with_no_irr()
    {
        var line = Assert.Single(FinalSettlement.Settle("x", new(2024, 1, 1), [Investor("rsi", 2_900_000m, 0m)], []).Investors);
        Assert.Equal((-2_900_000m, 0m, null), (line.GainLoss, line.Multiple!.Value, line.Irr));
    }

    [Fact]
    public void Two_guarantors_pay_in_the_agreements_order_shared_over_two_investors_by_their_shortfall()
    {
        // Shortfalls: A 3.000.000 − 1.000.000 = 2.000.000, B 1.000.000 − 0 = 1.000.000; total 3.000.000.
        // First guarantor: 1.000.000. Second: the lower of 1.500.000 and 50 % of the 4.000.000 drawn = 1.500.000. Covered 2.500.000.
        // A gets 2.500.000 × 2/3 = 1.666.666,66 (to the øre, down), B the rest 833.333,34.
        GuarantorFacts first = new("g1", "Første fond", 1_000_000m), second = new("g2", "Anden fond", 1_500_000m, ShareOfDrawn: 0.5m);
        var s = FinalSettlement.Settle("x", OneYearLater, [Investor("a", 3_000_000m, 1_000_000m), Investor("b", 1_000_000m, 0m)],
            [first, second]);
        Assert.Equal([("a", 1_666_666.66m, -333_333.34m, 0.8889m), ("b", 833_333.34m, -166_666.66m, 0.8333m)],
            s.Investors.Select(i => (i.Key, i.GuaranteePaid, i.GainLoss, i.Multiple!.Value)));
        Assert.Equal([(1_000_000m, 1_000_000m), (1_500_000m, 1_500_000m)], s.Guarantors.Select(g => (g.Limit, g.Paid)));
        Assert.Equal([new GuaranteeShare("A", 1_000_000m)], s.Guarantors[0].ToInvestors);
        Assert.Equal([new GuaranteeShare("A", 666_666.66m), new GuaranteeShare("B", 833_333.34m)], s.Guarantors[1].ToInvestors);
        Assert.Equal((4_000_000m, 1_000_000m, 2_500_000m, -500_000m), (s.Drawn, s.Received, s.GuaranteePaid, s.GainLoss));
        // In the other order the second guarantor pays its full 1.500.000 first and the first what is left, 1.000.000.
        var reversed = FinalSettlement.Settle("x", OneYearLater, [Investor("a", 3_000_000m, 1_000_000m), Investor("b", 1_000_000m, 0m)],
            [second, first]);
        Assert.Equal([1_500_000m, 1_000_000m], reversed.Guarantors.Select(g => g.Paid));
        // A share of the drawn capital alone limits a guarantor: 10 % of 4.000.000.
        Assert.Equal(400_000m, FinalSettlement.Limit(new("g", "G", null, 0.1m), 4_000_000m));
    }

    [Fact]
    public void A_donation_writes_the_claim_down_once_across_runs_and_is_not_investor_money_at_settlement()
    {
        var donor = new Party
        {
            Role = PartyRole.Donor, Donation = 200_000m,
            Organisation = new Organisation { Key = "fonden", Name = "Fonden", Kind = OrganisationKind.Foundation }
        };
        Assert.Equal(200_000m, Donations.Left([donor], []));
        // Run 1 is entitled to 500.000: the donation writes it down to 300.000, which the investor gets.
        var model = new PaymentModel("x", 1,
            [new Metric("m", "M", MetricKind.ConditionInWindow, "job", 1m, PriceBasis.PerParticipant, [new("SFB", 1m)])]);
        MetricResult Result(decimal amount) => new(model.Metrics[0], "Alle", 1, 1, 0, 0, 0, amount, new Dictionary<string, decimal>(), "");
        var run1 = Settler.Settle(model, [Result(500_000m)], [new("RSI", 1_000_000m)], donation: Donations.Left([donor], []));
        Assert.Equal((200_000m, 300_000m, 300_000m), (run1.Donation, run1.Payable, run1.ByInvestor[0].Amount));
        var stored = new RunResult("x", OneYearLater, 1, [], run1.Gross, run1.Capped, run1.Donation, run1.Payable, run1.ByPayer,
            run1.ByInvestor, run1.Notes).ToJson();
        var read = RunResult.FromJson(stored); // as the runner reads an approved run back
        // A later run finds nothing left of it.
        Assert.Equal(0m, Donations.Left([donor], [read]));
        // At settlement the investor received 300.000 of the 1.000.000 drawn; the guarantee (1.000.000) covers the 700.000.
        var s = FinalSettlement.Settle("x", OneYearLater, [Investor("rsi", 1_000_000m, run1.ByInvestor[0].Amount)],
            [new("fond", "Fonden", 1_000_000m)],
            [new("fonden", "Fonden", 200_000m, Donations.Used([read]))]);
        Assert.Equal((300_000m, 700_000m, 0m), (s.Investors[0].Received, s.Investors[0].GuaranteePaid, s.Investors[0].GainLoss));
        Assert.Equal(200_000m, Assert.Single(s.Donors).Used);
    }
    [Fact]
    public void Housing_first_final_settlement_worked_example_in_payment_models_md()
    {
        // RSI and DSI drew 11.500.000 kr. each on 01-01-2021; 2.480.000 kr. in result payments came back on 31-12-2024, half each;
        // Bikubenfonden guarantees 2.000.000 kr. Shortfall 10.260.000 each; the guarantee pays 1.000.000 to each on 31-12-2025.
        InvestorFacts Investor(string key, string name) =>
            new(key, name, [new(new(2021, 1, 1), 11_500_000m)], [new(new(2024, 12, 31), 1_240_000m)]);
        var s = FinalSettlement.Settle("housing-first", new(2025, 12, 31), [Investor("dsi", "DSI"), Investor("rsi", "RSI")],
            [new("bikubenfonden", "Bikubenfonden", 2_000_000m)]);
        Assert.All(s.Investors, i =>
            Assert.Equal((11_500_000m, 1_240_000m, 1_000_000m, -9_260_000m, 0.1948m),
                (i.Drawn, i.Received, i.GuaranteePaid, i.GainLoss, i.Multiple!.Value)));
        Assert.All(s.Investors, i => Assert.Equal(-0.3052m, decimal.Round(i.Irr!.Value, 4)));
        Assert.Equal([new GuaranteeShare("DSI", 1_000_000m), new GuaranteeShare("RSI", 1_000_000m)], Assert.Single(s.Guarantors)
            .ToInvestors);
        Assert.Equal("Garantierne dækker 2.000.000,00 kr. af investorernes underskud på 20.520.000,00 kr.; 18.520.000,00 kr. er " +
            "investorernes tab.", Assert.Single(s.Notes));
        Assert.Contains("RSI\t11.500.000,00 kr.\t1.240.000,00 kr.\t1.000.000,00 kr.\t-9.260.000,00 kr.\t0,1948\t-30,52 %",
            FinalStatementText.Write(s));
    }
}
