using Bundlinje.Data.Documents;
using Bundlinje.Reports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Bundlinje.Tests.Reports;

public class RenderingDocxTests
{
    [Fact]
    public async Task The_annual_reports_docx_is_valid_and_reads_back_as_the_documents_text_every_time()
    {
        if (RenderingTools.Files() is not { } files) return;
        var doc = RenderingDocument.Annual();
        var first = await files.DocxAsync(doc, TestContext.Current.CancellationToken);
        var second = await files.DocxAsync(doc, TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(RenderingTools.Pages, "annual.docx"), first, TestContext.Current.CancellationToken);

        var expected = doc.PlainText().Split('\n').Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        Assert.Equal(expected, Lines(first));
        Assert.Equal(expected, Lines(second));
        Assert.Contains(RenderingDocument.Hostile, expected);

        using var package = WordprocessingDocument.Open(new MemoryStream(first), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(package, TestContext.Current.CancellationToken).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path?.XPath} {e.Node?.LocalName}: {e.Description}")));
        Assert.Equal("Bundlinje", package.PackageProperties.Creator);
        Assert.Equal("da-DK", package.PackageProperties.Language);
        Assert.Equal(doc.Title, package.PackageProperties.Title);
    }

    [Fact]
    public async Task Headings_are_Words_numbered_headings_under_a_table_of_contents_and_tables_keep_the_councils_layout()
    {
        if (RenderingTools.Files() is not { } files) return;
        var doc = RenderingDocument.Annual();
        using var package =
            WordprocessingDocument.Open(new MemoryStream(await files.DocxAsync(doc, TestContext.Current.CancellationToken)), false);
        var main = package.MainDocumentPart!;
        var body = main.Document!.Body!;
        var styles = main.StyleDefinitionsPart!.Styles!.Elements<Style>().Select(s => s.StyleId!.Value).ToList();
        Assert.All((string[])["Normal", "Title", "Heading1", "Heading2", "Heading3", "TableGrid", "Quote", "Caption", "TOC1"],
            id => Assert.Contains(id, styles));

        var headings = body.Elements<Paragraph>().Where(p => Style(p)?.StartsWith("Heading") == true)
            .Select(p => (Style(p), p.InnerText, Numbered: p.ParagraphProperties!.NumberingProperties is not null)).ToList();
        Assert.Equal([("Heading1", "Forord", false), ("Heading1", "Økonomi", true), ("Heading1", "Status på igangsatte projekter", true),
            ("Heading2", "Ung i fokus", true), ("Heading3", "Erfaringer", true), ("Heading2", "Fakta om projektet", true)], headings);
        var levels = main.NumberingDefinitionsPart!.Numbering!.Descendants<Level>().Select(l => l.LevelText!.Val!.Value).ToList();
        Assert.Equal(["%1", "%1.%2", "%1.%2.%3"], levels);
        Assert.NotNull(body.Elements<Paragraph>().Single(p => p.InnerText == "Fakta om projektet").ParagraphProperties!.PageBreakBefore);

        var toc = body.Elements<SdtBlock>().Single();
        Assert.Contains("TOC \\o \"1-3\"", toc.Descendants<FieldCode>().Single().Text);
        Assert.True(toc.Descendants<FieldChar>().First().Dirty?.Value);
        Assert.True(main.DocumentSettingsPart!.Settings!.GetFirstChild<UpdateFieldsOnOpen>()!.Val?.Value);
        Assert.Equal("Title", Style(body.Elements<Paragraph>().First()));

        var economics = body.Elements<Table>().Single(t => t.InnerText.Contains("I alt"));
        var rows = economics.Elements<TableRow>().ToList();
        Assert.NotNull(rows[0].TableRowProperties!.GetFirstChild<TableHeader>());
        var total = rows.Single(r => r.Elements<TableCell>().First().InnerText == "I alt");
        Assert.All(total.Descendants<Run>(), r => Assert.NotNull(r.RunProperties?.Bold));
        Assert.Equal(RenderingDocument.Economics.Total.Select(Common.Kroner.Thousands), total.Elements<TableCell>().Skip(1)
            .Select(c => c.InnerText));
        Assert.All(total.Elements<TableCell>().Skip(1), c =>
            Assert.Equal(JustificationValues.Right, c.Descendants<Justification>().Single().Val!.Value));
        var indented = RenderingDocument.Table().Rows.First(r => r.Indented).Cells[0].Text;
        Assert.Equal("284", rows.First(r => r.Elements<TableCell>().First().InnerText == indented).Descendants<Indentation>().Single()
            .Left!.Value);
        Assert.Equal("1.000 kr.", ((Paragraph)economics.PreviousSibling()!).InnerText);
        Assert.Equal(RenderingDocument.Table().Notes![0], ((Paragraph)economics.NextSibling()!).InnerText);
        Assert.Equal("Quote", Style(body.Elements<Paragraph>().Single(p => p.InnerText.StartsWith("Jeg fik en læreplads"))));

        Assert.Equal(ReportDocx.Charts(doc).Count, main.ImageParts.Count());
        foreach (var image in main.ImageParts)
        {
            using var stream = image.GetStream();
            var png = new MemoryStream();
            await stream.CopyToAsync(png, TestContext.Current.CancellationToken);
            Assert.Equal((760 * 2, 300 * 2), RenderingTools.PngSize(png.ToArray()));
        }
        var extent = body.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.Extent>().Single();
        Assert.Equal((11906 - 2 * 1134) * 635L, extent.Cx!.Value);
        Assert.Equal(extent.Cx.Value * 300 / 760, extent.Cy!.Value);

        var sections = body.Descendants<SectionProperties>().ToList();
        Assert.Contains(sections, s => s.GetFirstChild<Columns>()!.ColumnCount?.Value == 2);
        Assert.All(sections, s => Assert.Null(s.GetFirstChild<PageSize>()!.Orient));
    }

    [Fact]
    public async Task A_landscape_document_is_set_on_A4_landscape_in_two_columns()
    {
        if (RenderingTools.Files() is not { } files) return;
        var doc = RenderingDocument.FactSheet();
        var docx = await files.DocxAsync(doc, TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(RenderingTools.Pages, "factsheet.docx"), docx, TestContext.Current.CancellationToken);
        using var package = WordprocessingDocument.Open(new MemoryStream(docx), false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(package, TestContext.Current.CancellationToken));
        Assert.Empty(package.MainDocumentPart!.Document!.Body!.Elements<SdtBlock>()); // one fact sheet: no table of contents
        var sections = package.MainDocumentPart.Document.Body.Descendants<SectionProperties>().ToList();
        Assert.All(sections, s =>
        {
            var size = s.GetFirstChild<PageSize>()!;
            Assert.Equal(PageOrientationValues.Landscape, size.Orient!.Value);
            Assert.True(size.Width!.Value > size.Height!.Value);
        });
        Assert.Equal(2, sections.Single(s => s.Parent is ParagraphProperties && s.GetFirstChild<Columns>()!.ColumnCount is not null)
            .GetFirstChild<Columns>()!.ColumnCount!.Value);
        var extent = package.MainDocumentPart.Document.Body.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.Extent>().Single();
        Assert.Equal((16838 - 2 * 1134 - 454) / 2 * 635L, extent.Cx!.Value);
        Assert.Equal(doc.PlainText().Split('\n').Where(l => !string.IsNullOrWhiteSpace(l)), Lines(docx));
    }

    /// <summary>The document's text as Word has it: each paragraph, and each table row with its cells tab-separated; the
    /// table of contents (a field Word fills in) left out.</summary>
    internal static List<string> Lines(byte[] docx)
    {
        using var package = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return [.. package.MainDocumentPart!.Document!.Body!.ChildElements.SelectMany(e => e switch
        {
            Paragraph p => [p.InnerText],
            Table t => t.Elements<TableRow>().Select(r => string.Join('\t', r.Elements<TableCell>().Select(c => c.InnerText))),
            _ => Enumerable.Empty<string>(),
        }).Where(l => !string.IsNullOrWhiteSpace(l))];
    }

    private static string? Style(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
}
