using Bundlinje.Reports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Bundlinje.Data.Documents;

/// <summary>
/// A <see cref="ReportDocument"/> as a Word document in Word's own styles (Title, Heading 1–3, Normal, Table Grid, Quote,
/// Caption; <see cref="ReportDocxStyles"/>): numbered chapters through a list numbering (1, 1.1, 1.1.1), a table of contents
/// field Word fills in on opening, tables with a repeated header row, right-aligned numbers, bold totals and indented sub-rows,
/// facts as a two-column table, a page break before a new-page section, two text columns for a two-column section, A4 in the
/// document's layout, and each chart as a PNG picture (rasterized by <see cref="ChromiumPrinter"/>).
/// </summary>
/// <remarks>Deterministic: the same document gives the same parts; no creation or modification time is written unless one
/// is passed (the stored report record has the time it was generated).</remarks>
public static class ReportDocx
{
    /// <summary>The charts in document order: <see cref="Write"/> takes one PNG for each.</summary>
    public static IReadOnlyList<ReportChart> Charts(ReportDocument doc) =>
        [.. doc.Sections.SelectMany(s => s.Blocks).OfType<ReportChart>()];

    /// <param name="chartPictures">A PNG per chart of <see cref="Charts"/>, in that order, rasterized at the chart's size
    /// (or a multiple of it: the picture is placed at the chart's size, scaled down to the text width).</param>
    /// <param name="created">The document's creation and modification time, or null to write none.</param>
    public static byte[] Write(ReportDocument doc, IReadOnlyList<byte[]> chartPictures, DateTime? created = null)
    {
        var charts = Charts(doc);
        if (charts.Count != chartPictures.Count)
            throw new ArgumentException($"{charts.Count} charts but {chartPictures.Count} pictures.", nameof(chartPictures));
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var language = doc.Language == "en" ? "en-GB" : "da-DK";
            var main = package.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>("rIdStyles").Styles = ReportDocxStyles.Styles(language);
            main.AddNewPart<NumberingDefinitionsPart>("rIdNumbering").Numbering = ReportDocxStyles.Numbering();
            main.AddNewPart<DocumentSettingsPart>("rIdSettings").Settings = ReportDocxStyles.Settings(language);
            var body = new ReportDocxBody(doc, main, chartPictures).Write();
            main.Document = new Document(body);
            main.Document.Save();
            var properties = package.PackageProperties;
            properties.Title = doc.Title;
            properties.Subject = doc.Subtitle;
            properties.Creator = "Bundlinje";
            properties.LastModifiedBy = "Bundlinje";
            properties.Language = language;
            if (created is { } time) (properties.Created, properties.Modified) = (time, time);
        }
        return stream.ToArray();
    }
}
