using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Bundlinje.Data.Spreadsheets;
using Bundlinje.Fund;

namespace Bundlinje.Tests.Fund;

public sealed class EconomicsXlsxTests
{
    private static EconomicsReport Report(bool scoped = false) => new("aarhus", "Aarhus", new(2024, 2029),
        EconomicsTable.Build(AarhusLedger.Entries, new(LastActualYear: 2024, LaterFrom: 2029)), AarhusLedger.Entries,
        new Dictionary<string, string>(), scoped, 2029);

    private static (SpreadsheetDocument Document, Dictionary<string, Row> Rows) Open(byte[] bytes)
    {
        var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().Where(r => r.Elements<Cell>().First().InlineString is not null)
            .GroupBy(r => r.Elements<Cell>().First().InlineString!.InnerText).ToDictionary(g => g.Key, g => g.First());
        return (document, rows);
    }

    private static string Value(Row row, int column) => row.Elements<Cell>().ElementAt(column).CellValue!.Text;

    [Fact]
    public void The_workbook_is_valid_and_holds_the_councils_table_as_numbers_with_its_chart()
    {
        var (document, rows) = Open(new EconomicsXlsx().Write(Report()));
        using (document)
        {
            Assert.Empty(new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken)
                .Select(e => $"{e.Path?.XPath}: {e.Description}"));
            var header = rows["1.000 kr."].Elements<Cell>().Skip(1).Select(c => c.InlineString!.InnerText);
            Assert.Equal(["R 2020", "R 2021", "R 2022", "R 2023", "R 2024", "B 2025", "B 2026", "B 2027", "B 2028",
                "Efterfølgende år i alt"], header);
            var total = rows["I alt"];
            Assert.Equal(("322", "12885"), (Value(total, 1), Value(total, 3)));
            Assert.Equal(CellValues.Number, total.Elements<Cell>().ElementAt(3).DataType!.Value);
            Assert.Equal("23068", Value(rows["Restbeløb i Fonden ult. året (80% effekt)"], 3));
            var chart = Assert.Single(document.WorkbookPart!.WorksheetParts.Single().DrawingsPart!.ChartParts);
            Assert.Contains("80 % effekt", chart.ChartSpace.InnerText);
            // A result-payment row is indented by its style; its label carries no dash that would need an apostrophe.
            Assert.True(rows.ContainsKey("Resultatbetaling"));
            Assert.DoesNotContain(rows.Keys, k => k.Contains("'- "));
        }
    }

    [Fact]
    public void A_scoped_workbook_has_no_total_balance_or_chart()
    {
        var (document, rows) = Open(new EconomicsXlsx().Write(Report(scoped: true)));
        using (document)
        {
            Assert.False(rows.ContainsKey("I alt"));
            Assert.Null(document.WorkbookPart!.WorksheetParts.Single().DrawingsPart);
            Assert.Empty(new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken));
        }
    }
}
