using System.Globalization;
using System.Text;
using Bundlinje.Common;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Fund;

public sealed record EconomicsReport(string FundKey, int EffectPercent, EconomicsTable Table)
{
    public string BalanceLabel => $"{Reconciliation.BalanceRow} ({EffectPercent}% effekt)";

    /// <summary>CSV in 1.000 kr.: the row label as printed, then one column per year label; totals and balance included.</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder();
        void Line(string label, IEnumerable<decimal> cells) => csv.Append(Quote(label)).Append(',')
            .AppendJoin(',', cells.Select(c => decimal.Round(c / 1000m, 0, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture)))
            .Append('\n');
        csv.Append("1.000 kr.,").AppendJoin(',', Table.Columns.Select(c => Quote(c.Label))).Append('\n');
        foreach (var row in Table.RunningCosts.Concat(Table.Investments)) Line(row.Label, row.Cells);
        Line(Reconciliation.TotalRow, Table.Total);
        Line(BalanceLabel, Table.Balance);
        return csv.ToString();
    }

    private static string Quote(string text) => text.Contains(',') || text.Contains('"') ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
}

/// <summary>Builds a fund's economics table from its stored ledger; work in progress for issue #3.</summary>
public sealed class FundEconomics(IBundlinjeStore store)
{
    /// <param name="effectPercent">Defaults to the fund's budget effect (Aarhus 80).</param>
    /// <param name="laterFrom">First year folded into "Efterfølgende år i alt"; defaults to four budget years after the last accounts year.</param>
    public async Task<EconomicsReport> BuildAsync(string fundKey, int? effectPercent = null, int? laterFrom = null, CancellationToken ct = default)
    {
        var fund = await store.Funds.AsNoTracking().FirstOrDefaultAsync(f => f.Key == fundKey, ct)
            ?? throw new ArgumentException($"Unknown fund '{fundKey}'.");
        var postings = await store.LedgerPostings.AsNoTracking().Include(p => p.Investment)
            .Where(p => p.FundId == fund.Id).ToListAsync(ct);
        if (postings.Count == 0) throw new ArgumentException($"Fund '{fundKey}' has no ledger postings.");
        var lastActual = postings.Where(p => p.Basis == LedgerBasis.Actual).Select(p => p.FiscalYear).DefaultIfEmpty(postings.Min(p => p.FiscalYear) - 1).Max();
        var effect = effectPercent ?? fund.BudgetEffectPercent;
        var table = EconomicsTable.Build(postings.Select(p => p.ToEntry()).ToList(), new(lastActual, laterFrom ?? lastActual + 5, effect));
        var names = postings.Where(p => p.Investment is not null).Select(p => p.Investment!).DistinctBy(i => i.Key).ToDictionary(i => i.Key, i => i.Name);
        return new EconomicsReport(fundKey, effect, table.WithInvestmentNames(names));
    }
}
