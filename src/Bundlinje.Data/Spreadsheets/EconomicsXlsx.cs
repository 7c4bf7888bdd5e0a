using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

using Bundlinje.Fund;

namespace Bundlinje.Data.Spreadsheets;

/// <summary>
/// The council's table as an Excel workbook: sheet "Økonomi" in 1.000 kr. with numbers as numbers (format #.##0 in a
/// Danish Excel), sections "Drift af Fonden" and "Indsatser", bold total and balance, and the balance chart drawn by
/// Excel itself from the sheet's cells.
/// </summary>
public sealed class EconomicsXlsx : IEconomicsWorkbook
{
    private const uint Plain = 0, Bold = 1, Number = 2, BoldNumber = 3, Indented = 4, Title = 5, Header = 6;

    public byte[] Write(EconomicsReport report)
    {
        var table = report.Table ?? throw new Common.Refused("economics.noPostings");
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var rowIndex = 0u;
            Row NewRow() { var row = new Row { RowIndex = ++rowIndex }; data.Append(row); return row; }

            NewRow().Append(Text("A", rowIndex, $"{report.FundName}: Økonomien i Fonden (1.000 kr.)", Title));
            NewRow().Append(Text("A", rowIndex, $"Forventede resultatbetalinger medregnet med {report.EffectPercent} % effekt" +
                (report.Options.CountedInUntil is { } until ? $" til og med {until:dd-MM-yyyy}" : "") + ".", Plain));
            var header = NewRow();
            var headerRow = rowIndex;
            header.Append(Text("A", rowIndex, "1.000 kr.", Header));
            for (var i = 0; i < table.Columns.Count; i++) header.Append(Text(Column(i + 1), rowIndex, table.Columns[i].Label, Header));

            void Section(string label) => NewRow().Append(Text("A", rowIndex, label, Bold));
            void Line(string label, bool indented, IReadOnlyList<decimal> cells, bool bold)
            {
                var row = NewRow();
                // An indented row is indented by its style, so "- Resultatbetaling" needs no dash (which would need neutralising).
                row.Append(Text("A", rowIndex, indented ? label.TrimStart('-', ' ') : label, bold ? Bold : indented ? Indented : Plain));
                for (var i = 0; i < cells.Count; i++)
                    row.Append(new Cell
                    {
                        CellReference = Column(i + 1) + rowIndex, StyleIndex = bold ? BoldNumber : Number,
                        CellValue = new CellValue(Common.Kroner.RoundThousands(cells[i]).ToString(CultureInfo.InvariantCulture)),
                        DataType = CellValues.Number,
                    });
            }
            if (table.RunningCosts.Count > 0) Section("Drift af Fonden");
            foreach (var row in table.RunningCosts) Line(row.Label, false, row.Cells, false);
            Section("Indsatser");
            foreach (var row in table.Investments) Line(row.Label, row.Indented, row.Cells, false);
            uint? balanceRow = null;
            if (!report.Scoped)
            {
                Line(Reconciliation.TotalRow, false, table.Total, true);
                Line(report.BalanceLabel, false, table.Balance, true);
                balanceRow = rowIndex;
            }

            var widths = new Columns(new DocumentFormat.OpenXml.Spreadsheet.Column { Min = 1, Max = 1, Width = 46, CustomWidth = true },
                new DocumentFormat.OpenXml.Spreadsheet.Column
                {
                    Min = 2, Max = (uint)table.Columns.Count + 1, Width = 13,
                    CustomWidth = true
                });
            sheetPart.Worksheet = new Worksheet(widths, data);
            if (balanceRow is { } balance)
                EconomicsXlsxChart.Add(sheetPart, "Økonomi", headerRow, balance, table.Columns.Count,
                    $"{Reconciliation.BalanceRow} ({report.EffectPercent} % effekt)",
                    table.Columns.Select(c => c.Label).ToList(), table.Balance.Select(Common.Kroner.RoundThousands).ToList(),
                        anchorRow: rowIndex + 2);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Økonomi" }));
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    internal static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column(index / 26 - 1)
        + (char)('A' + index % 26);

    private static Cell Text(string column, uint row, string text, uint style) =>
        new()
        {
            CellReference = column + row, DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(Common.SpreadsheetCell.Text(text))), StyleIndex = style
        };

    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0;-#,##0" }) { Count = 1 },
        new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 11 }),
            new Font(new Bold(), new FontSize { Val = 14 }))
        { Count = 3 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true, FontId = 1, ApplyFont = true },
            new CellFormat(new Alignment { Indent = 1 }) { ApplyAlignment = true },
            new CellFormat { FontId = 2, ApplyFont = true },
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Right })
            {
                FontId = 1, ApplyFont = true,
                ApplyAlignment = true
            })
        { Count = 7 });
}
