using Bundlinje.Common;
using Bundlinje.Fund;
using Bundlinje.Reports;
using Bundlinje.Tests.Fund;

namespace Bundlinje.Tests.Reports;

/// <summary>A document with every kind of block for the renderers: Danish text with æøå, the council's economics table in
/// 1.000 kr. computed from the Aarhus ledger behind the 2024 report (indented result-payment rows, a bold total, every cell
/// linked to its ledger entries), facts, narratives (one written, one empty, one hostile, a quote), the balance chart and a
/// two-column fact sheet on a new page.</summary>
internal static class RenderingDocument
{
    public static readonly EconomicsTable Economics = EconomicsTable.Build(AarhusLedger.Entries,
        new EconomicsOptions(LastActualYear: 2024, LaterFrom: 2029));

    public const string Hostile = "<script>alert('æøå')</script> & \"citat\"";

    public static ReportDocument Annual(ReportLayout layout = ReportLayout.Portrait, string language = "da") => new(
        "Årsrapport 2024 for Socialøkonomisk Investeringsfond", "Aarhus Kommune – økonomi og status pr. 31-12-2024", layout,
        [
            new ReportSection("Forord", 1, [new NarrativeText("foreword", "Forord",
                "Fondens fjerde år bød på nye investeringer i unges uddannelse og beskæftigelse.\n\n" +
                "Rådet takker de mange medarbejdere, der får indsatserne til at lykkes.")], Numbered: false),
            new ReportSection("Økonomi", 1,
            [
                new GeneratedText($"Fonden har {Economics.Investments.Count(r => !r.Indented)} investeringer i regnskab og budget.",
                    "/Funds/aarhus/Economics"),
                Table(),
                new ReportChart("Figur 1: Restbeløb ved årets udgang (80 % effekt)",
                    EconomicsCharts.Balance(Economics, "Restbeløb (80 % effekt)"), 760, 300),
            ]),
            new ReportSection("Status på igangsatte projekter", 1, [new GeneratedText("Status pr. 31-12-2024.")]),
            new ReportSection("Ung i fokus", 2,
            [
                new FactList([
                    new Fact("Periode", "01-08-2021 – 31-07-2025"),
                    new Fact("Indskudskapital", Kroner.Format(15_933_563m), "/Investments/ungifokus"),
                ]),
                new NarrativeText("investment/ungifokus/status", "Status", ""),
                new NarrativeText("investment/ungifokus/quote", "Citat", "Jeg fik en læreplads, og nu ved jeg, hvad jeg vil.",
                    IsQuote: true),
            ]),
            new ReportSection("Erfaringer", 3, [new NarrativeText("investment/ungifokus/experience", "Erfaringer", Hostile)]),
            new ReportSection("Fakta om projektet", 2,
            [
                new FactList([new Fact("Målgruppe", "Unge 18–29 år uden uddannelse"), new Fact("Ejer", "Beskæftigelsesforvaltningen")]),
                new NarrativeText("investment/ungifokus/outlook", "Forventninger", "Flere unge i ordinær uddannelse i 2025.\n" +
                    "Projektet evalueres i første halvår."),
            ], NewPage: true, Columns: 2),
        ], language);

    /// <summary>The economics table as the annual report prints it: running costs, each investment with its result
    /// payments as an indented row, the total in bold; every number linked to its ledger entries.</summary>
    public static ReportTable Table()
    {
        var columns = Economics.Columns;
        ReportRow Row(string label, IReadOnlyList<decimal> cells, string? row, string? reference, bool total = false,
            bool indented = false) =>
            new([label, .. cells.Select((v, i) => new ReportCell(Kroner.Thousands(v), true,
                $"/Funds/aarhus/Ledger?column={Uri.EscapeDataString(columns[i].Label)}" +
                (row is null ? "" : $"&row={row}&reference={Uri.EscapeDataString(reference!)}")))], total, indented);
        return new ReportTable("Tabel 1: Økonomien i Fonden", ["1.000 kr.", .. columns.Select(c => c.Label)],
            [
                .. Economics.RunningCosts.Select(r => Row(r.Label, r.Cells, r.Kind.ToString(), r.Reference)),
                .. Economics.Investments.Select(r => Row(r.Label.TrimStart('-', ' '), r.Cells, r.Kind.ToString(), r.Reference,
                    indented: r.Indented)),
                Row(Reconciliation.TotalRow, Economics.Total, null, null, total: true),
            ],
            "1.000 kr.", ["Forventede resultatbetalinger er medregnet med 80 % effekt."]);
    }

    /// <summary>A landscape fact sheet as MSB's half-yearly status prints one: two columns.</summary>
    public static ReportDocument FactSheet() => new("Fakta om projektet: Ung i fokus", "Status 2. halvår 2024", ReportLayout.Landscape,
        [new ReportSection("Ung i fokus", 1,
        [
            new FactList([new Fact("Indskudskapital", Kroner.Format(15_933_563m), "/Investments/ungifokus"),
                new Fact("Periode", "01-08-2021 – 31-07-2025")]),
            new NarrativeText("status", "Status", "Økonomi og fremdrift følger planen; 112 unge er indskrevet."),
            new ReportChart("Restbeløb", EconomicsCharts.Balance(Economics, "Restbeløb (80 % effekt)"), 760, 300),
        ], Numbered: false, Columns: 2)]);
}
