using System.Globalization;
using Bundlinje.BusinessCases;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Bundlinje.Tests.BusinessCases;

/// <summary>What an analyst does to an exported workbook, done with OpenXml: change a cell, delete a sheet; and the
/// demo's cases computed without a database (the demo catalogue's prices, the Ministry's rates).</summary>
internal static class Workbooks
{
    public static BusinessCase Demo(string file) =>
        BusinessCaseFile.Read(DemoBusinessCases.Read($"Bundlinje.BusinessCases.Demo.{file}.json"));

    public static ComputedCase Computed(BusinessCase c, int revision = 1)
    {
        var catalogue = UnitPriceFile.ReadDemo();
        var prices = PriceBook.Resolve(c, catalogue.Prices(fundId: 1), catalogue.Index);
        var rates = DiscountRates.Ministry2021;
        var stored = new StoredBusinessCase
        {
            Json = BusinessCaseFile.Write(c), Hash = BusinessCaseFile.Hash(c), SavedBy = "test", Revision = revision,
            AgreementVersion = c.AgreementVersion, Part = c.Part ?? "",
        };
        return new(stored, c, BusinessCaseMath.Compute(c, (o, q) => prices[o, q], rates),
            Sensitivity.Table(c, (o, q) => prices[o, q], rates, 0.2m), prices, 0.2m);
    }

    /// <summary>The workbook with one cell set: a string as text, a number as a number (a <see cref="NumberText"/> with its
    /// text as given), null to clear it.</summary>
    public static byte[] Edit(byte[] xlsx, string sheet, string reference, object? value)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var data = Part(document, sheet).Worksheet.GetFirstChild<SheetData>()!;
            var rowNumber = uint.Parse(new string(reference.SkipWhile(char.IsLetter).ToArray()), CultureInfo.InvariantCulture);
            var row = data.Elements<Row>().FirstOrDefault(r => r.RowIndex!.Value == rowNumber);
            if (row is null)
            {
                row = new Row { RowIndex = rowNumber };
                var after = data.Elements<Row>().LastOrDefault(r => r.RowIndex!.Value < rowNumber);
                if (after is null) data.PrependChild(row); else after.InsertAfterSelf(row);
            }
            var cell = row.Elements<Cell>().FirstOrDefault(c => c.CellReference == reference);
            if (cell is null)
            {
                cell = new Cell { CellReference = reference };
                var after = row.Elements<Cell>().LastOrDefault(c => string.CompareOrdinal(c.CellReference!.Value, reference) < 0
                    && c.CellReference!.Value!.Length <= reference.Length);
                if (after is null) row.PrependChild(cell); else after.InsertAfterSelf(cell);
            }
            cell.InlineString = null;
            cell.CellValue = null;
            switch (value)
            {
                case null: cell.DataType = null; break;
                case NumberText number:
                    cell.DataType = CellValues.Number;
                    cell.CellValue = new CellValue(number.Text);
                    break;
                case string text:
                    cell.DataType = CellValues.InlineString;
                    cell.InlineString = new InlineString(new Text(text));
                    break;
                default:
                    cell.DataType = CellValues.Number;
                    cell.CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!);
                    break;
            }
        }
        return stream.ToArray();
    }

    /// <summary>The workbook as Excel saves it: text in the shared-string table (t="s"), numbers without a type.</summary>
    public static byte[] AsExcelSaves(byte[] xlsx)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var workbook = document.WorkbookPart!;
            var table = new SharedStringTable();
            var index = new Dictionary<string, int>();
            foreach (var cell in workbook.WorksheetParts.SelectMany(w => w.Worksheet.Descendants<Cell>()).ToList())
            {
                if (cell.DataType?.Value == CellValues.InlineString)
                {
                    var text = cell.InlineString!.InnerText;
                    if (!index.TryGetValue(text, out var i))
                    {
                        index[text] = i = index.Count;
                        table.Append(new SharedStringItem(new Text(text)));
                    }
                    cell.InlineString = null;
                    cell.DataType = CellValues.SharedString;
                    cell.CellValue = new CellValue(i.ToString(CultureInfo.InvariantCulture));
                }
                else if (cell.DataType?.Value == CellValues.Number) cell.DataType = null;
            }
            workbook.AddNewPart<SharedStringTablePart>().SharedStringTable = table;
        }
        return stream.ToArray();
    }

    /// <summary>A number cell with exactly this text (as Excel may store it: "0.59999999999999998", "1E+300").</summary>
    public sealed record NumberText(string Text);

    public static byte[] RemoveSheet(byte[] xlsx, string sheet)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var workbook = document.WorkbookPart!;
            var entry = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet);
            workbook.DeletePart(workbook.GetPartById(entry.Id!));
            entry.Remove();
        }
        return stream.ToArray();
    }

    /// <summary>A cell's text as stored (inline or shared string, or the number's text).</summary>
    public static string? Cell(byte[] xlsx, string sheet, string reference)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var cell = Part(document, sheet).Worksheet.Descendants<Cell>().FirstOrDefault(c => c.CellReference == reference);
        return cell?.InlineString?.InnerText ?? cell?.CellValue?.Text;
    }

    public static IReadOnlyList<string> SheetNames(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        return document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();
    }

    private static WorksheetPart Part(SpreadsheetDocument document, string sheet)
    {
        var workbook = document.WorkbookPart!;
        var id = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet).Id!;
        return (WorksheetPart)workbook.GetPartById(id!);
    }
}
