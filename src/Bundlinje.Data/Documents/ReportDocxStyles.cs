using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Bundlinje.Data.Documents;

/// <summary>The DOCX's styles part (Word's own style ids and names, so a council's template can restyle the report), its
/// numbering part (the chapter numbers 1, 1.1, 1.1.1) and its settings (update the table of contents on opening).</summary>
internal static class ReportDocxStyles
{
    public const int ChapterNumbering = 1;
    private const string Blue = "004993", Text = "1A1A1A";

    public static Styles Styles(string language) => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri", EastAsia = "Calibri" },
                new Color { Val = Text }, new FontSize { Val = "21" }, new FontSizeComplexScript { Val = "21" },
                new Languages { Val = language, EastAsia = language, Bidi = "ar-SA" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
        Paragraph("Normal", "Normal", null, isDefault: true),
        Paragraph("Title", "Title", new StyleParagraphProperties(new SpacingBetweenLines { After = "120" }),
            new StyleRunProperties(new Bold(), new Color { Val = Blue }, new FontSize { Val = "52" }), priority: 10),
        Paragraph("Subtitle", "Subtitle", new StyleParagraphProperties(new SpacingBetweenLines { After = "360" }),
            new StyleRunProperties(new Color { Val = "595959" }, new FontSize { Val = "28" }), priority: 11),
        Heading(1, "32", "360"), Heading(2, "26", "240"), Heading(3, "22", "200"),
        Paragraph("TOCHeading", "TOC Heading", new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines
        { Before = "240", After = "120" }, new OutlineLevel { Val = 9 }),
            new StyleRunProperties(new Bold(), new Color { Val = Blue }, new FontSize { Val = "28" }), priority: 39),
        Toc(1), Toc(2), Toc(3),
        Paragraph("Caption", "caption", new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { After = "40" }),
            new StyleRunProperties(new Bold(), new FontSize { Val = "19" }), priority: 35),
        Paragraph("Quote", "Quote", new StyleParagraphProperties(new SpacingBetweenLines { Before = "120", After = "160" },
                new Indentation { Left = "567", Right = "567" }),
            new StyleRunProperties(new Italic(), new Color { Val = "404040" }), priority: 29),
        Paragraph("TableNote", "Table Note", new StyleParagraphProperties(new SpacingBetweenLines { After = "60" }),
            new StyleRunProperties(new FontSize { Val = "17" }), priority: 40),
        new Style(new StyleName { Val = "Normal Table" }, new UIPriority { Val = 99 }, new SemiHidden(), new UnhideWhenUsed(),
            new StyleTableProperties(new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                new TableCellMarginDefault(new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
        { Type = StyleValues.Table, StyleId = "TableNormal", Default = true },
        new Style(new StyleName { Val = "Table Grid" }, new BasedOn { Val = "TableNormal" }, new UIPriority { Val = 59 },
            new StyleParagraphProperties(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }),
            new StyleTableProperties(new TableBorders(
                Border<TopBorder>(), Border<LeftBorder>(), Border<BottomBorder>(), Border<RightBorder>(),
                Border<InsideHorizontalBorder>(), Border<InsideVerticalBorder>())))
        { Type = StyleValues.Table, StyleId = "TableGrid" });

    private static Style Paragraph(string id, string name, StyleParagraphProperties? paragraph, StyleRunProperties? run = null,
        bool isDefault = false, int? priority = null)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault) style.Default = true;
        else style.Append(new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" });
        if (priority is { } p) style.Append(new UIPriority { Val = p });
        style.Append(new PrimaryStyle());
        if (paragraph is not null) style.Append(paragraph);
        if (run is not null) style.Append(run);
        return style;
    }

    private static Style Heading(int level, string size, string before) => Paragraph($"Heading{level}", $"heading {level}",
        new StyleParagraphProperties(new KeepNext(), new KeepLines(), new SpacingBetweenLines { Before = before, After = "120" },
            new OutlineLevel { Val = level - 1 }),
        new StyleRunProperties(new Bold(), new Color { Val = level == 1 ? Blue : Text }, new FontSize { Val = size }), priority: 9);

    private static Style Toc(int level) => Paragraph($"TOC{level}", $"toc {level}",
        new StyleParagraphProperties(new Tabs(new TabStop
        {
            Val = TabStopValues.Right, Leader = TabStopLeaderCharValues.Dot,
            Position = 9060
        }), new SpacingBetweenLines { After = "60" }, new Indentation { Left = ((level - 1) * 220).ToString() }),
        priority: 39);

    private static T Border<T>() where T : BorderType, new() =>
        new() { Val = BorderValues.Single, Size = 4, Space = 0, Color = "BFBFBF" };

    /// <summary>One list numbering for the chapter headings: "1", "1.1", "1.1.1", each level restarting after the one above.
    /// </summary>
    public static Numbering Numbering() => new(
        new AbstractNum(new MultiLevelType { Val = MultiLevelValues.Multilevel },
            Level(0, "%1"), Level(1, "%1.%2"), Level(2, "%1.%2.%3"))
        { AbstractNumberId = 0 },
        new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = ChapterNumbering });

    private static Level Level(int level, string text) => new(
        new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.Decimal },
        new LevelText { Val = text }, new LevelJustification { Val = LevelJustificationValues.Left },
        new PreviousParagraphProperties(
            new Indentation { Left = (567 + level * 142).ToString(), Hanging = (567 + level * 142).ToString() }))
    { LevelIndex = level };

    /// <summary>Word updates the fields (the table of contents) when it opens the document.</summary>
    public static Settings Settings(string language) => new(
        new DefaultTabStop { Val = 1304 },
        new UpdateFieldsOnOpen { Val = true },
        new Compatibility(new CompatibilitySetting
        {
            Name = CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15",
        }),
        new ThemeFontLanguages { Val = language });
}
