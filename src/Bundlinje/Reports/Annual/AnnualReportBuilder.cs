using Bundlinje.Common;

namespace Bundlinje.Reports.Annual;

/// <summary>The council's annual report as a <see cref="ReportDocument"/>, from loaded facts (no database): the chapters of
/// the council's 2023 and 2024 reports, each with its narrative field and the figures generated from the stored facts,
/// every generated number with a link to the page it comes from.</summary>
public static class AnnualReportBuilder
{
    /// <remarks>The chapters carry the council's own numbers in their headings (1–6, as in its 2023 and 2024 reports), so
    /// none is numbered by the renderer (which would print "6 6 Økonomi").</remarks>
    public static ReportDocument Build(AnnualFacts f)
    {
        var sections = new List<ReportSection>
        {
            new(f.T("Forord", "Foreword"), 1, [Narrative(f, "forord", f.T("Forord", "Foreword"))], Numbered: false),
            new(f.T("1 Indledning", "1 Introduction"), 1, [Narrative(f, "indledning", f.T("Indledning", "Introduction")), Introduction(f)],
                Numbered: false),
            new(f.T($"2 Rådets arbejde i {f.Year}", $"2 The council's work in {f.Year}"), 1,
                [Narrative(f, "raadets-arbejde", f.T("Rådets arbejde", "The council's work")), AnnualProposals.Table(f)], Numbered: false),
            new(f.T("3 Sociale investeringer i Danmark", "3 Social investments in Denmark"), 1,
                [Narrative(f, "danmark", f.T("Sociale investeringer i Danmark", "Social investments in Denmark"))], Numbered: false),
            new(f.T("4 Status på igangsatte projekter", "4 Status of the investments launched"), 1, [], Numbered: false, NewPage: true),
        };
        sections.AddRange(f.Investments.Select(i => AnnualInvestmentSection.Build(f, i)));
        sections.Add(new(f.T($"5 Et blik ind i {f.Year + 1}", $"5 A look at {f.Year + 1}"), 1,
            [Narrative(f, "naeste-aar", f.T($"Et blik ind i {f.Year + 1}", $"A look at {f.Year + 1}")), .. Ending(f)], Numbered: false,
                NewPage: true));
        sections.Add(new(f.T("6 Økonomi", "6 Economics"), 1,
            [Narrative(f, "oekonomi", f.T("Sekretariatets bemærkninger", "The secretariat's notes")), .. AnnualEconomics.Blocks(f)],
            Numbered: false, NewPage: true));
        return new ReportDocument(f.T($"Årsrapport {f.Year}", $"Annual report {f.Year}"), f.FundName, ReportLayout.Portrait, sections,
            f.Language);
    }

    internal static NarrativeText Narrative(AnnualFacts f, string key, string label) => new(key, label, f.Narratives.Text(key));

    internal static string InvestmentLink(string key) => $"/Investments/{key}";

    private static GeneratedText Introduction(AnnualFacts f)
    {
        var investments = f.Investments.Where(i => i.Status != Investments.InvestmentStatus.Donation).ToList();
        var active = investments.Count(i => i.Status == Investments.InvestmentStatus.Active);
        var capital = Kroner.Format(investments.Sum(i => i.CommittedCapital));
        var date = AnnualTexts.Date(f.AsOf);
        return new GeneratedText(f.T(
            $"Pr. {date} har {f.FundName} igangsat {investments.Count} sociale investeringer, heraf {active} aktive, med en samlet " +
            $"investeringskapital på {capital} fra investorerne.",
            $"As of {date}, {f.FundName} has launched {investments.Count} social investments, {active} of them active, with " +
            $"{capital} of capital committed by the investors."), "/Portfolio");
    }

    /// <summary>The investments whose agreement ends in the next year: their continuation is to be budgeted.</summary>
    private static IEnumerable<ReportBlock> Ending(AnnualFacts f)
    {
        var next = f.Year + 1;
        var ending = f.Investments.Where(i => i.PeriodEnd?.Year == next).ToList();
        if (ending.Count == 0)
        {
            yield return new GeneratedText(f.T($"Ingen aftaler udløber i {next}.", $"No agreement ends in {next}."), "/Portfolio");
            yield break;
        }
        yield return new GeneratedText(ending.Count == 1
            ? f.T($"Aftalen for 1 investering udløber i {next}; en eventuel videreførelse skal budgetteres.",
                $"The agreement of 1 investment ends in {next}; a continuation is to be budgeted.")
            : f.T($"Aftalerne for {ending.Count} investeringer udløber i {next}; en eventuel videreførelse skal budgetteres.",
                $"The agreements of {ending.Count} investments end in {next}; a continuation is to be budgeted."), "/Portfolio");
        yield return new ReportTable(f.T($"Investeringer hvis aftale udløber i {next}", $"Investments whose agreement ends in {next}"),
            [f.T("Investering", "Investment"), f.T("Aftalen udløber", "Agreement ends"), f.T("Kapital", "Capital"),
                f.T("Myndighed", "Authority")],
            [.. ending.Select(i => new ReportRow([
                new ReportCell(i.Name, Source: InvestmentLink(i.Key)),
                new ReportCell(AnnualTexts.Date(i.PeriodEnd), Source: InvestmentLink(i.Key)),
                new ReportCell(Kroner.Format(i.CommittedCapital), true, InvestmentLink(i.Key)),
                new ReportCell(string.Join(", ", i.Authorities))]))]);
    }
}
