using Bundlinje.Common;

namespace Bundlinje.Reports.Annual;

/// <summary>Chapter 4's section of one investment: key facts from its agreement as of the date, enrolment against the plan,
/// the results and payments of its approved follow-up runs, then the secretariat's status text.</summary>
internal static class AnnualInvestmentSection
{
    public static ReportSection Build(AnnualFacts f, InvestmentFacts i)
    {
        var blocks = new List<ReportBlock> { new FactList(Facts(f, i)) };
        blocks.Add(Runs(f, i));
        blocks.Add(AnnualReportBuilder.Narrative(f, $"investment/{i.Key}", f.T($"Status: {i.Name}", $"Status: {i.Name}")));
        return new ReportSection(i.Name, 2, blocks, Numbered: false);
    }

    private static List<Fact> Facts(AnnualFacts f, InvestmentFacts i)
    {
        var link = AnnualReportBuilder.InvestmentLink(i.Key);
        var facts = new List<Fact>
        {
            new(f.T("Periode", "Period"), Period(f, i), link),
            new(f.T("Status", "Status"), f.Status(i.Status), link),
        };
        facts.AddRange(i.Capital.Select(c =>
            new Fact(f.T($"Kapital, {c.Investor}", $"Capital, {c.Investor}"), Kroner.Format(c.Amount), link)));
        if (i.Providers.Count > 0) facts.Add(new(f.T("Leverandør", "Provider"), string.Join(", ", i.Providers), link));
        if (i.Authorities.Count > 0)
            facts.Add(new(f.T("Myndighed (betalende afdelinger)", "Authority (paying departments)"), string.Join(", ", i.Authorities),
                link));
        if (i.TargetGroup is { Length: > 0 } group) facts.Add(new(f.T("Målgruppe", "Target group"), group, link));
        if (i.Phase is { } phase) facts.Add(new(f.T("Fase", "Phase"), f.Phase(phase), $"{link}/Development"));
        if (Enrolment(f, i) is { } enrolment) facts.Add(enrolment);
        return facts;
    }

    private static string Period(AnnualFacts f, InvestmentFacts i) => (i.PeriodStart, i.PeriodEnd) switch
    {
        (null, null) => f.T("Ikke oplyst", "Not stated"),
        ({ } start, null) => f.T($"Fra {AnnualTexts.Date(start)}", $"From {AnnualTexts.Date(start)}"),
        (null, { } end) => f.T($"Til {AnnualTexts.Date(end)}", $"Until {AnnualTexts.Date(end)}"),
        ({ } start, { } end) => $"{AnnualTexts.Date(start)}–{AnnualTexts.Date(end)}",
    };

    private static Fact? Enrolment(AnnualFacts f, InvestmentFacts i)
    {
        if (i.Enrolment is not { } e) return null;
        var label = f.T($"Optag pr. {AnnualTexts.Date(e.AsOf)}", $"Enrolled as of {AnnualTexts.Date(e.AsOf)}");
        var value = Kroner.Number(e.Enrolled);
        if (e.Plan is { } plan)
            value += f.T($" mod forventet {Kroner.Number(plan.Expected)} ({(plan.Source == "indberettet forventning" ? plan.Source
                : "planlagt forløb")})", $" against {Kroner.Number(plan.Expected)} expected ({(plan.Source == "indberettet forventning"
                ? "reported expectation" : "planned curve")})");
        if (e.PlannedMax is { } max)
            value += f.T($"; planlagt i alt {Planned(e.PlannedMin, max)}", $"; planned in total {Planned(e.PlannedMin, max)}");
        return new Fact(label, value, AnnualReportBuilder.InvestmentLink(i.Key));
    }

    private static string Planned(int? min, int max) => min is { } m && m != max ? $"{Kroner.Number(m)}–{Kroner.Number(max)}"
        : Kroner.Number(max);

    private static ReportBlock Runs(AnnualFacts f, InvestmentFacts i)
    {
        if (i.Runs.Count == 0)
            return new GeneratedText(f.T($"Ingen godkendte opfølgninger med opgørelsesdato til og med {AnnualTexts.Date(f.AsOf)}.",
                $"No approved follow-up with an as-of date up to {AnnualTexts.Date(f.AsOf)}."), $"/Investments/{i.Key}/FollowUp/Runs");
        var rows = new List<ReportRow>();
        foreach (var run in i.Runs)
        {
            var link = $"/Investments/{i.Key}/FollowUp/Runs/{run.Id}";
            rows.AddRange(run.Metrics.Select(m => new ReportRow([
                AnnualTexts.Date(run.AsOf), m.Cohort is { Length: > 0 } c && c != "Alle" && c != "All" ? $"{m.Name} ({c})" : m.Name,
                new ReportCell(Kroner.Number(m.Achieved), true, link), new ReportCell(Kroner.Number(m.Eligible), true, link),
                new ReportCell(Kroner.Format(m.AfterCaps), true, link)], Indented: true)));
            rows.Add(new ReportRow([AnnualTexts.Date(run.AsOf), f.T("Betaling i alt", "Payment, total"), "", "",
                new ReportCell(Kroner.Format(run.Payable), true, link)], Total: true));
        }
        return new ReportTable(f.T("Resultater og betalinger (godkendte opfølgninger)", "Results and payments (approved follow-ups)"),
            [f.T("Opgjort pr.", "As of"), f.T("Resultatmål", "Outcome metric"), f.T("Opnået", "Achieved"), f.T("Omfattet", "Eligible"),
                f.T("Betaling", "Payment")], rows);
    }
}
