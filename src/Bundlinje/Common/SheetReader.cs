namespace Bundlinje.Common;

public enum SheetFormat { Csv, Xlsx }

/// <summary>
/// Reads the first sheet of a spreadsheet file (CSV or XLSX) into rows. The domain owns this contract; the reader lives in
/// <c>Bundlinje.Data/Spreadsheets</c>. A file that cannot be read throws (the caller names the file in its refusal).
/// </summary>
public interface ISheetReader
{
    /// <summary>With <paramref name="headerRow"/>: each row keyed by its column header as written; without: by column
    /// letter (A, B, C, ...). Values as the file holds them: text, numbers, dates (DateTime), or null. XLSX text is never
    /// cached on disk while it is read (a participant file's CPR numbers).</summary>
    IReadOnlyList<IDictionary<string, object?>> Read(Stream content, SheetFormat format, bool headerRow);
}
