using System.Text;
using static Bundlinje.Reports.ReportHtml;

namespace Bundlinje.Reports;

/// <summary>Writes a document's body for <see cref="ReportHtml"/>: the preview (links, narrative labels, placeholders, edit
/// links) or the printed page (none of them).</summary>
internal sealed class ReportHtmlWriter(ReportDocument doc, bool preview, Func<string, string?>? editLink)
{
    private readonly bool english = doc.Language == "en";
    private StringBuilder html = new();

    private string Say(string danish, string english) => this.english ? english : danish;

    public StringBuilder Write() => Write(new StringBuilder());

    public StringBuilder Write(StringBuilder into)
    {
        html = into;
        var numbers = SectionNumbers(doc);
        html.Append($"<article class=\"report report--{(doc.Layout == ReportLayout.Landscape ? "landscape" : "portrait")}\"")
            .Append($" lang=\"{Encode(doc.Language)}\">\n<h1>{Encode(doc.Title)}</h1>\n");
        if (!string.IsNullOrEmpty(doc.Subtitle)) html.Append($"<p class=\"font-lead report-subtitle\">{Encode(doc.Subtitle)}</p>\n");
        Contents(numbers);
        for (var i = 0; i < doc.Sections.Count; i++) Section(doc.Sections[i], numbers[i], i);
        return html.Append("</article>\n");
    }

    private void Contents(IReadOnlyList<string?> numbers)
    {
        if (!HasContents(doc)) return;
        html.Append("<nav class=\"report-toc\" aria-labelledby=\"report-toc\">\n")
            .Append($"<h2 id=\"report-toc\" class=\"h3\">{Say("Indhold", "Contents")}</h2>\n<ul class=\"nobullet-list\">\n");
        for (var i = 0; i < doc.Sections.Count; i++)
        {
            var section = doc.Sections[i];
            var text = Encode(Heading(section, numbers[i]));
            html.Append($"<li class=\"report-toc-{Math.Clamp(section.Level, 1, 3)}\">")
                .Append(preview ? $"<a href=\"#report-section-{i + 1}\">{text}</a>" : text).Append("</li>\n");
        }
        html.Append("</ul>\n</nav>\n");
    }

    private static string Heading(ReportSection section, string? number) => number is null ? section.Heading : number + " "
        + section.Heading;

    private void Section(ReportSection section, string? number, int index)
    {
        var level = Math.Clamp(section.Level, 1, 3);
        html.Append($"<section id=\"report-section-{index + 1}\" class=\"report-section{(section.NewPage ? " report-newpage" : "")}\">\n")
            .Append($"<h{level + 1} class=\"h{level}\">{Encode(Heading(section, number))}</h{level + 1}>\n");
        if (section.Columns == 2) html.Append("<div class=\"report-columns\">\n");
        foreach (var block in section.Blocks) Block(block);
        if (section.Columns == 2) html.Append("</div>\n");
        html.Append("</section>\n");
    }

    private void Block(ReportBlock block)
    {
        switch (block)
        {
            case GeneratedText text: Generated(text); break;
            case NarrativeText narrative: Narrative(narrative); break;
            case FactList facts: Facts(facts); break;
            case ReportTable table: Table(table); break;
            case ReportChart chart:
                html.Append($"<figure class=\"report-chart\" style=\"max-width: {chart.Width}px\">\n{chart.Svg}\n")
                    .Append($"<figcaption>{Encode(chart.Caption)}</figcaption>\n</figure>\n");
                break;
            default: throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name, "Unknown report block.");
        }
    }

    private void Generated(GeneratedText text)
    {
        var paragraphs = Paragraphs(text.Text).ToList();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            html.Append("<p>").Append(Encode(paragraphs[i]));
            if (i == paragraphs.Count - 1 && Href(text.Source) is { } href)
                html.Append($" <a class=\"report-source\" href=\"{href}\">({Say("kilde", "source")})</a>");
            html.Append("</p>\n");
        }
    }

    private void Narrative(NarrativeText narrative)
    {
        if (!preview) { NarrativeBody(narrative); return; }
        var written = !string.IsNullOrWhiteSpace(narrative.Text);
        html.Append($"<div class=\"report-narrative{(written ? "" : " report-narrative--empty")}\" ")
            .Append($"id=\"{ReportHtml.NarrativeAnchor(narrative.Key)}\" ")
            .Append($"data-key=\"{Encode(narrative.Key)}\">\n")
            .Append($"<p class=\"form-hint report-narrative-label\">{Encode(narrative.Label)}");
        if (editLink?.Invoke(narrative.Key) is { } edit)
            html.Append($" <a class=\"report-edit\" href=\"{Encode(edit)}\">{(written ? Say("Ret teksten", "Edit the text")
                : Say("Skriv teksten", "Write the text"))}</a>");
        html.Append("</p>\n");
        if (!written) html.Append($"<p class=\"report-placeholder\"><em>{Say("ikke skrevet endnu", "not yet written")}</em></p>\n");
        else NarrativeBody(narrative);
        html.Append("</div>\n");
    }

    private void NarrativeBody(NarrativeText narrative)
    {
        if (narrative.IsQuote) html.Append("<blockquote class=\"report-quote\">\n");
        foreach (var line in Paragraphs(narrative.Text)) html.Append($"<p>{Encode(line)}</p>\n");
        if (narrative.IsQuote) html.Append("</blockquote>\n");
    }

    private void Facts(FactList facts)
    {
        html.Append("<table class=\"table table--compact report-facts\">\n<tbody>\n");
        foreach (var fact in facts.Facts)
            html.Append($"<tr><th scope=\"row\">{Encode(fact.Label)}</th><td>{Value(fact.Value, fact.Source)}</td></tr>\n");
        html.Append("</tbody>\n</table>\n");
    }

    private void Table(ReportTable table)
    {
        var numeric = Enumerable.Range(0, table.Header.Count)
            .Select(c => c > 0 && table.Rows.Any(r => c < r.Cells.Count && r.Cells[c].Numeric))
            .ToList();
        html.Append("<div class=\"report-table table--responsive-scroll\">\n<table class=\"table table--compact report\">\n")
            .Append($"<caption>{Encode(table.Caption)}");
        if (!string.IsNullOrEmpty(table.Unit)) html.Append($"<span class=\"report-unit\">{Encode(table.Unit)}</span>");
        html.Append("</caption>\n<thead>\n<tr>");
        for (var c = 0; c < table.Header.Count; c++)
            html.Append($"<th scope=\"col\"{(numeric[c] ? " class=\"number\"" : "")}>{Encode(table.Header[c])}</th>");
        html.Append("</tr>\n</thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            var classes = string.Join(' ', new[] { row.Total ? "total" : null, row.Indented ? "indented" : null }.OfType<string>());
            html.Append(classes.Length > 0 ? $"<tr class=\"{classes}\">" : "<tr>");
            for (var c = 0; c < row.Cells.Count; c++)
            {
                var cell = row.Cells[c];
                var tag = c == 0 ? "th" : "td";
                html.Append($"<{tag}{(c == 0 ? " scope=\"row\"" : "")}{(cell.Numeric ? " class=\"number\"" : "")}>")
                    .Append(Value(cell.Text, cell.Source)).Append($"</{tag}>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n</div>\n");
        foreach (var note in table.Notes ?? []) html.Append($"<p class=\"form-hint report-note\">{Encode(note)}</p>\n");
    }

    /// <summary>A value, in the preview linked to where it comes from.</summary>
    private string Value(string text, string? source) =>
        Href(source) is { } href ? $"<a href=\"{href}\">{Encode(text)}</a>" : Encode(text);

    /// <summary>The encoded link to a source, only in the preview.</summary>
    private string? Href(string? source) => preview && SafeSource(source) is { } href ? Encode(href) : null;
}
