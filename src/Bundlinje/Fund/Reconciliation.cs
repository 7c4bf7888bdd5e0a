namespace Bundlinje.Fund;

/// <summary>A published cell (row label and column label as printed, value in 1.000 kr.).</summary>
public sealed record PublishedCell(string Row, string Column, decimal Value);

/// <summary>A published cell that differs from the computed one; <see cref="Computed"/> is null when the computed
/// table has no such row or column (then <see cref="Missing"/> says which).</summary>
public sealed record CellDifference(string Row, string Column, decimal Published, decimal? Computed, string? Missing = null)
{
    public decimal? Difference => Published - Computed;
}

/// <summary>Compares a published table with the computed one.</summary>
public static class Reconciliation
{
    public const string TotalRow = "I alt";
    public const string BalanceRow = "Restbeløb i Fonden ult. året";

    /// <param name="tolerance">In 1.000 kr.; differences up to it count as rounding.</param>
    public static IReadOnlyList<CellDifference> Compare(EconomicsTable table, IEnumerable<PublishedCell> published, decimal tolerance = 1m)
    {
        var differences = new List<CellDifference>();
        foreach (var cell in published)
        {
            var column = table.Columns.ToList().FindIndex(c => c.Label == cell.Column);
            var row = Row(table, cell.Row);
            if (column < 0 || row is null)
            {
                var missing = row is null ? $"rækken '{cell.Row}' findes ikke i den beregnede tabel"
                    : $"kolonnen '{cell.Column}' findes ikke i den beregnede tabel";
                differences.Add(new(cell.Row, cell.Column, cell.Value, null, missing));
                continue;
            }
            var computed = row[column] / 1000m;
            if (Math.Abs(cell.Value - computed) > tolerance)
                differences.Add(new(cell.Row, cell.Column, cell.Value, Common.Kroner.RoundThousands(row[column])));
        }
        return differences;
    }

    private static IReadOnlyList<decimal>? Row(EconomicsTable table, string label) => label switch
    {
        TotalRow => table.Total,
        _ when label.StartsWith(BalanceRow, StringComparison.Ordinal) => table.Balance,
        _ => table.RunningCosts.Concat(table.Investments).FirstOrDefault(r => r.Label == label && !r.Indented)?.Cells,
    };
}
