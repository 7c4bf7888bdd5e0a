namespace Bundlinje.Reports;

/// <summary>Writes a <see cref="ReportDocument"/> as a file: DOCX with Word's own styles (DocumentFormat.OpenXml, charts as
/// pictures) and PDF (the HTML of <see cref="ReportHtml"/> printed by headless Chromium). Lives in
/// <c>Bundlinje.Data/Documents</c>.</summary>
public interface IReportFiles
{
    Task<byte[]> DocxAsync(ReportDocument document, CancellationToken ct = default);

    Task<byte[]> PdfAsync(ReportDocument document, CancellationToken ct = default);
}
