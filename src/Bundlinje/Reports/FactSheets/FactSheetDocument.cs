using Bundlinje.Common;
using Bundlinje.Investments;

namespace Bundlinje.Reports.FactSheets;

/// <summary>Builds MSB's one-page "Fakta om projektet" from loaded facts (no database): the facts of the agreement and its
/// parties, the payment model in words, the status (enrolment against the plan, the latest approved follow-up run, the
/// payments to date) and the hand-written status, experiences and quote.</summary>
public static class FactSheetDocument
{
    /// <summary>The fact sheet as a landscape document of one section.</summary>
    public static ReportDocument Document(FactSheetFacts facts, string language)
    {
        var en = language == "en";
        var fund = facts.Investment.Fund?.Name ?? "";
        return new ReportDocument(en ? $"Fact sheet: {facts.Investment.Name}" : $"Faktaark: {facts.Investment.Name}",
            (en ? "Status as of " : "Status pr. ") + Date(facts.AsOf) + (fund.Length > 0 ? " · " + fund : ""), ReportLayout.Landscape,
            [Section(facts, language)], en ? "en" : "da");
    }

    /// <summary>The fact sheet's one level-1 section in two columns, headed by the investment's name (a department bundle
    /// starts each on a new page).</summary>
    public static ReportSection Section(FactSheetFacts facts, string language, bool newPage = false)
    {
        var en = language == "en";
        var blocks = new List<ReportBlock>
        {
            new FactList(ProjectFacts(facts, en)),
            new FactList([PaymentModel(facts, en)]),
            new FactList(FactSheetStatus.Facts(facts, en)),
        };
        if (FactSheetStatus.Chart(facts, en) is { } chart) blocks.Add(chart);
        var n = facts.Narratives;
        blocks.Add(new NarrativeText("status", en ? "Status of the project" : "Status på projektet", n.Text("status")));
        blocks.Add(new NarrativeText("erfaringer", en ? "Particularly important experiences" : "Særligt væsentlige erfaringer",
            n.Text("erfaringer")));
        blocks.Add(new NarrativeText("citat", en ? "Quote" : "Citat", n.Text("citat"), IsQuote: true));
        blocks.Add(new NarrativeText("citat-af", en ? "Quoted" : "Citat af", n.Text("citat-af")));
        return new ReportSection(facts.Investment.Name, 1, blocks, Numbered: false, NewPage: newPage, Columns: 2);
    }

    public static string Date(DateOnly date) => date.ToString("dd-MM-yyyy", Kroner.Danish);

    internal static string Page(FactSheetFacts facts) => $"/Investments/{facts.Investment.Key}";

    private static List<Fact> ProjectFacts(FactSheetFacts facts, bool en)
    {
        var i = facts.Investment;
        var page = Page(facts);
        var list = new List<Fact>
        {
            new(en ? "Period" : "Periode", Period(i, en), page),
            new("Status", Status(i.Status, en), page),
            new(en ? "Invested capital" : "Indskudskapital", Kroner.Format(i.CommittedCapital), page),
        };
        foreach (var p in facts.Parties.Where(p => p.Role is PartyRole.Investor or PartyRole.CoFunder && p.Capital is not null))
            list.Add(new((en ? "of which " : "heraf ") + p.Organisation!.Name, Kroner.Format(p.Capital!.Value), page));
        list.Add(new(en ? "Target group" : "Målgruppe", TargetGroup(i, en), page));
        foreach (var role in Enum.GetValues<PartyRole>().Where(r => r != PartyRole.CoFunder))
        {
            var roles = role == PartyRole.Investor ? new[] { PartyRole.Investor, PartyRole.CoFunder } : [role];
            var names = facts.Parties.Where(p => roles.Contains(p.Role)).Select(p => p.Organisation!.Name).Distinct().ToList();
            if (names.Count > 0 || role is PartyRole.Authority or PartyRole.Provider or PartyRole.Investor)
                list.Add(new(RoleLabel(role, en), names.Count == 0 ? "–" : string.Join(", ", names), page));
        }
        list.Add(new(en ? "Paying departments" : "Betalende forvaltninger",
            facts.Departments.Count == 0 ? "–" : string.Join(", ", facts.Departments), page));
        if (facts.Phase is { } phase)
            list.Add(new(en ? "Phase" : "Fase", $"{PhaseChange.Number(phase.Phase)} {PhaseName(phase.Phase, en)} " +
                (en ? "since " : "siden ") + Date(phase.StartedOn), $"{page}/Development"));
        return list;
    }

    private static Fact PaymentModel(FactSheetFacts facts, bool en)
    {
        var label = en ? "Investment model" : "Investeringsmodel";
        if (facts.Model is { } stored)
            return new(label, string.Join(' ', PaymentModelInWords.Describe(stored.Model, en ? "en" : "da", facts.Measures)),
                $"{Page(facts)}/FollowUp/Model");
        return new(label, facts.Investment.PaymentModel is { Length: > 0 } text ? text
            : en ? "No payment model recorded." : "Ingen betalingsmodel registreret.", Page(facts));
    }

    private static string Period(Investment i, bool en) => (i.PeriodStart, i.PeriodEnd) switch
    {
        ({ } s, { } e) => $"{Date(s)} – {Date(e)}",
        ({ } s, null) => (en ? "from " : "fra ") + Date(s),
        (null, { } e) => (en ? "until " : "til ") + Date(e),
        _ => en ? "not recorded" : "ikke registreret",
    };

    private static string TargetGroup(Investment i, bool en)
    {
        var planned = i.Planned() is not { } p ? ""
            : (en ? "planned " : "planlagt ") + (p.Min == p.Max ? Kroner.Number(p.Max) : $"{Kroner.Number(p.Min)}–{Kroner.Number(p.Max)}")
              + (en ? " participants" : " deltagere")
              + (i.PlannedPerYear is { } y ? $" ({Kroner.Number(y)} {(en ? "per year" : "pr. år")})" : "");
        var group = i.TargetGroup ?? "";
        if (group.Length == 0) return planned.Length == 0 ? "–" : planned;
        if (planned.Length == 0) return group;
        // a stored target group that ends its sentence is followed by a new one
        return group.EndsWith('.') ? $"{group} {char.ToUpperInvariant(planned[0])}{planned[1..]}." : $"{group}; {planned}";
    }

    private static string Status(InvestmentStatus status, bool en) => status switch
    {
        InvestmentStatus.InDevelopment => en ? "In development" : "Under udvikling",
        InvestmentStatus.Active => en ? "Active" : "Aktiv",
        InvestmentStatus.Ended => en ? "Ended" : "Afsluttet",
        InvestmentStatus.TerminatedEarly => en ? "Terminated early" : "Afsluttet før tid",
        _ => "Donation",
    };

    private static string RoleLabel(PartyRole role, bool en) => role switch
    {
        PartyRole.Authority => en ? "Authority" : "Myndighed",
        PartyRole.Provider => en ? "Provider" : "Leverandør",
        PartyRole.Investor => en ? "Investors" : "Investorer",
        PartyRole.DeficitGuarantor => en ? "Deficit guarantor" : "Underskudsgarant",
        PartyRole.Donor => "Donor",
        PartyRole.EvaluationFunder => en ? "Funds the evaluation" : "Finansierer evaluering",
        _ => "Partner",
    };

    private static string PhaseName(DevelopmentPhase phase, bool en) => phase switch
    {
        DevelopmentPhase.Idea => en ? "Idea" : "Idé",
        DevelopmentPhase.DataAndDesign => en ? "Data and design" : "Data og design",
        DevelopmentPhase.BusinessCase => en ? "Business case" : "Businesscase",
        DevelopmentPhase.PaymentModel => en ? "Payment model" : "Betalingsmodel",
        DevelopmentPhase.Implementation => en ? "Implementation" : "Implementering",
        DevelopmentPhase.FollowUp => en ? "Follow-up" : "Opfølgning",
        _ => en ? "Evaluation" : "Evaluering",
    };
}
