using Bundlinje.Common;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Bundlinje.Data.Spreadsheets;

/// <summary>CSV and XLSX read with MiniExcel, all rows at once (the callers validate every row before they keep any).</summary>
public sealed class MiniExcelSheets : ISheetReader
{
    public IReadOnlyList<IDictionary<string, object?>> Read(Stream content, SheetFormat format, bool headerRow)
    {
        var type = format == SheetFormat.Xlsx ? ExcelType.XLSX : ExcelType.CSV;
        // No shared-strings cache on disk: MiniExcel would otherwise spill a large sheet's strings (CPR numbers) to the temp folder.
        var configuration = type == ExcelType.XLSX ? new OpenXmlConfiguration { EnableSharedStringCache = false } : null;
        return content.Query(useHeaderRow: headerRow, excelType: type, configuration: configuration)
            .Cast<IDictionary<string, object?>>().ToList();
    }
}
