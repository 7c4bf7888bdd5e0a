using System.Text.RegularExpressions;
using System.Xml.Linq;
using Bundlinje.Reports;

namespace Bundlinje.Tests.Reports;

public class RenderingHtmlTests
{
    private static readonly ReportDocument Doc = RenderingDocument.Annual();

    private static string Fragment() =>
        ReportHtml.Fragment(Doc, key => $"/Funds/aarhus/Reports/Narratives?key={Uri.EscapeDataString(key)}");

    [Fact]
    public void Every_sourced_cell_and_fact_is_a_link_to_its_source()
    {
        var html = Fragment();
        var sourced = Doc.Sections.SelectMany(s => s.Blocks).SelectMany(b => b switch
        {
            ReportTable t => t.Rows.SelectMany(r => r.Cells).Where(c => c.Source is not null).Select(c => (c.Text, c.Source!)),
            FactList f => f.Facts.Where(x => x.Source is not null).Select(x => (Text: x.Value, x.Source!)),
            _ => [],
        }).ToList();
        Assert.True(sourced.Count > 20, $"{sourced.Count} sourced values");
        foreach (var (text, source) in sourced)
            Assert.Contains($"<a href=\"{ReportHtml.Encode(source)}\">{ReportHtml.Encode(text)}</a>", html);
        Assert.Contains("<a class=\"report-source\" href=\"/Funds/aarhus/Economics\">(kilde)</a>", html);
    }

    [Fact]
    public void The_fragment_is_well_formed_with_numbered_headings_a_table_of_contents_and_the_councils_table()
    {
        var html = Fragment();
        var xml = XElement.Parse(html.Replace("&nbsp;", " "));
        var headings = xml.Descendants().Where(e => e.Name.LocalName is "h2" or "h3" or "h4" && e.Parent?.Name.LocalName == "section")
            .Select(e => (e.Name.LocalName, e.Value)).ToList();
        Assert.Equal([("h2", "Forord"), ("h2", "1 Økonomi"), ("h2", "2 Status på igangsatte projekter"), ("h3", "2.1 Ung i fokus"),
            ("h4", "2.1.1 Erfaringer"), ("h3", "2.2 Fakta om projektet")], headings);
        var toc = xml.Descendants("nav").Single().Descendants("a").Select(a => a.Value).ToList();
        Assert.Equal(headings.Select(h => h.Value), toc);
        var table = xml.Descendants("table").First(t => t.Attribute("class")!.Value == "table table--compact report");
        var total = table.Descendants("tr").Single(r => (string?)r.Attribute("class") == "total");
        Assert.Equal(["I alt", .. RenderingDocument.Economics.Total.Select(Common.Kroner.Thousands)], total.Elements()
            .Select(c => c.Value));
        Assert.All(total.Elements("td"), c => Assert.Equal("number", (string?)c.Attribute("class")));
        Assert.Contains(table.Descendants("tr"), r => (string?)r.Attribute("class") == "indented");
        Assert.Equal("1.000 kr.", table.Descendants("span").Single().Value);
        Assert.Single(xml.Descendants("div"), d => (string?)d.Attribute("class") == "report-columns");
        Assert.Single(xml.Descendants("section"), s => s.Attribute("class")!.Value.Contains("report-newpage"));
        Assert.Equal("svg", xml.Descendants("figure").Single().Elements().First().Name.LocalName);
    }

    [Fact]
    public void Hostile_text_is_shown_as_text()
    {
        foreach (var html in new[] { Fragment(), ReportHtml.Standalone(Doc) })
        {
            Assert.DoesNotContain("<script>", html);
            Assert.Contains("&lt;script&gt;alert(&#39;æøå&#39;)&lt;/script&gt; &amp; &quot;citat&quot;", html);
        }
    }

    [Fact]
    public void An_empty_narrative_shows_a_placeholder_and_its_edit_link_in_the_preview_only()
    {
        var html = Fragment();
        var empty = Regex.Match(html,
            "<div class=\"report-narrative report-narrative--empty\" id=\"narrative-investment-ungifokus-status\" " +
            "data-key=\"investment/ungifokus/status\">(.*?)</div>",
            RegexOptions.Singleline);
        Assert.True(empty.Success, html);
        Assert.Contains("Status <a class=\"report-edit\" href=\"/Funds/aarhus/Reports/Narratives?key=investment%2Fungifokus%2Fstatus\">" +
            "Skriv teksten</a>", empty.Value);
        Assert.Contains("ikke skrevet endnu", empty.Value);
        Assert.Single(Regex.Matches(html, "ikke skrevet endnu"));
        Assert.Contains("not yet written", ReportHtml.Fragment(RenderingDocument.Annual(language: "en")));
        Assert.DoesNotContain("report-edit", ReportHtml.Fragment(Doc));

        var page = ReportHtml.Standalone(Doc);
        Assert.DoesNotContain("ikke skrevet endnu", page);
        Assert.DoesNotContain("report-narrative", page);
        Assert.DoesNotContain("<a ", page);
        Assert.Contains("Jeg fik en læreplads", page);
    }

    [Fact]
    public void The_standalone_page_prints_A4_in_the_documents_layout_with_its_page_breaks_and_columns()
    {
        var page = ReportHtml.Standalone(Doc);
        Assert.StartsWith("<!DOCTYPE html>", page);
        Assert.Contains("@page { size: A4 portrait;", page);
        Assert.Contains(".report-newpage { break-before: page; }", page);
        Assert.Contains(".report-columns { column-count: 2;", page);
        Assert.Contains("<svg xmlns=\"http://www.w3.org/2000/svg\"", page);
        var factSheet = ReportHtml.Standalone(RenderingDocument.FactSheet());
        Assert.Contains("@page { size: A4 landscape;", factSheet);
        Assert.DoesNotContain("report-toc\"", factSheet);
        Assert.Equal(ReportHtml.Standalone(Doc), ReportHtml.Standalone(RenderingDocument.Annual()));
    }
}
