using Bundlinje.Common;
using Bundlinje.Fund;

namespace Bundlinje.Reports.Annual;

/// <summary>Chapter 6: the economics table as <see cref="FundEconomics"/> computed it, in 1.000 kr. in the council's layout
/// (<see cref="EconomicsReport.PrintedRows"/>), its notes, the published figures that differ from it, the room for new
/// investments and the two charts of the Economics page.</summary>
internal static class AnnualEconomics
{
    /// <summary>The unit of the council's tables, in both languages (numbers are da-DK in both).</summary>
    private const string Unit = "1.000 kr.";

    public static IEnumerable<ReportBlock> Blocks(AnnualFacts f)
    {
        var report = f.Economics;
        if (report.Table is not { } table)
        {
            yield return new GeneratedText(f.T("Fonden har ingen posteringer.", "The fund has no postings."), $"/Funds/{f.FundKey}/Ledger");
            yield break;
        }
        yield return Table(f, report, table);
        foreach (var block in Reconciliation(f, report, table)) yield return block;
        if (report.Room is { } room)
            yield return new GeneratedText(f.T(
                $"Råderum til nye investeringer: {Kroner.Format(room.Amount)} (det laveste restbeløb frem til {report.HorizonEndYear}, " +
                $"i {room.BindingColumn.Label}, ved {report.EffectPercent} % effekt).",
                $"Room for new investments: {Kroner.Format(room.Amount)} (the lowest balance up to {report.HorizonEndYear}, in " +
                $"{f.EconomicsLabel(room.BindingColumn.Label)}, at {report.EffectPercent}% effect)."),
                CellLink(f, null, null, room.BindingColumn, balance: true));
        var balance = f.T($"Restbeløb i Fonden ult. året ({report.EffectPercent} % effekt)",
            $"Balance of the fund at year end ({report.EffectPercent}% effect)");
        var spending = f.T($"Udgifter og resultatbetalinger ({report.EffectPercent} % effekt)",
            $"Spending and result payments ({report.EffectPercent}% effect)");
        yield return new ReportChart(balance, EconomicsCharts.Balance(table, balance), 760, 300);
        yield return new ReportChart(spending, EconomicsCharts.SpendingAndResultPayments(table, spending), 760, 300);
    }

    private static ReportTable Table(AnnualFacts f, EconomicsReport report, EconomicsTable table)
    {
        var tableRows = table.RunningCosts.Concat(table.Investments).ToList();
        var rows = report.PrintedRows().Select((printed, index) =>
        {
            var row = index < tableRows.Count ? tableRows[index] : null;
            var isBalance = index == tableRows.Count + 1;
            var cells = printed.Cells.Select((cell, c) => new ReportCell(Kroner.Thousands(cell), true,
                CellLink(f, row?.Kind, row?.Reference, table.Columns[c], isBalance)));
            return new ReportRow([f.EconomicsLabel(printed.Label), .. cells], Total: row is null, Indented: printed.Indented);
        }).ToList();
        var columns = table.Columns;
        var later = columns[^1];
        var notes = new List<string>
        {
            f.T("R = regnskab, B = budget.", "R = accounts, B = budget."),
            f.T($"Resultatbetalinger i budgetårene er de forventede ved {report.EffectPercent} % effekt.",
                $"Result payments in the budget years are those expected at {report.EffectPercent}% effect."),
            f.T($"Efterfølgende år i alt: {Years(later)}.", $"Later years, total: {Years(later)}."),
        };
        if (report.Options.LastActualYear != f.Year)
            notes.Add(f.T(
                $"Regnskabskolonnerne går til og med {report.Options.LastActualYear} (det seneste lukkede/bogførte regnskabsår).",
                $"The accounts columns run to {report.Options.LastActualYear} (the latest closed/posted fiscal year)."));
        return new ReportTable(f.T($"Tabel 2: Økonomien i {f.FundName}", $"Table 2: The economics of {f.FundName}"),
            ["", .. columns.Select(c => f.EconomicsLabel(c.Label))], rows, Unit, notes);
    }

    /// <summary>The published figures that differ from the computed ones (more than 1.000 kr.), when a published table was given.</summary>
    private static IEnumerable<ReportBlock> Reconciliation(AnnualFacts f, EconomicsReport report, EconomicsTable table)
    {
        if (f.Differences is not { } differences) yield break;
        var reconcile = $"/Funds/{f.FundKey}/Reconcile";
        if (differences.Count == 0)
        {
            yield return new GeneratedText(
                f.T("Alle tal i den offentliggjorte tabel stemmer med den beregnede tabel (inden for 1.000 kr.).",
                "Every figure of the published table agrees with the computed table (within 1.000 kr.)."), reconcile);
            yield break;
        }
        yield return new GeneratedText(f.T(
            $"Afstemning: {differences.Count} tal i den offentliggjorte tabel afviger fra den beregnede tabel.",
            $"Reconciliation: {differences.Count} figures of the published table differ from the computed table."), reconcile);
        yield return new ReportTable(f.T("Afvigelser fra den offentliggjorte tabel", "Differences from the published table"),
            [f.T("Række", "Row"), f.T("Kolonne", "Column"), f.T("Offentliggjort", "Published"), f.T("Beregnet", "Computed"),
                f.T("Forskel", "Difference")],
            [.. differences.Select(d =>
            {
                var column = table.Columns.FirstOrDefault(c => c.Label == d.Column);
                var source = column is null ? reconcile : CellLink(f, RowOf(table, d.Row)?.Kind, RowOf(table, d.Row)?.Reference, column,
                    d.Row.StartsWith(Fund.Reconciliation.BalanceRow, StringComparison.Ordinal));
                return new ReportRow([f.EconomicsLabel(d.Row), f.EconomicsLabel(d.Column), new ReportCell(Number(d.Published), true),
                    new ReportCell(d.Computed is { } c ? Number(c) : d.Missing ?? "", d.Computed is not null, source),
                    new ReportCell(d.Difference is { } diff ? Number(diff) : "", true)]);
            })], Unit);
    }

    private static string Years(EconomicsColumn c) => c.FirstYear == c.LastYear ? $"{c.FirstYear}" : $"{c.FirstYear}–{c.LastYear}";

    private static string Number(decimal thousands) => thousands.ToString("#,##0.##", Kroner.Danish);

    private static EconomicsRow? RowOf(EconomicsTable table, string label) =>
        table.RunningCosts.Concat(table.Investments).FirstOrDefault(r => r.Label == label && !r.Indented);

    /// <summary>The ledger's drill-down of a cell, with the parameters the table was computed under (as the Economics page).</summary>
    internal static string CellLink(AnnualFacts f, EconomicsRowKind? kind, string? reference, EconomicsColumn column, bool balance = false)
    {
        var o = f.Economics.Options;
        return $"/Funds/{f.FundKey}/Ledger?effect={o.EffectPercent}&laterFrom={o.LaterFrom}"
            + (o.CountedInUntil is { } d ? $"&countedIn={d:yyyy-MM-dd}" : "")
            + $"&column={Uri.EscapeDataString(column.Label)}"
            + (kind is { } k ? $"&row={k}&reference={Uri.EscapeDataString(reference!)}" : "") + (balance ? "&balance=true" : "");
    }
}
