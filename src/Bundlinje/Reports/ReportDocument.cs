namespace Bundlinje.Reports;

/// <summary>A generated report, independent of its file format: the DOCX writer, the HTML preview and (through the HTML)
/// the PDF render the same document, so the three cannot disagree. Builders (the annual report, a fact sheet, a department
/// bundle) make one from stored facts; they never format a file themselves.</summary>
/// <param name="Language">"da" or "en": the language the generated texts were written in.</param>
public sealed record ReportDocument(
    string Title, string? Subtitle, ReportLayout Layout, IReadOnlyList<ReportSection> Sections, string Language = "da")
{
    /// <summary>The document's text, tables included, one line per paragraph/row (cells tab-separated): what must be identical
    /// when a report is generated again from the same inputs.</summary>
    public string PlainText() => string.Join('\n', new[] { Title, Subtitle ?? "" }.Concat(Sections.SelectMany(s => s.PlainText())));
}

/// <summary>Portrait A4 (the annual report) or landscape A4 (MSB's one-page fact sheets).</summary>
public enum ReportLayout { Portrait, Landscape }

/// <summary>A heading and what follows it. <paramref name="Level"/> 1 is a chapter ("4 Status på igangsatte projekter"),
/// 2 a section in it (one investment), 3 below that. <paramref name="Numbered"/> chapters are numbered by the renderer
/// (Forord is not). <paramref name="NewPage"/> starts it on a new page (each fact sheet of a department bundle).
/// <paramref name="Columns"/> 2 sets the section's blocks in two columns (a fact sheet).</summary>
public sealed record ReportSection(
    string Heading, int Level, IReadOnlyList<ReportBlock> Blocks, bool Numbered = true, bool NewPage = false, int Columns = 1)
{
    public IEnumerable<string> PlainText() => new[] { Heading }.Concat(Blocks.SelectMany(b => b.PlainText()));
}

/// <summary>One piece of a section.</summary>
public abstract record ReportBlock
{
    public abstract IEnumerable<string> PlainText();
}

/// <summary>Text the system wrote from the facts ("11 investeringer er i gang ..."); never edited by hand.</summary>
public sealed record GeneratedText(string Text, string? Source = null) : ReportBlock
{
    public override IEnumerable<string> PlainText() => [Text];
}

/// <summary>Text a person wrote in the app for this report (forord, an investment's status, experiences, outlook, a quote):
/// <paramref name="Key"/> names the field in <see cref="NarrativeScope"/>; <paramref name="Text"/> is its current revision,
/// empty when nobody has written it yet (the preview then shows where to write it; the files show nothing).</summary>
public sealed record NarrativeText(string Key, string Label, string Text, bool IsQuote = false) : ReportBlock
{
    public override IEnumerable<string> PlainText() => Text.Length == 0 ? [] : [Text];
}

/// <summary>Label/value pairs ("Periode: 2021–2024", "Indskudskapital: 15.933.563 kr."), each value with where it comes
/// from.</summary>
public sealed record FactList(IReadOnlyList<Fact> Facts) : ReportBlock
{
    public override IEnumerable<string> PlainText() => Facts.Select(f => f.Label + "\t" + f.Value);
}

/// <param name="Source">An app-relative link to the stored facts the value is computed from ("/Funds/aarhus/Ledger?..."),
/// or null for a literal from the agreement shown on the investment's page.</param>
public sealed record Fact(string Label, string Value, string? Source = null);

/// <summary>A table in the council's layout. <paramref name="Unit"/> is printed above it ("1.000 kr."); the first
/// <paramref name="Header"/> cell labels the row column. <paramref name="Notes"/> are printed below it.</summary>
public sealed record ReportTable(
    string Caption, IReadOnlyList<string> Header, IReadOnlyList<ReportRow> Rows, string? Unit = null,
    IReadOnlyList<string>? Notes = null) : ReportBlock
{
    public override IEnumerable<string> PlainText() =>
        new[] { Caption, Unit ?? "", string.Join('\t', Header) }
            .Concat(Rows.Select(r => string.Join('\t', r.Cells.Select(c => c.Text))))
            .Concat(Notes ?? []);
}

/// <summary>A row: <paramref name="Total"/> rows are bold; <paramref name="Indented"/> rows are sub-rows (a part of an
/// investment).</summary>
public sealed record ReportRow(IReadOnlyList<ReportCell> Cells, bool Total = false, bool Indented = false);

/// <summary>A cell as printed (da-DK formatted by the builder); <paramref name="Numeric"/> cells are right-aligned;
/// <paramref name="Source"/> is where a generated number comes from (see <see cref="Fact.Source"/>).</summary>
public sealed record ReportCell(string Text, bool Numeric = false, string? Source = null)
{
    public static implicit operator ReportCell(string text) => new(text);
}

/// <summary>A chart as SVG (the same server-side charts as the pages); the DOCX embeds it as a picture.</summary>
public sealed record ReportChart(string Caption, string Svg, int Width, int Height) : ReportBlock
{
    public override IEnumerable<string> PlainText() => [Caption];
}
