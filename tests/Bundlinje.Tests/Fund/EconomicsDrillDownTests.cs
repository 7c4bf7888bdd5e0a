using System.Globalization;
using System.Xml.Linq;
using Bundlinje.Fund;
using Bundlinje.Reports;

namespace Bundlinje.Tests.Fund;

public sealed class EconomicsDrillDownTests
{
    private static readonly EconomicsOptions Report2024 = new(LastActualYear: 2024, LaterFrom: 2029);

    [Theory]
    [InlineData(80)]
    [InlineData(0)]
    [InlineData(150)]
    public void Every_cell_is_the_sum_of_what_its_entries_contribute(int effect)
    {
        var table = EconomicsTable.Build(AarhusLedger.Entries, Report2024 with { EffectPercent = effect });
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var column = table.Columns[c];
            foreach (var row in table.RunningCosts.Concat(table.Investments))
                Assert.Equal(row.Cells[c], AarhusLedger.Entries.Sum(e => table.Contribution(e, row.Kind, row.Reference, column) ?? 0m));
            Assert.Equal(table.Total[c], AarhusLedger.Entries.Sum(e => table.Contribution(e, null, null, column) ?? 0m));
            Assert.Equal(table.Balance[c], AarhusLedger.Entries.Sum(e => table.Contribution(e, null, null, column, balance: true) ?? 0m));
        }
    }

    [Fact]
    public void A_budget_entry_in_an_accounts_year_is_behind_no_cell()
    {
        var stray = new LedgerEntry(2022, LedgerKind.Disbursement, LedgerBasis.Budget, 999m, Investment: "ungifokus");
        var table = EconomicsTable.Build([.. AarhusLedger.Entries, stray], Report2024);
        Assert.All(table.Columns, c => Assert.Null(table.Contribution(stray, null, null, c)));
        Assert.Equal(EconomicsTable.Build(AarhusLedger.Entries, Report2024).Total, table.Total);
    }

    [Fact]
    public void Expected_result_payments_after_the_counted_in_date_are_left_out_and_accounts_stay()
    {
        var all = EconomicsTable.Build(AarhusLedger.Entries, Report2024);
        var until2026 = EconomicsTable.Build(AarhusLedger.Entries, Report2024 with { CountedInUntil = new DateOnly(2026, 12, 31) });
        Assert.Equal(all.Total.Take(7), until2026.Total.Take(7));
        Assert.True(until2026.Total[7] > all.Total[7], "B 2027 loses its expected result payments");
        var ungifokus = until2026.Investments.Single(r => r.Kind == EconomicsRowKind.ResultPayment && r.Reference == "ungifokus");
        Assert.Equal(0m, ungifokus.Cells[7]);
    }

    [Fact]
    public void The_outcome_fund_is_a_pot_of_its_own()
    {
        var outcome = new LedgerEntry[]
        {
            new(2021, LedgerKind.Appropriation, LedgerBasis.Actual, 25_000_000m, Pot: LedgerPot.OutcomeFund),
            new(2025, LedgerKind.Appropriation, LedgerBasis.Budget, 2_000_000m, Pot: LedgerPot.OutcomeFund),
            new(2023, LedgerKind.Commitment, LedgerBasis.Actual, 1_500_000m, Investment: "dialog-mod-vold",
                Pot: LedgerPot.OutcomeFund) { Metric = "Volden er ophørt" },
            new(2024, LedgerKind.Payout, LedgerBasis.Actual, 400_000m, Investment: "dialog-mod-vold",
                Pot: LedgerPot.OutcomeFund) { Metric = "Volden er ophørt" },
        };
        Assert.Equal(EconomicsTable.Build(AarhusLedger.Entries, Report2024).Balance,
            EconomicsTable.Build([.. AarhusLedger.Entries, .. outcome], Report2024).Balance);
        var summary = OutcomeFundSummary.From(outcome);
        Assert.Equal((27_000_000m, 1_500_000m, 400_000m, 25_500_000m, 1_100_000m),
            (summary.Appropriated, summary.Committed, summary.PaidOut, summary.Uncommitted, summary.Outstanding));
        Assert.Equal(1_100_000m, Assert.Single(summary.Commitments).Outstanding);
    }

    [Fact]
    public void Charts_are_valid_svg_with_decimal_points_under_a_danish_culture()
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("da-DK");
        try
        {
            var table = EconomicsTable.Build(AarhusLedger.Entries, Report2024);
            foreach (var svg in new[] { EconomicsCharts.Balance(table, "Restbeløb (80 % effekt)"),
                EconomicsCharts.SpendingAndResultPayments(table, "Udgifter") })
            {
                var root = XElement.Parse(svg);
                var coordinates = root.Descendants().SelectMany(e => e.Attributes())
                    .Where(a => a.Name.LocalName is "x" or "y" or "cx" or "cy" or "width" or "height" or "x1" or "y1");
                Assert.All(coordinates, a =>
                    Assert.True(decimal.TryParse(a.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out _),
                        $"{a.Name}={a.Value}"));
            }
            Assert.Contains("40.000", EconomicsCharts.Balance(table, "t"));
            var line = XElement.Parse(EconomicsCharts.Balance(table, "t")).Descendants().First(e => e.Name.LocalName == "polyline");
            Assert.All(line.Attribute("points")!.Value.Split(' '), p => Assert.Equal(2, p.Split(',').Length));
        }
        finally { CultureInfo.CurrentCulture = before; }
    }
}
