using Bundlinje.BusinessCases;
using Bundlinje.Payments;

namespace Bundlinje.Tests.BusinessCases;

/// <summary>The payment-model draft of a business case: its prices × the assumed success × the planned participants give
/// the case's expected payments (<see cref="BusinessCaseResult.Payments"/>), per outcome, year and payer.</summary>
public sealed class PaymentModelDraftTests
{
    private static readonly string[] SeedCodes = [.. Bundlinje.FollowUps.Measures.Seed.Select(s => s.Code)];

    private static ComputedCase Computed(BusinessCase c) => Workbooks.Computed(c);

    private static BusinessCase Demo(string file) => Workbooks.Demo(file);

    /// <summary>The case's payments per outcome, paying department and year.</summary>
    private static Dictionary<(string, string, int), decimal> CasePayments(BusinessCaseResult result)
    {
        var departments = result.Case.Holders.ToDictionary(h => h.Key, h => h.Department);
        return result.Payments.GroupBy(p => (p.Outcome, departments[p.Holder], p.Year)).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));
    }

    [Theory]
    [InlineData("havnen")]
    [InlineData("hjem-job-og-helhed")]
    [InlineData("dialog-mod-vold")]
    [InlineData("laer-for-livet")]
    [InlineData("ungifokus")]
    [InlineData("din-vej-i-job")]
    [InlineData("ips-plus")]
    public void Price_times_success_times_participants_gives_the_cases_payments(string file)
    {
        var computed = Computed(Demo(file));
        var draft = PaymentModelDraft.From(computed, SeedCodes);
        var expected = CasePayments(computed.Result);
        Assert.NotEmpty(expected);
        var drafted = draft.Payments.GroupBy(p => (p.Outcome, p.Payer, p.Year)).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));
        Assert.Equal(expected.Keys.Order(), drafted.Keys.Order());
        foreach (var p in draft.Payments)
        {
            var metric = draft.Model.Metrics.Single(m => m.Key == p.Outcome);
            var share = metric.Payers.Single(x => x.Payer == p.Payer).Share;
            // The draft's own arithmetic: successes (rate × cohorts under way) × price × the payer's share.
            Assert.Equal(decimal.Round(decimal.Round(p.Successes * metric.Price, 2, MidpointRounding.AwayFromZero) * share, 2,
                MidpointRounding.AwayFromZero), p.Amount);
            Assert.Equal(computed.Result.Payments.Where(x => x.Outcome == p.Outcome && x.Year == p.Year).Select(x => x.Successes)
                .Distinct(),
                [p.Successes]);
            // The case rounds the saving before the share, the draft the price: they agree to half an øre per success.
            var difference = Math.Abs(expected[(p.Outcome, p.Payer, p.Year)] - drafted[(p.Outcome, p.Payer, p.Year)]);
            Assert.True(difference <= p.Successes * 0.005m + 0.01m, $"{p.Outcome} {p.Payer} {p.Year}: {difference}");
        }
        Assert.Equal(decimal.Round(computed.Result.Payments.Sum(p => p.Amount) / 1000m),
            decimal.Round(draft.Payments.Sum(p => p.Amount) / 1000m));
    }

    [Fact]
    public void Laer_for_livet_pays_the_saving_times_the_share_per_year_of_success_over_ten_years()
    {
        var draft = PaymentModelDraft.From(Computed(Demo("laer-for-livet")), SeedCodes);
        var metric = draft.Model.Metrics.Single();
        // 0,0948 years of placement a year × 419.690,91 kr. (410.000 kr. at 2023 prices × 112,6 / 110,0) = 39.786,70 kr. a year
        // saved per success × 64,71 % repaid = 25.745,97 kr. a year, for 10 years from the cohort's 4th year.
        Assert.Equal(25_745.97m, metric.Price);
        Assert.Equal(39_786.70m, metric.IsolatedSaving);
        Assert.Equal((MetricKind.Milestone, PriceBasis.PerParticipant, 10, 12, 36, 48), (metric.Kind, metric.Basis, metric.Repeats,
            metric.RepeatEveryMonths!.Value, metric.FromMonth, metric.ToMonth));
        Assert.Equal(257_459.7m, draft.Metrics.Single().PriceOverDuration);
        Assert.Equal("youth-education", metric.Measure); // the outcome's key is a measure of the catalogue
        Assert.False(draft.Metrics.Single().MeasureToChoose);
        Assert.Equal([new PayerShare("MSB", 1m)], metric.Payers);
        // 2025: the 2022 cohort (17 × 50 % = 8,5 successes) × 25.745,97 kr. = 218.840,745 → 218.840,75
        Assert.Equal(218_840.75m, draft.Payments.Single(p => p.Year == 2025).Amount);
        Assert.Equal(0.5m, metric.AssumedRate);
    }

    [Fact]
    public void The_json_is_a_valid_model_and_an_unknown_measure_is_a_placeholder_the_store_refuses()
    {
        var draft = PaymentModelDraft.From(Computed(Demo("ungifokus")), SeedCodes);
        var read = PaymentModelFile.Read(draft.Json("udkast"));
        Assert.Equal("ungifokus", read.Investment);
        var metric = Assert.Single(read.Metrics);
        Assert.Equal(PaymentModelDraft.Placeholder, metric.Measure); // 'less-transfers' is not a measure of the catalogue
        Assert.True(draft.Metrics.Single().MeasureToChoose);
        var unknown = Assert.Single(PaymentModelFile.UnknownMeasures(read, SeedCodes));
        Assert.Equal("$.model.metrics[0].measure", unknown.Field);
    }

    [Fact]
    public void Payers_share_by_their_savings_and_the_cap_holds_as_in_the_case()
    {
        BudgetHolder Holder(string key, string department, bool repays) =>
            new(key, department, true, PublicLevel.Municipality, CeilingType.Service, repays);
        var c = new BusinessCase("x", 1, null, "X", 2030, 6, 2030, null, [new(2030, 10), new(2031, 20)], [new(2030, 100_000m, "Fonden")],
            [Holder("msb", "MSB", true), Holder("sfb", "SFB", true), Holder("region", "Region", false)],
            [new Outcome("job", "Job", 0.5m, 1, 3, 0.5m,
                [new("Ydelse", "uge", -10, "msb", 1_000m), new("Sag", "time", -5, "sfb", 600m),
                    new("Hospital", "dag", -2, "region", 5_000m),
                 new("Ydelse, ekstra", "uge", -2, "msb", 1_000m)], RepaymentCap: 200_000m)],
            ["test"]);
        var computed = Computed(c);
        var draft = PaymentModelDraft.From(computed, SeedCodes);
        var metric = draft.Model.Metrics.Single();
        // Savings per success a year: MSB 12.000, SFB 3.000 (the region does not repay); price (15.000 × 50 %) = 7.500.
        Assert.Equal(7_500m, metric.Price);
        Assert.Equal([new PayerShare("MSB", 0.8m), new PayerShare("SFB", 0.2m)], metric.Payers);
        Assert.Equal(200_000m, metric.CapPerMetric);
        Assert.Equal(200_000m, draft.Payments.Sum(p => p.Amount));
        Assert.Equal(computed.Result.Payments.Sum(p => p.Amount), draft.Payments.Sum(p => p.Amount));
        // Per year the same; in the year the cap bites the model splits what is left by the payers' shares (as a run would),
        // where the case lets its first holder take it.
        Assert.Equal(computed.Result.Payments.GroupBy(p => p.Year).Select(g => (g.Key, g.Sum(p => p.Amount))),
            draft.Payments.GroupBy(p => p.Year).Select(g => (g.Key, g.Sum(p => p.Amount))));
        Assert.Equal([(2033, "MSB", 40_000m), (2033, "SFB", 10_000m)],
            draft.ByYearAndPayer().Where(p => p.Year == 2033).Select(p => (p.Year, p.Payer, p.Amount)));
        Assert.Equal(CasePayments(computed.Result).Where(x => x.Key.Item3 < 2033).OrderBy(x => x.Key).ToList(),
            draft.Payments.Where(p => p.Year < 2033).GroupBy(p => (p.Outcome, p.Payer, p.Year))
                .ToDictionary(g => g.Key, g => g.Sum(p => p.Amount))
                .OrderBy(x => x.Key).ToList());
        PaymentModelFile.Read(draft.Json());
    }
}
