using System.Globalization;

namespace Bundlinje.Publication;

/// <summary>Which cells of a published table of counts are hidden and whether a line's total must be hidden too.</summary>
public sealed record SuppressedTable(int[,] Counts, bool[,] Hidden, bool[] RowTotalHidden, bool[] ColumnTotalHidden)
{
    /// <summary>The cell as published: the count; "&lt;5" for a small count; <see cref="Suppression.Complementary"/> for a
    /// cell hidden only so that a small one cannot be worked out (it is not small, so it must not say "&lt;5").</summary>
    public string Cell(int row, int column) => !Hidden[row, column] ? Suppression.Number(Counts[row, column])
        : Counts[row, column] < Suppression.Threshold ? Suppression.Masked : Suppression.Complementary;
}

/// <summary>Small-number suppression of result aggregates: a count below <see cref="Threshold"/> is shown as "&lt;5", and
/// complementary suppression hides more cells where a published row or column total would otherwise give a hidden cell
/// away (a total with exactly one hidden cell: the hidden cell is the total minus the others). Pure; no database.</summary>
public static class Suppression
{
    public const int Threshold = 5;
    public const string Masked = "<5";
    /// <summary>A cell hidden by complementary suppression.</summary>
    public const string Complementary = "x";

    /// <summary>One count on its own (no total beside it): the count, or "&lt;5" below the threshold.</summary>
    public static string Show(int count) => count < Threshold ? Masked : Number(count);

    internal static string Number(int count) => count.ToString("N0", CultureInfo.GetCultureInfo("da-DK"));

    /// <summary>Suppresses a table of counts published with its row totals and/or column totals. First every count below
    /// the threshold is hidden; then, until nothing changes, a line (row with <paramref name="rowTotals"/>, column with
    /// <paramref name="columnTotals"/>) with exactly one hidden cell gets its smallest visible cell hidden too; a line that
    /// has no other cell to hide gets its total hidden instead.</summary>
    public static SuppressedTable Suppress(int[,] counts, bool rowTotals, bool columnTotals)
    {
        int rows = counts.GetLength(0), columns = counts.GetLength(1);
        var hidden = new bool[rows, columns];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
                hidden[r, c] = counts[r, c] < Threshold;
        var rowTotalHidden = new bool[rows];
        var columnTotalHidden = new bool[columns];
        for (var changed = true; changed;)
        {
            changed = false;
            if (rowTotals)
                for (var r = 0; r < rows; r++)
                    changed |= Protect(Enumerable.Range(0, columns).Select(c => (r, c)).ToList(), counts, hidden, rowTotalHidden, r);
            if (columnTotals)
                for (var c = 0; c < columns; c++)
                    changed |= Protect(Enumerable.Range(0, rows).Select(r => (r, c)).ToList(), counts, hidden, columnTotalHidden, c);
        }
        return new(counts, hidden, rowTotalHidden, columnTotalHidden);
    }

    /// <summary>One line: with exactly one hidden cell and a visible total, hides the smallest visible cell (or the total).</summary>
    private static bool Protect(List<(int R, int C)> line, int[,] counts, bool[,] hidden, bool[] totalHidden, int index)
    {
        if (totalHidden[index] || line.Count(x => hidden[x.R, x.C]) != 1) return false;
        var visible = line.Where(x => !hidden[x.R, x.C]).OrderBy(x => counts[x.R, x.C]).ThenBy(x => x.R).ThenBy(x => x.C).ToList();
        if (visible.Count == 0) totalHidden[index] = true;
        else hidden[visible[0].R, visible[0].C] = true;
        return true;
    }
}
