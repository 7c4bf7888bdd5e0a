namespace Bundlinje.Fund;

/// <summary>The room (råderum) with the column that binds it: the lowest projected balance from now to the horizon.</summary>
public sealed record Room(decimal Amount, EconomicsColumn BindingColumn, decimal LowestBalance);

/// <summary>
/// How much the council can commit now without the balance falling below zero within the horizon: money committed
/// now lowers every later balance by the same amount, so the room is the lowest balance from the first budget column
/// to the horizon (never below zero). New commitments' own result payments are not counted in (prudent).
/// </summary>
public static class RoomForNewInvestments
{
    public static Room? TryCompute(EconomicsTable table, int horizonEndYear) =>
        table.Columns.Any(c => !c.IsActual && c.FirstYear <= horizonEndYear) ? Compute(table, horizonEndYear) : null;

    public static Room Compute(EconomicsTable table, int horizonEndYear)
    {
        var window = table.Columns.Select((column, index) => (column, index))
            .Where(c => !c.column.IsActual && c.column.FirstYear <= horizonEndYear).ToList();
        if (window.Count == 0) throw new ArgumentException("The table has no budget year within the horizon.", nameof(horizonEndYear));
        var (column, index) = window.MinBy(c => table.Balance[c.index]);
        var lowest = table.Balance[index];
        return new Room(Math.Max(0m, lowest), column, lowest);
    }
}
