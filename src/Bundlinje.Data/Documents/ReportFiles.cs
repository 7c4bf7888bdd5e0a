using Bundlinje.Reports;

namespace Bundlinje.Data.Documents;

/// <summary>The report's files: the DOCX (<see cref="ReportDocx"/>, its charts rasterized by Chromium) and the PDF
/// (<see cref="ReportHtml.Standalone"/> printed by Chromium).</summary>
public sealed class ReportFiles(ChromiumPrinter printer) : IReportFiles
{
    public async Task<byte[]> DocxAsync(ReportDocument document, CancellationToken ct = default)
    {
        var pictures = new List<byte[]>();
        foreach (var chart in ReportDocx.Charts(document)) pictures.Add(await printer.PngAsync(chart.Svg, chart.Width, chart.Height, ct));
        return ReportDocx.Write(document, pictures);
    }

    public Task<byte[]> PdfAsync(ReportDocument document, CancellationToken ct = default) =>
        printer.PdfAsync(ReportHtml.Standalone(document), ct);
}
