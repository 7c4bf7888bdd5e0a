namespace Bundlinje.Fund;

/// <param name="CountedInUntil">Expected result payments dated after this are not counted in (null: all are).</param>
public sealed record EconomicsOptions(int LastActualYear, int LaterFrom, int EffectPercent = 80, DateOnly? CountedInUntil = null);

/// <summary>
/// The fund's economics table (Økonomien i Fonden) computed from ledger entries: per column the running costs,
/// each investment's spending and result payments, the total, and the balance at year end, where
/// balance(year) = balance(year − 1) − total(year) + appropriations(year). Actual years use accounts entries only;
/// budget years use budget entries with expected result payments scaled by the effect percentage.
/// </summary>
public sealed class EconomicsTable
{
    public EconomicsOptions Options { get; }
    public IReadOnlyList<EconomicsColumn> Columns { get; }
    public IReadOnlyList<EconomicsRow> RunningCosts { get; }
    public IReadOnlyList<EconomicsRow> Investments { get; }
    public IReadOnlyList<decimal> Appropriations { get; }
    public IReadOnlyList<decimal> Total { get; }
    public IReadOnlyList<decimal> Balance { get; }

    private EconomicsTable(EconomicsOptions options, IReadOnlyList<EconomicsColumn> columns, IReadOnlyList<EconomicsRow> running,
        IReadOnlyList<EconomicsRow> investments, IReadOnlyList<decimal> appropriations)
    {
        (Options, Columns, RunningCosts, Investments, Appropriations) = (options, columns, running, investments, appropriations);
        Total = columns.Select((_, i) => running.Sum(r => r.Cells[i]) + investments.Sum(r => r.Cells[i])).ToList();
        var balance = new List<decimal>();
        var carried = 0m;
        for (var i = 0; i < columns.Count; i++) balance.Add(carried = carried - Total[i] + appropriations[i]);
        Balance = balance;
    }

    public static EconomicsTable Build(IReadOnlyCollection<LedgerEntry> entries, EconomicsOptions options)
    {
        entries = entries.Where(e => e.Pot == LedgerPot.InvestmentFund).ToList();
        if (entries.Count == 0) throw new ArgumentException("The fund has no ledger entries.", nameof(entries));
        if (options.EffectPercent is < 0 or > 150) throw new ArgumentOutOfRangeException(nameof(options), "Effect must be 0–150 %.");
        if (options.LaterFrom <= options.LastActualYear)
            throw new ArgumentOutOfRangeException(nameof(options), "Later years must follow the last accounts year.");
        var first = entries.Min(e => e.FiscalYear);
        var last = Math.Max(entries.Max(e => e.FiscalYear), options.LaterFrom);
        var columns = new List<EconomicsColumn>();
        for (var y = first; y < options.LaterFrom; y++)
            columns.Add(new(y <= options.LastActualYear ? $"R {y}" : $"B {y}", y, y, y <= options.LastActualYear));
        columns.Add(new("Efterfølgende år i alt", options.LaterFrom, last, false));

        // One pass over the entries: each lands in at most one column, and in its row's running sum.
        var rows = new Dictionary<(EconomicsRowKind, string), decimal[]>();
        var appropriations = new decimal[columns.Count];
        foreach (var e in entries)
        {
            if (!EconomicsRules.CountsIn(e, options.LastActualYear) || !EconomicsRules.IsCountedIn(e, options.CountedInUntil)) continue;
            var column = e.FiscalYear >= options.LaterFrom ? columns.Count - 1 : e.FiscalYear - first;
            if (e.Kind == LedgerKind.Appropriation) { appropriations[column] += e.Amount; continue; }
            if (EconomicsRules.RowOf(e) is not { } key) continue;
            if (!rows.TryGetValue(key, out var cells)) rows[key] = cells = new decimal[columns.Count];
            cells[column] += EconomicsRules.CellAmount(e, options.EffectPercent);
        }
        var running = rows.Where(r => r.Key.Item1 == EconomicsRowKind.RunningCost)
            .Select(r => new EconomicsRow(r.Key.Item2, false, r.Value, EconomicsRowKind.RunningCost, r.Key.Item2)).ToList();
        var investments = new List<EconomicsRow>();
        var empty = new decimal[columns.Count];
        foreach (var key in rows.Keys.Where(k => k.Item1 != EconomicsRowKind.RunningCost).Select(k => k.Item2).Distinct())
        {
            investments.Add(new(key, false, rows.GetValueOrDefault((EconomicsRowKind.Spending, key)) ?? empty, EconomicsRowKind.Spending,
                key));
            if (rows.TryGetValue((EconomicsRowKind.ResultPayment, key), out var paid))
                investments.Add(new("- Resultatbetaling", true, paid, EconomicsRowKind.ResultPayment, key));
        }
        return new EconomicsTable(options, columns, running, investments, appropriations);
    }

    /// <summary>The same table with investment keys replaced by their names, as the council's table prints them.</summary>
    public EconomicsTable WithInvestmentNames(IReadOnlyDictionary<string, string> names) =>
        new(Options, Columns, RunningCosts,
            Investments.Select(r => r.Indented ? r : r with { Label = names.GetValueOrDefault(r.Label, r.Label) }).ToList(),
                Appropriations);

    /// <summary>What an entry adds to a cell, or null when it is not behind it. The cell is a row (null: the total) in a
    /// column, or with <paramref name="balance"/> the balance at the column's end. The contributions of a cell's entries sum to
    /// it.</summary>
    public decimal? Contribution(LedgerEntry e, EconomicsRowKind? kind, string? reference, EconomicsColumn column, bool balance = false)
    {
        if (e.Pot != LedgerPot.InvestmentFund || !EconomicsRules.CountsIn(e, Options.LastActualYear)
            || !EconomicsRules.IsCountedIn(e, Options.CountedInUntil) || e.FiscalYear > column.LastYear) return null;
        if (balance) return e.Kind == LedgerKind.Appropriation ? e.Amount : EconomicsRules.RowOf(e) is null ? null
            : -EconomicsRules.CellAmount(e, Options.EffectPercent);
        if (e.FiscalYear < column.FirstYear || EconomicsRules.RowOf(e) is not { } row) return null;
        return kind is null || (row.Kind == kind && row.Reference == reference) ? EconomicsRules.CellAmount(e, Options.EffectPercent)
            : null;
    }
}
