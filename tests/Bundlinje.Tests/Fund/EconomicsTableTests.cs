using Bundlinje.Fund;

namespace Bundlinje.Tests.Fund;

public sealed class EconomicsTableTests
{
    private static readonly EconomicsOptions Report2024 = new(LastActualYear: 2024, LaterFrom: 2029);

    private static decimal[] Thousands(IEnumerable<decimal> cells) => cells.Select(c => decimal.Round(c / 1000m, 0)).ToArray();

    [Fact]
    public void Accounts_year_totals_are_computed_from_the_entries()
    {
        var table = EconomicsTable.Build(AarhusLedger.Entries, Report2024);
        Assert.Equal(["R 2020", "R 2021", "R 2022", "R 2023", "R 2024", "B 2025", "B 2026", "B 2027", "B 2028", "Efterfølgende år i alt"],
            table.Columns.Select(c => c.Label));
        Assert.Equal([322m, 3_725m, 12_885m, 14_804m, 564m], Thousands(table.Total.Take(5)));
    }

    [Fact]
    public void Balance_is_last_years_balance_minus_the_total_plus_appropriations()
    {
        var table = EconomicsTable.Build(AarhusLedger.Entries, Report2024);
        Assert.Equal(40_000_000m - 322_000m, table.Balance[0]);
        for (var i = 1; i < table.Columns.Count; i++)
        {
            var appropriation = table.Columns[i].FirstYear == 2025 ? 8_000_000m : 0m;
            Assert.Equal(table.Balance[i - 1] - table.Total[i] + appropriation, table.Balance[i]);
        }
    }

    [Fact]
    public void Effect_scales_only_budget_result_payments()
    {
        var at80 = EconomicsTable.Build(AarhusLedger.Entries, Report2024);
        var at100 = EconomicsTable.Build(AarhusLedger.Entries, Report2024 with { EffectPercent = 100 });
        Assert.Equal(at80.Total.Take(5), at100.Total.Take(5));
        var ungifokus = at80.Investments.SkipWhile(r => r.Label != "ungifokus").ElementAt(1);
        Assert.Equal(-1_361_000m, decimal.Round(ungifokus.Cells[5], 0));
        Assert.True(at100.Balance[^1] > at80.Balance[^1]);
    }

    [Fact]
    public void Later_years_fold_into_one_column()
    {
        var entries = new[]
        {
            new LedgerEntry(2020, LedgerKind.Appropriation, LedgerBasis.Actual, 1_000m),
            new LedgerEntry(2022, LedgerKind.Disbursement, LedgerBasis.Budget, 100m, Investment: "a"),
            new LedgerEntry(2030, LedgerKind.Disbursement, LedgerBasis.Budget, 200m, Investment: "a"),
        };
        var table = EconomicsTable.Build(entries, new(LastActualYear: 2020, LaterFrom: 2022));
        Assert.Equal(["R 2020", "B 2021", "Efterfølgende år i alt"], table.Columns.Select(c => c.Label));
        Assert.Equal(300m, table.Total[^1]);
        Assert.Equal(700m, table.Balance[^1]);
    }

    [Fact]
    public void Reconciling_the_2024_report_lists_the_2022_total_and_not_what_agrees()
    {
        var table = EconomicsTable.Build(AarhusLedger.Entries, Report2024);
        var published = new[]
        {
            new PublishedCell("I alt", "R 2020", 322), new PublishedCell("I alt", "R 2021", 3724),
            new PublishedCell("I alt", "R 2022", 12844), new PublishedCell("I alt", "R 2023", 14803),
            new PublishedCell("I alt", "R 2024", 564),
            new PublishedCell("Restbeløb i Fonden ult. året (80% effekt)", "R 2020", 39678),
            new PublishedCell("Restbeløb i Fonden ult. året (80% effekt)", "R 2021", 35953),
            new PublishedCell("Restbeløb i Fonden ult. året (80% effekt)", "R 2022", 23148),
        };
        var differences = Reconciliation.Compare(table, published);
        Assert.Equal(
            [("I alt", "R 2022", 12844m, 12885m), ("Restbeløb i Fonden ult. året (80% effekt)", "R 2022", 23148m, 23068m)],
            differences.Select(d => (d.Row, d.Column, d.Published, d.Computed)));
    }
}

public sealed class RoomForNewInvestmentsTests
{
    private static EconomicsTable Table(params LedgerEntry[] entries) =>
        EconomicsTable.Build(entries, new(LastActualYear: 2020, LaterFrom: 2024));

    [Fact]
    public void Room_is_the_lowest_projected_balance_and_names_the_year_that_binds_it()
    {
        var table = Table(
            new(2020, LedgerKind.Appropriation, LedgerBasis.Actual, 1_000m),
            new(2021, LedgerKind.Disbursement, LedgerBasis.Budget, 300m, Investment: "a"),
            new(2022, LedgerKind.Disbursement, LedgerBasis.Budget, 400m, Investment: "a"),
            new(2023, LedgerKind.ResultPayment, LedgerBasis.Budget, 500m, Investment: "a"));
        var room = RoomForNewInvestments.Compute(table, horizonEndYear: 2030);
        Assert.Equal(300m, room.Amount);
        Assert.Equal("B 2022", room.BindingColumn.Label);
    }

    [Fact]
    public void Room_is_never_negative_and_a_lower_effect_shrinks_it()
    {
        var entries = new LedgerEntry[]
        {
            new(2020, LedgerKind.Appropriation, LedgerBasis.Actual, 1_000m),
            new(2021, LedgerKind.Disbursement, LedgerBasis.Budget, 900m, Investment: "a"),
            new(2022, LedgerKind.ResultPayment, LedgerBasis.Budget, 1_000m, Investment: "a"),
            new(2023, LedgerKind.Disbursement, LedgerBasis.Budget, 1_000m, Investment: "b"),
        };
        var full = RoomForNewInvestments.Compute(EconomicsTable.Build(entries, new(2020, 2024, EffectPercent: 100)), 2030);
        var half = RoomForNewInvestments.Compute(EconomicsTable.Build(entries, new(2020, 2024, EffectPercent: 50)), 2030);
        Assert.Equal(100m, full.Amount);
        Assert.Equal(0m, half.Amount);
        Assert.Equal(-400m, half.LowestBalance);
    }
}
