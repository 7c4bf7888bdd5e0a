using Bundlinje.Reports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Bundlinje.Data.Documents;

/// <summary>The DOCX's tables in the Table Grid style: a report table (caption and unit above, a header row repeated on each
/// page, numbers right-aligned, totals bold, sub-rows indented, notes below) and a fact list (label and value).</summary>
internal static class ReportDocxTables
{
    public static void Append(Body body, ReportTable table, int width)
    {
        body.Append(ReportDocxBody.Text("Caption", table.Caption));
        if (!string.IsNullOrEmpty(table.Unit)) body.Append(ReportDocxBody.Text("TableNote", table.Unit));
        var count = Math.Max(table.Header.Count, table.Rows.Select(r => r.Cells.Count).DefaultIfEmpty(0).Max());
        var widths = Widths(count, width, first: count > 2 ? 0.3 : 0.5);
        var numeric = Enumerable.Range(0, count)
            .Select(c => c > 0 && table.Rows.Any(r => c < r.Cells.Count && r.Cells[c].Numeric)).ToList();
        var grid = Grid(widths);
        grid.Append(Row(header: true,
            Cells(widths, c => c < table.Header.Count ? table.Header[c] : "", numeric, bold: true, indented: false)));
        foreach (var row in table.Rows)
            grid.Append(Row(header: false,
                Cells(widths, c => c < row.Cells.Count ? row.Cells[c].Text : "", [.. Enumerable.Range(0, count)
                    .Select(c => c < row.Cells.Count && row.Cells[c].Numeric)], row.Total, row.Indented)));
        body.Append(grid);
        foreach (var note in table.Notes ?? []) body.Append(ReportDocxBody.Text("TableNote", note));
        if (table.Notes is not { Count: > 0 }) body.Append(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" })));
    }

    public static Table Facts(FactList facts, int width)
    {
        var widths = Widths(2, width, first: 0.4);
        var grid = Grid(widths);
        foreach (var fact in facts.Facts)
            grid.Append(Row(header: false, Cells(widths, c => c == 0 ? fact.Label : fact.Value,
                [false, false], bold: false, indented: false, boldFirst: true)));
        return grid;
    }

    private static TableRow Row(bool header, IEnumerable<TableCell> cells)
    {
        var row = new TableRow(header ? new TableRowProperties(new CantSplit(), new TableHeader())
            : new TableRowProperties(new CantSplit()));
        row.Append(cells);
        return row;
    }

    private static int[] Widths(int count, int width, double first)
    {
        if (count <= 1) return [width];
        var label = (int)(width * first);
        var rest = (width - label) / (count - 1);
        return [label, .. Enumerable.Repeat(rest, count - 1)];
    }

    private static Table Grid(int[] widths) => new(
        new TableProperties(new TableStyle { Val = "TableGrid" }, new TableWidth
        {
            Width = widths.Sum().ToString(),
            Type = TableWidthUnitValues.Dxa
        }, new TableLayout { Type = TableLayoutValues.Fixed },
            new TableLook
            {
                Val = "04A0", FirstRow = true, LastRow = false, FirstColumn = true, LastColumn = false,
                NoHorizontalBand = false, NoVerticalBand = true
            }),
        new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));

    private static IEnumerable<TableCell> Cells(int[] widths, Func<int, string> text, IReadOnlyList<bool> numeric, bool bold,
        bool indented, bool boldFirst = false) =>
        widths.Select((width, c) =>
        {
            var properties = new ParagraphProperties();
            if (c == 0 && indented) properties.Append(new Indentation { Left = "284" });
            if (numeric[c]) properties.Append(new Justification { Val = JustificationValues.Right });
            return new TableCell(new TableCellProperties(new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa }),
                new Paragraph(properties, ReportDocxBody.Run(text(c), bold || (boldFirst && c == 0))));
        });
}
