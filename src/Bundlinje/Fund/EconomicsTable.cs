namespace Bundlinje.Fund;

/// <summary>A column of the council's table: an accounts year "R yyyy", a budget year "B yyyy", or later years summed.</summary>
public sealed record EconomicsColumn(string Label, int FirstYear, int LastYear, bool IsActual);

/// <summary>A row: a running-cost category, an investment's spending, or its (negative) result payments.</summary>
public sealed record EconomicsRow(string Label, bool Indented, IReadOnlyList<decimal> Cells);

public sealed record EconomicsOptions(int LastActualYear, int LaterFrom, int EffectPercent = 80);

/// <summary>
/// The fund's economics table (Økonomien i Fonden) computed from ledger entries: per column the running costs,
/// each investment's spending and result payments, the total, and the balance at year end, where
/// balance(year) = balance(year − 1) − total(year) + appropriations(year). Actual years use accounts entries only;
/// later years use budget entries with expected result payments scaled by the effect percentage.
/// Work in progress for issue #3: computed here, not yet shown or stored.
/// </summary>
public sealed class EconomicsTable
{
    public IReadOnlyList<EconomicsColumn> Columns { get; }
    public IReadOnlyList<EconomicsRow> RunningCosts { get; }
    public IReadOnlyList<EconomicsRow> Investments { get; }
    public IReadOnlyList<decimal> Total { get; }
    public IReadOnlyList<decimal> Balance { get; }

    private EconomicsTable(IReadOnlyList<EconomicsColumn> columns, IReadOnlyList<EconomicsRow> running,
        IReadOnlyList<EconomicsRow> investments, IReadOnlyList<decimal> total, IReadOnlyList<decimal> balance) =>
        (Columns, RunningCosts, Investments, Total, Balance) = (columns, running, investments, total, balance);

    public static EconomicsTable Build(IReadOnlyCollection<LedgerEntry> entries, EconomicsOptions options)
    {
        if (entries.Count == 0) throw new ArgumentException("The fund has no ledger entries.", nameof(entries));
        if (options.EffectPercent is < 0 or > 150) throw new ArgumentOutOfRangeException(nameof(options), "Effect must be 0–150 %.");
        if (options.LaterFrom <= options.LastActualYear) throw new ArgumentOutOfRangeException(nameof(options), "Later years must follow the last accounts year.");
        var first = entries.Min(e => e.FiscalYear);
        var last = Math.Max(entries.Max(e => e.FiscalYear), options.LaterFrom);
        var columns = new List<EconomicsColumn>();
        for (var y = first; y < options.LaterFrom; y++)
            columns.Add(new(y <= options.LastActualYear ? $"R {y}" : $"B {y}", y, y, y <= options.LastActualYear));
        columns.Add(new("Efterfølgende år i alt", options.LaterFrom, last, false));

        var effect = options.EffectPercent / 100m;
        decimal Cell(EconomicsColumn column, Func<LedgerEntry, bool> match, bool resultPayment = false) =>
            entries.Where(e => e.FiscalYear >= column.FirstYear && e.FiscalYear <= column.LastYear
                               && e.Basis == (column.IsActual ? LedgerBasis.Actual : LedgerBasis.Budget) && match(e))
                .Sum(e => resultPayment && !column.IsActual ? e.Amount * effect : e.Amount);

        var running = entries.Where(e => e.Kind == LedgerKind.RunningCost).Select(e => e.Category ?? "Drift").Distinct()
            .Select(category => new EconomicsRow(category, false,
                columns.Select(c => Cell(c, e => e.Kind == LedgerKind.RunningCost && (e.Category ?? "Drift") == category)).ToList()))
            .ToList();
        var investments = new List<EconomicsRow>();
        foreach (var key in entries.Where(e => e.Investment is not null).Select(e => e.Investment!).Distinct())
        {
            investments.Add(new(key, false, columns.Select(c => Cell(c, e => e.Investment == key && IsSpending(e.Kind))).ToList()));
            if (entries.Any(e => e.Investment == key && e.Kind == LedgerKind.ResultPayment))
                investments.Add(new("- Resultatbetaling", true,
                    columns.Select(c => -Cell(c, e => e.Investment == key && e.Kind == LedgerKind.ResultPayment, resultPayment: true)).ToList()));
        }
        var total = columns.Select((_, i) => running.Sum(r => r.Cells[i]) + investments.Sum(r => r.Cells[i])).ToList();
        var balance = new List<decimal>();
        var carried = 0m;
        for (var i = 0; i < columns.Count; i++)
        {
            carried = carried - total[i] + Cell(columns[i], e => e.Kind == LedgerKind.Appropriation);
            balance.Add(carried);
        }
        return new EconomicsTable(columns, running, investments, total, balance);
    }

    private static bool IsSpending(LedgerKind kind) => kind is LedgerKind.Disbursement or LedgerKind.Correction or LedgerKind.GuaranteePayment;
}
