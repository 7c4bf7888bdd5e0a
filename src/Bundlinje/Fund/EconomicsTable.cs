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

        // One pass over the entries: each lands in at most one column, and in its row's running sum.
        var effect = options.EffectPercent / 100m;
        int? ColumnOf(LedgerEntry e)
        {
            var index = e.FiscalYear >= options.LaterFrom ? columns.Count - 1 : e.FiscalYear - first;
            return columns[index].IsActual == (e.Basis == LedgerBasis.Actual) ? index : null;
        }
        var running = new Dictionary<string, decimal[]>();
        var spending = new Dictionary<string, decimal[]>();
        var payments = new Dictionary<string, decimal[]>();
        var appropriations = new decimal[columns.Count];
        decimal[] RowOf(Dictionary<string, decimal[]> rows, string key) =>
            rows.TryGetValue(key, out var cells) ? cells : rows[key] = new decimal[columns.Count];
        foreach (var e in entries)
        {
            var row = e.Kind switch
            {
                LedgerKind.RunningCost => RowOf(running, e.Category ?? "Drift"),
                LedgerKind.Appropriation => appropriations,
                LedgerKind.ResultPayment when e.Investment is not null => RowOf(payments, e.Investment),
                _ when e.Investment is not null && IsSpending(e.Kind) => RowOf(spending, e.Investment),
                _ => null,
            };
            if (row is null || ColumnOf(e) is not { } column) continue;
            var amount = e.Kind == LedgerKind.ResultPayment && !columns[column].IsActual ? e.Amount * effect : e.Amount;
            row[column] += e.Kind == LedgerKind.ResultPayment ? -amount : amount;
        }
        var runningRows = running.Select(r => new EconomicsRow(r.Key, false, r.Value)).ToList();
        var investments = new List<EconomicsRow>();
        foreach (var key in spending.Keys.Union(payments.Keys))
        {
            investments.Add(new(key, false, spending.GetValueOrDefault(key) ?? new decimal[columns.Count]));
            if (payments.TryGetValue(key, out var paid)) investments.Add(new("- Resultatbetaling", true, paid));
        }
        var total = columns.Select((_, i) => runningRows.Sum(r => r.Cells[i]) + investments.Sum(r => r.Cells[i])).ToList();
        var balance = new List<decimal>();
        var carried = 0m;
        for (var i = 0; i < columns.Count; i++)
        {
            carried = carried - total[i] + appropriations[i];
            balance.Add(carried);
        }
        return new EconomicsTable(columns, runningRows, investments, total, balance);
    }

    /// <summary>The same table with investment keys replaced by their names, as the council's table prints them.</summary>
    public EconomicsTable WithInvestmentNames(IReadOnlyDictionary<string, string> names) =>
        new(Columns, RunningCosts, Investments.Select(r => r.Indented ? r : r with { Label = names.GetValueOrDefault(r.Label, r.Label) }).ToList(), Total, Balance);

    private static bool IsSpending(LedgerKind kind) => kind is LedgerKind.Disbursement or LedgerKind.Correction or LedgerKind.GuaranteePayment;
}
