namespace Bundlinje.Reports;

/// <summary>The print stylesheet of <see cref="ReportHtml.Standalone"/>: A4 in the document's layout, page breaks before
/// a new-page section, two columns for a two-column section, tables with repeated headers, bold totals, indented sub-rows.
/// </summary>
internal static class ReportPrintStyle
{
    public static string Css(ReportLayout layout) => layout == ReportLayout.Landscape
        ? "@page { size: A4 landscape; margin: 12mm 15mm; }\n" + Rules + Compact
        : "@page { size: A4 portrait; margin: 18mm 20mm; }\n" + Rules;

    /// <summary>A landscape document is a fact sheet (or a bundle of them), which must fit on one page: smaller type, tighter
    /// rows, narrower margins and a lower chart (DemoReportFilesTests: every demo sheet prints on one page).</summary>
    private const string Compact = """
        body { font-size: 8.5pt; line-height: 1.25; }
        h1 { font-size: 17pt; margin-bottom: 1mm; }
        h2 { font-size: 13pt; margin: 3mm 0 1.5mm; }
        .report-subtitle { font-size: 11pt; margin-bottom: 3mm; }
        table { font-size: 8pt; margin-bottom: 1mm; }
        th, td { padding: 0.45mm 1.2mm; }
        .report-facts th { width: 34%; }
        .report-columns { column-gap: 7mm; }
        figure { margin: 1mm 0 2mm; }
        figure svg { max-height: 52mm; }

        """;

    private const string Rules = """
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { font-family: "IBM Plex Sans", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 10pt;
          line-height: 1.4; color: #1a1a1a; margin: 0; }
        h1 { font-size: 22pt; margin: 0 0 2mm; }
        h2 { font-size: 15pt; margin: 7mm 0 2mm; }
        h3 { font-size: 12.5pt; margin: 5mm 0 1.5mm; }
        h4 { font-size: 11pt; margin: 4mm 0 1mm; }
        h2, h3, h4 { break-after: avoid; }
        p { margin: 0 0 2.5mm; orphans: 3; widows: 3; }
        a { color: inherit; text-decoration: none; }
        .report-subtitle { font-size: 13pt; margin-bottom: 6mm; }
        .report-toc { margin: 0 0 6mm; }
        .report-toc h2 { font-size: 13pt; margin-top: 4mm; }
        .report-toc ul { list-style: none; padding: 0; margin: 0; }
        .report-toc-2 { padding-left: 6mm; }
        .report-toc-3 { padding-left: 12mm; }
        .report-newpage { break-before: page; }
        .report-newpage > h2:first-child, .report-newpage > h3:first-child, .report-newpage > h4:first-child { margin-top: 0; }
        .report-columns { column-count: 2; column-gap: 8mm; }
        .report-columns table, .report-columns figure, .report-columns blockquote { break-inside: avoid; }
        table { border-collapse: collapse; width: 100%; margin: 0 0 1.5mm; font-size: 9pt; }
        caption { caption-side: top; text-align: left; font-weight: 600; padding-bottom: 1mm; }
        .report-unit { display: block; font-weight: 400; font-size: 8.5pt; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; }
        th, td { text-align: left; vertical-align: top; padding: 0.8mm 1.6mm; border-bottom: 0.5pt solid #bbb; }
        thead th { border-bottom: 1pt solid #1a1a1a; font-weight: 600; }
        tbody th { font-weight: 400; }
        .number { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        tr.indented th { padding-left: 6mm; }
        tr.total th, tr.total td { font-weight: 700; border-top: 1pt solid #1a1a1a; }
        .report-facts th { font-weight: 600; width: 40%; }
        .report-note { font-size: 8.5pt; margin: 0 0 3mm; }
        .report-table { margin-bottom: 1.5mm; }
        figure { margin: 2mm 0 4mm; break-inside: avoid; }
        figure svg { display: block; width: 100%; height: auto; }
        figcaption { font-size: 8.5pt; font-style: italic; }
        blockquote { margin: 0 0 3mm 4mm; padding-left: 4mm; border-left: 2pt solid #004993; font-style: italic; }

        """;
}
