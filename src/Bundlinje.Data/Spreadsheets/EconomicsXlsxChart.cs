using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using S = DocumentFormat.OpenXml.Spreadsheet;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

using Bundlinje.Fund;

namespace Bundlinje.Data.Spreadsheets;

/// <summary>A native Excel line chart of the balance row, reading the sheet's own cells (with cached values so it shows at once).</summary>
internal static class EconomicsXlsxChart
{
    public static void Add(WorksheetPart sheet, string sheetName, uint headerRow, uint valueRow, int columnCount, string title,
        IReadOnlyList<string> labels, IReadOnlyList<decimal> values, uint anchorRow)
    {
        var drawings = sheet.AddNewPart<DrawingsPart>();
        sheet.Worksheet.Append(new S.Drawing { Id = sheet.GetIdOfPart(drawings) });
        var chartPart = drawings.AddNewPart<ChartPart>();
        string Range(uint row) => $"'{sheetName}'!$B${row}:${EconomicsXlsx.Column(columnCount)}${row}";

        var categories = new C.StringCache(new C.PointCount { Val = (uint)labels.Count });
        for (var i = 0; i < labels.Count; i++) categories.Append(new C.StringPoint(new C.NumericValue(labels[i])) { Index = (uint)i });
        var numbers = new C.NumberingCache(new C.FormatCode("#,##0"), new C.PointCount { Val = (uint)values.Count });
        for (var i = 0; i < values.Count; i++) numbers.Append(
            new C.NumericPoint(new C.NumericValue(values[i].ToString(CultureInfo.InvariantCulture))) { Index = (uint)i });

        var series = new C.LineChartSeries(
            new C.Index { Val = 0 }, new C.Order { Val = 0 },
            new C.SeriesText(new C.StringReference(new C.Formula($"'{sheetName}'!$A${valueRow}"))),
            new C.Marker(new C.Symbol { Val = C.MarkerStyleValues.Circle }),
            new C.CategoryAxisData(new C.StringReference(new C.Formula(Range(headerRow)), categories)),
            new C.Values(new C.NumberReference(new C.Formula(Range(valueRow)), numbers)),
            new C.Smooth { Val = false });
        var plot = new C.PlotArea(new C.Layout(),
            new C.LineChart(new C.Grouping { Val = C.GroupingValues.Standard }, new C.VaryColors { Val = false }, series,
                new C.ShowMarker { Val = true }, new C.AxisId { Val = 1 }, new C.AxisId { Val = 2 }),
            new C.CategoryAxis(new C.AxisId { Val = 1 }, new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
                new C.Delete { Val = false }, new C.AxisPosition { Val = C.AxisPositionValues.Bottom },
                new C.TickLabelPosition { Val = C.TickLabelPositionValues.Low }, new C.CrossingAxis { Val = 2 },
                new C.Crosses { Val = C.CrossesValues.AutoZero }, new C.AutoLabeled { Val = true },
                new C.LabelAlignment { Val = C.LabelAlignmentValues.Center }, new C.LabelOffset { Val = 100 }),
            new C.ValueAxis(new C.AxisId { Val = 2 }, new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
                new C.Delete { Val = false }, new C.AxisPosition { Val = C.AxisPositionValues.Left }, new C.MajorGridlines(),
                new C.Title(Rich("1.000 kr."), new C.Overlay { Val = false }),
                new C.NumberingFormat { FormatCode = "#,##0", SourceLinked = false },
                new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo }, new C.CrossingAxis { Val = 1 },
                new C.Crosses { Val = C.CrossesValues.AutoZero }, new C.CrossBetween { Val = C.CrossBetweenValues.Between }));
        chartPart.ChartSpace = new C.ChartSpace(
            new C.EditingLanguage { Val = "da-DK" },
            new C.Chart(new C.Title(Rich(title), new C.Overlay { Val = false }), new C.AutoTitleDeleted { Val = false }, plot,
                new C.PlotVisibleOnly { Val = true }, new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap }));

        drawings.WorksheetDrawing = new Xdr.WorksheetDrawing(new Xdr.TwoCellAnchor(
            new Xdr.FromMarker(new Xdr.ColumnId("0"), new Xdr.ColumnOffset("0"),
                new Xdr.RowId((anchorRow - 1).ToString(CultureInfo.InvariantCulture)), new Xdr.RowOffset("0")),
            new Xdr.ToMarker(new Xdr.ColumnId("8"), new Xdr.ColumnOffset("0"),
                new Xdr.RowId((anchorRow + 19).ToString(CultureInfo.InvariantCulture)), new Xdr.RowOffset("0")),
            new Xdr.GraphicFrame(
                new Xdr.NonVisualGraphicFrameProperties(new Xdr.NonVisualDrawingProperties { Id = 2, Name = title },
                    new Xdr.NonVisualGraphicFrameDrawingProperties()),
                new Xdr.Transform(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 0, Cy = 0 }),
                new A.Graphic(new A.GraphicData(
                    new C.ChartReference
                    {
                        Id = drawings.GetIdOfPart(
                        chartPart)
                    })
                { Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart" }))
            { Macro = "" },
            new Xdr.ClientData()));
    }

    private static C.ChartText Rich(string text) =>
        new(new C.RichText(new A.BodyProperties(), new A.ListStyle(), new A.Paragraph(new A.Run(new A.Text(text)))));
}
