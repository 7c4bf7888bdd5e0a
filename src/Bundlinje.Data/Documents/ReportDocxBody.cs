using Bundlinje.Reports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Bundlinje.Data.Documents;

/// <summary>The body of <see cref="ReportDocx"/>: title, table of contents, sections and their blocks, Word sections for
/// two-column parts, the page size and orientation.</summary>
internal sealed class ReportDocxBody(ReportDocument doc, MainDocumentPart main, IReadOnlyList<byte[]> pictures)
{
    private const int Margin = 1134, ColumnGap = 454;
    private readonly Body body = new();
    private readonly bool english = doc.Language == "en";
    private int pictureCount;
    private int columns = 1;

    private (int Width, int Height) Page => doc.Layout == ReportLayout.Landscape ? (16838, 11906) : (11906, 16838);

    /// <summary>The width text runs in, in twentieths of a point: the page's, or a column's in a two-column section.</summary>
    public int TextWidth => columns == 2 ? (Page.Width - 2 * Margin - ColumnGap) / 2 : Page.Width - 2 * Margin;

    public Body Write()
    {
        body.Append(Text("Title", doc.Title));
        if (!string.IsNullOrEmpty(doc.Subtitle)) body.Append(Text("Subtitle", doc.Subtitle));
        if (ReportHtml.HasContents(doc)) body.Append(Contents());
        foreach (var section in doc.Sections) Section(section);
        body.Append(SectionProperties(columns));
        return body;
    }

    /// <summary>The table of contents as Word makes it: a TOC field in a content control, marked dirty and with no result
    /// yet, so Word fills it in on opening (Settings: updateFields).</summary>
    private SdtBlock Contents() => new(
        new SdtProperties(new SdtContentDocPartObject(new DocPartGallery { Val = "Table of Contents" }, new DocPartUnique())),
        new SdtContentBlock(
            Text("TOCHeading", english ? "Contents" : "Indhold"),
            new Paragraph(
                new Run(new FieldChar { FieldCharType = FieldCharValues.Begin, Dirty = true }),
                new Run(new FieldCode(" TOC \\o \"1-3\" \\h \\z \\u ") { Space = SpaceProcessingModeValues.Preserve }),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
                new Run(new FieldChar { FieldCharType = FieldCharValues.End }))));

    private void Section(ReportSection section)
    {
        var level = Math.Clamp(section.Level, 1, 3);
        var properties = new ParagraphProperties(new ParagraphStyleId { Val = $"Heading{level}" });
        if (section.NewPage) properties.Append(new PageBreakBefore());
        if (section.Numbered)
            properties.Append(new NumberingProperties(new NumberingLevelReference { Val = level - 1 },
                new NumberingId { Val = ReportDocxStyles.ChapterNumbering }));
        body.Append(new Paragraph(properties, Run(section.Heading)));
        var wanted = section.Columns == 2 ? 2 : 1;
        if (wanted != columns) { body.Append(new Paragraph(new ParagraphProperties(SectionProperties(columns)))); columns = wanted; }
        foreach (var block in section.Blocks) Block(block);
        if (columns == 2) { body.Append(new Paragraph(new ParagraphProperties(SectionProperties(columns)))); columns = 1; }
    }

    /// <summary>The properties of the Word section that ends here: A4 in the document's layout and its text columns; a
    /// section after the first starts on the same page (page breaks are the headings' own).</summary>
    private SectionProperties SectionProperties(int count)
    {
        var (width, height) = Page;
        var size = new PageSize { Width = (uint)width, Height = (uint)height };
        if (doc.Layout == ReportLayout.Landscape) size.Orient = PageOrientationValues.Landscape;
        return new SectionProperties(new SectionType { Val = SectionMarkValues.Continuous }, size,
            new PageMargin { Top = Margin, Bottom = Margin, Left = Margin, Right = Margin, Header = 567, Footer = 567, Gutter = 0 },
            count == 2 ? new Columns { ColumnCount = 2, Space = ColumnGap.ToString(), EqualWidth = true } : new Columns { Space = "708" });
    }

    private void Block(ReportBlock block)
    {
        switch (block)
        {
            case GeneratedText text: Lines("Normal", text.Text); break;
            case NarrativeText narrative: Lines(narrative.IsQuote ? "Quote" : "Normal", narrative.Text); break;
            case FactList facts: body.Append(ReportDocxTables.Facts(facts, TextWidth)); break;
            case ReportTable table: ReportDocxTables.Append(body, table, TextWidth); break;
            case ReportChart chart:
                body.Append(new Paragraph(new ParagraphProperties(new KeepNext()),
                    new Run(ReportDocxPicture.Inline(main, pictures[pictureCount++], pictureCount, chart, TextWidth))));
                body.Append(Text("Caption", chart.Caption));
                break;
            default: throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name, "Unknown report block.");
        }
    }

    private void Lines(string style, string text)
    {
        foreach (var line in ReportHtml.Paragraphs(text)) body.Append(Text(style, line));
    }

    public static Paragraph Text(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), Run(text));

    public static Run Run(string text, bool bold = false)
    {
        var run = new Run();
        if (bold) run.Append(new RunProperties(new Bold()));
        run.Append(new DocumentFormat.OpenXml.Wordprocessing.Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }
}
