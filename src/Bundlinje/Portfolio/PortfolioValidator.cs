using System.Text.RegularExpressions;
using Bundlinje.Agreements;
using Bundlinje.Investments;

namespace Bundlinje.Portfolio;

/// <summary>Checks a portfolio document as a whole; every problem names its JSON path.</summary>
public static partial class PortfolioValidator
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex KeyPattern();

    /// <param name="knownFunds">Fund keys already in the database (investments may name them).</param>
    /// <param name="knownOrganisations">Organisation keys already in the database.</param>
    public static IReadOnlyList<string> Validate(PortfolioDocument doc, IEnumerable<string> knownFunds,
        IEnumerable<string> knownOrganisations)
    {
        var problems = new List<string>();
        void Problem(string path, string message) => problems.Add($"{path}: {message}");

        if (doc.Format != PortfolioDocument.CurrentFormat)
            Problem("$.format", $"skal være \"{PortfolioDocument.CurrentFormat}\", ikke \"{doc.Format}\".");

        var funds = new HashSet<string>(knownFunds);
        var fileFunds = new HashSet<string>();
        for (var i = 0; i < doc.Funds.Count; i++)
        {
            var f = doc.Funds[i]; var p = $"$.funds[{i}]";
            CheckKey(f.Key, p, fileFunds, Problem);
            Required(f.Name, $"{p}.name", Problem);
            if (f.BudgetEffectPercent is < 0 or > 150) Problem($"{p}.budgetEffectPercent", "skal ligge mellem 0 og 150.");
            if (f.HorizonYears is < 1 or > 100) Problem($"{p}.horizonYears", "skal ligge mellem 1 og 100.");
        }
        funds.UnionWith(fileFunds);

        var orgs = new HashSet<string>(knownOrganisations);
        var fileOrgs = new HashSet<string>();
        for (var i = 0; i < doc.Organisations.Count; i++)
        {
            var o = doc.Organisations[i]; var p = $"$.organisations[{i}]";
            CheckKey(o.Key, p, fileOrgs, Problem);
            Required(o.Name, $"{p}.name", Problem);
        }
        orgs.UnionWith(fileOrgs);

        var investments = new HashSet<string>();
        for (var i = 0; i < doc.Investments.Count; i++)
            ValidateInvestment(doc.Investments[i], $"$.investments[{i}]", funds, orgs, investments, Problem);
        return problems;
    }

    private static void ValidateInvestment(InvestmentDto inv, string p, HashSet<string> funds, HashSet<string> orgs,
        HashSet<string> seen, Action<string, string> problem)
    {
        CheckKey(inv.Key, p, seen, problem);
        Required(inv.Name, $"{p}.name", problem);
        if (string.IsNullOrWhiteSpace(inv.Fund)) problem($"{p}.fund", "mangler.");
        else if (!funds.Contains(inv.Fund)) problem($"{p}.fund", $"ukendt fond '{inv.Fund}'.");
        if (inv.PeriodStart is { } s && inv.PeriodEnd is { } e && e < s)
            problem($"{p}.periodEnd", $"{e:yyyy-MM-dd} ligger før periodStart {s:yyyy-MM-dd}.");
        if (inv.PlannedParticipants is < 0) problem($"{p}.plannedParticipants", "kan ikke være negativt.");
        if (inv.PlannedPerYear is < 0) problem($"{p}.plannedPerYear", "kan ikke være negativt.");

        for (var j = 0; j < inv.Parties.Count; j++)
        {
            var party = inv.Parties[j]; var pp = $"{p}.parties[{j}]";
            if (string.IsNullOrWhiteSpace(party.Organisation)) problem($"{pp}.organisation", "mangler.");
            else if (!orgs.Contains(party.Organisation)) problem($"{pp}.organisation", $"ukendt organisation '{party.Organisation}'.");
            if (party.Capital is { } c && (c < 0 || party.Role is not (PartyRole.Investor or PartyRole.CoFunder)))
                problem($"{pp}.capital", c < 0 ? "kan ikke være negativ." : "kun investorer og medfinansierende har kapital.");
            if (party.Guarantee is { } g && (g < 0 || party.Role != PartyRole.DeficitGuarantor))
                problem($"{pp}.guarantee", g < 0 ? "kan ikke være negativ." : "kun underskudsgaranter har en garanti.");
            if (party.GuaranteeShare is { } gs && (gs is <= 0 or > 1 || party.Role != PartyRole.DeficitGuarantor))
                problem($"{pp}.guaranteeShare", gs is <= 0 or > 1 ? "skal være en andel over 0 og højst 1 (fx 0.25 for 25 %)."
                    : "kun underskudsgaranter har en garanti.");
            if (party.Donation is { } d && (d < 0 || party.Role != PartyRole.Donor))
                problem($"{pp}.donation", d < 0 ? "kan ikke være negativ." : "kun donorer har en donation.");
            foreach (var (field, amount) in new[] { ("capital", party.Capital), ("guarantee", party.Guarantee),
                ("donation", party.Donation) })
                if (Common.Kroner.RangeProblem(amount) is { } range) problem($"{pp}.{field}", range);
        }
        var duplicateParty = inv.Parties.GroupBy(x => (x.Organisation, x.Role)).FirstOrDefault(g => g.Count() > 1);
        if (duplicateParty is not null)
            problem($"{p}.parties", $"'{duplicateParty.Key.Organisation}' står flere gange som {duplicateParty.Key.Role}.");

        var subProjects = new HashSet<string>();
        for (var j = 0; j < inv.SubProjects.Count; j++)
        {
            var sp = inv.SubProjects[j]; var sp_ = $"{p}.subProjects[{j}]";
            if (string.IsNullOrWhiteSpace(sp.Name)) problem($"{sp_}.name", "mangler.");
            else if (!subProjects.Add(sp.Name)) problem($"{sp_}.name", $"'{sp.Name}' findes to gange.");
            if (sp.PlannedMin > sp.PlannedMax) problem($"{sp_}.plannedMin", "er større end plannedMax.");
            if (Common.Kroner.RangeProblem(sp.InjectedCapital) is { } injected) problem($"{sp_}.injectedCapital", injected);
        }
        for (var j = 0; j < inv.Enrolment.Count; j++)
        {
            var en = inv.Enrolment[j]; var ep = $"{p}.enrolment[{j}]";
            if (en.Enrolled < 0) problem($"{ep}.enrolled", "kan ikke være negativt.");
            if (en.SubProject is { } name && !subProjects.Contains(name)) problem($"{ep}.subProject", $"ukendt delprojekt '{name}'.");
        }
        for (var j = 0; j < inv.Versions.Count; j++)
        {
            var v = inv.Versions[j]; var vp = $"{p}.versions[{j}]";
            if (v.Number != j + 1) problem($"{vp}.number", $"skal være {j + 1} (versioner nummereres 1, 2, 3 …).");
            Required(v.Reason, $"{vp}.reason", problem);
            if (j > 0 && v.EffectiveOn < inv.Versions[j - 1].EffectiveOn) problem($"{vp}.effectiveOn", "ligger før den forrige version.");
            for (var k = 0; k < v.Changes.Count; k++)
            {
                var field = v.Changes[k].Field;
                if (!IsTerm(field)) problem($"{vp}.changes[{k}].field", $"ukendt vilkår '{field}'.");
            }
        }
    }

    private static bool IsTerm(string? field) => field is AgreementTerms.PlannedParticipants or AgreementTerms.PeriodStart
        or AgreementTerms.PeriodEnd or AgreementTerms.TargetGroup or AgreementTerms.PaymentModel
        || (field?.StartsWith(AgreementTerms.CapitalPrefix, StringComparison.Ordinal) ?? false);

    private static void CheckKey(string? key, string path, HashSet<string> seen, Action<string, string> problem)
    {
        if (string.IsNullOrWhiteSpace(key)) problem($"{path}.key", "mangler.");
        else if (!KeyPattern().IsMatch(key)) problem($"{path}.key", $"'{key}' må kun indeholde a-z, 0-9 og bindestreg.");
        else if (!seen.Add(key)) problem($"{path}.key", $"'{key}' findes to gange i filen.");
    }

    private static void Required(string? value, string path, Action<string, string> problem)
    {
        if (string.IsNullOrWhiteSpace(value)) problem(path, "mangler.");
    }
}
