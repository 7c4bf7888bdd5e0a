using System.Text;

namespace Bundlinje.Reports;

/// <summary>The HTML of a <see cref="ReportDocument"/>: a fragment for the preview page (DKFDS classes, every generated
/// number linked to its source) and a standalone page with its own print stylesheet for Chromium to print as PDF.</summary>
/// <remarks>All text is HTML-encoded; a chart's SVG is generated server-side (<see cref="EconomicsCharts"/>) and inlined as
/// is. The document's title is the fragment's h1 and a section of level n an h(n+1) with DKFDS's visual class hn, so the
/// fragment keeps one heading hierarchy under its title.</remarks>
public static class ReportHtml
{
    /// <summary>The preview: a table of contents, every sourced cell, fact and generated text linked to its source, each
    /// narrative with its label, a placeholder for one not written yet and, when <paramref name="narrativeEditLink"/> gives
    /// one for its key, a link to where it is written.</summary>
    public static string Fragment(ReportDocument doc, Func<string, string?>? narrativeEditLink = null) =>
        new ReportHtmlWriter(doc, preview: true, narrativeEditLink).Write().ToString();

    /// <summary>A complete page for Chromium to print: A4 in the document's layout, its own print stylesheet, no links, no
    /// labels or placeholders of narratives, charts inline.</summary>
    public static string Standalone(ReportDocument doc)
    {
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html>\n<html lang=\"{Encode(doc.Language)}\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append($"<title>{Encode(doc.Title)}</title>\n<style>\n")
            .Append(ReportPrintStyle.Css(doc.Layout))
            .Append("</style>\n</head>\n<body>\n");
        new ReportHtmlWriter(doc, preview: false, null).Write(html);
        return html.Append("</body>\n</html>\n").ToString();
    }

    /// <summary>The number of each section ("1", "1.2", "2.1.3"), null for one that is not numbered: a numbered section
    /// counts on its level and restarts the levels below it, an unnumbered one counts nothing (as Word's list numbering
    /// of the DOCX's headings does).</summary>
    public static IReadOnlyList<string?> SectionNumbers(ReportDocument doc)
    {
        var counters = new int[4];
        var numbers = new List<string?>();
        foreach (var section in doc.Sections)
        {
            var level = Math.Clamp(section.Level, 1, 3);
            if (!section.Numbered) { numbers.Add(null); continue; }
            counters[level]++;
            for (var deeper = level + 1; deeper < counters.Length; deeper++) counters[deeper] = 0;
            numbers.Add(string.Join('.', Enumerable.Range(1, level).Select(l => counters[l])));
        }
        return numbers;
    }

    /// <summary>A table of contents is printed when the document has more than one chapter (the annual report, a department
    /// bundle), not for a single fact sheet.</summary>
    public static bool HasContents(ReportDocument doc) => doc.Sections.Count(s => s.Level == 1) > 1;

    /// <summary>The preview's anchor of a narrative field ("narrative-investment-ungifokus"): the editor returns to it.</summary>
    public static string NarrativeAnchor(string key) => "narrative-" + Encode(key.Replace('/', '-'));

    /// <summary>A source is an app-relative link ("/Funds/aarhus/Ledger?..."); anything else is not linked.</summary>
    internal static string? SafeSource(string? source) =>
        source is { Length: > 1 } s && s[0] == '/' && s[1] != '/' && s[1] != '\\' ? s : null;

    /// <summary>HTML-encodes the five markup characters; letters such as æøå stay as they are (the page is UTF-8).</summary>
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.AsSpan().IndexOfAny("&<>\"'") < 0) return text ?? "";
        var encoded = new StringBuilder(text.Length + 16);
        foreach (var c in text)
            encoded.Append(c switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", '"' => "&quot;", '\'' => "&#39;", _ => c.ToString() });
        return encoded.ToString();
    }

    /// <summary>A text's paragraphs: one per non-blank line (the DOCX writes the same paragraphs).</summary>
    public static IEnumerable<string> Paragraphs(string text) =>
        text.Replace("\r\n", "\n").Split('\n').Where(l => !string.IsNullOrWhiteSpace(l));
}
