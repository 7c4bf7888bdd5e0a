using Bundlinje.Publication;

namespace Bundlinje.Tests.Publication;

/// <summary>Small-number and complementary suppression on small hand tables: a count below 5 shows as "&lt;5", and no
/// hidden cell can be worked out from a published row or column total.</summary>
public sealed class SuppressionTests
{
    private static string[,] Shown(SuppressedTable t)
    {
        var shown = new string[t.Counts.GetLength(0), t.Counts.GetLength(1)];
        for (var r = 0; r < shown.GetLength(0); r++)
            for (var c = 0; c < shown.GetLength(1); c++) shown[r, c] = t.Cell(r, c);
        return shown;
    }

    /// <summary>Every line with a published total has no hidden cell or at least two: one hidden cell would be its total
    /// minus the visible cells.</summary>
    private static void AssertNoLineGivesACellAway(SuppressedTable t, bool rows, bool columns)
    {
        for (var r = 0; rows && r < t.Counts.GetLength(0); r++)
            if (!t.RowTotalHidden[r])
                Assert.NotEqual(1, Enumerable.Range(0, t.Counts.GetLength(1)).Count(c => t.Hidden[r, c]));
        for (var c = 0; columns && c < t.Counts.GetLength(1); c++)
            if (!t.ColumnTotalHidden[c])
                Assert.NotEqual(1, Enumerable.Range(0, t.Counts.GetLength(0)).Count(r => t.Hidden[r, c]));
    }

    [Theory]
    [InlineData(0, "<5")]
    [InlineData(1, "<5")]
    [InlineData(4, "<5")]
    [InlineData(5, "5")]
    [InlineData(1234, "1.234")]
    public void A_count_below_five_shows_as_less_than_five(int count, string shown) => Assert.Equal(shown, Suppression.Show(count));

    [Fact]
    public void Without_totals_only_the_small_counts_are_hidden()
    {
        var t = Suppression.Suppress(new[,] { { 3, 12, 20 }, { 8, 9, 30 } }, rowTotals: false, columnTotals: false);
        Assert.Equal(new[,] { { "<5", "12", "20" }, { "8", "9", "30" } }, Shown(t));
    }

    [Fact]
    public void A_row_total_with_one_small_cell_hides_the_next_smallest_cell_of_the_row()
    {
        // Naive suppression would publish 3 → "<5", 12, 20 and the total 35: the hidden cell is 35 − 12 − 20 = 3.
        var t = Suppression.Suppress(new[,] { { 3, 12, 20 } }, rowTotals: true, columnTotals: false);
        Assert.Equal(new[,] { { "<5", "x", "20" } }, Shown(t));
        Assert.False(t.RowTotalHidden[0]);
        AssertNoLineGivesACellAway(t, true, false);
    }

    [Fact]
    public void Complementary_cells_are_chosen_until_no_row_or_column_gives_a_cell_away()
    {
        // Rows: enrolled, left; columns: three cohorts. Naive suppression hides only the 2: row "left" and column 2 would
        // each give it away. Hiding 6 (next-smallest in the row) leaves column 0 with one hidden cell, so 25 is hidden;
        // column 1 hides 10 beside the 2; then every row and column has none or two hidden cells.
        var counts = new[,] { { 25, 10, 40 }, { 6, 2, 9 } };
        var naive = Suppression.Suppress(counts, rowTotals: false, columnTotals: false);
        Assert.Equal(1, Enumerable.Range(0, 3).Count(c => naive.Hidden[1, c])); // the leak the totals would open
        var t = Suppression.Suppress(counts, rowTotals: true, columnTotals: true);
        Assert.Equal(new[,] { { "x", "x", "40" }, { "x", "<5", "9" } }, Shown(t));
        AssertNoLineGivesACellAway(t, true, true);
        Assert.All(t.RowTotalHidden.Concat(t.ColumnTotalHidden), Assert.False);
    }

    [Fact]
    public void A_line_with_a_single_small_cell_and_nothing_else_to_hide_hides_its_total()
    {
        var t = Suppression.Suppress(new[,] { { 2 }, { 30 } }, rowTotals: true, columnTotals: false);
        Assert.True(t.RowTotalHidden[0]);
        Assert.False(t.RowTotalHidden[1]);
        Assert.Equal("30", t.Cell(1, 0));
    }

    [Fact]
    public void Two_small_cells_in_a_line_protect_each_other()
    {
        var t = Suppression.Suppress(new[,] { { 2, 3, 50 } }, rowTotals: true, columnTotals: false);
        Assert.Equal(new[,] { { "<5", "<5", "50" } }, Shown(t));
    }
}
