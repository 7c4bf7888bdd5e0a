using System.Text.RegularExpressions;
using Bundlinje.Agreements;
using Bundlinje.Common;
using Bundlinje.Investments;

namespace Bundlinje.Portfolio;

/// <summary>Checks a portfolio document as a whole; every problem names its JSON path.</summary>
public static partial class PortfolioValidator
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex KeyPattern();

    /// <param name="knownFunds">Fund keys already in the database (investments may name them).</param>
    /// <param name="knownOrganisations">Organisation keys already in the database.</param>
    public static IReadOnlyList<Refusal> Validate(PortfolioDocument doc, IEnumerable<string> knownFunds,
        IEnumerable<string> knownOrganisations)
    {
        var problems = new List<Refusal>();
        void Problem(string path, string code, params object?[] args) => problems.Add(Refusal.At(path, code, args));

        if (doc.Format != PortfolioDocument.CurrentFormat)
            Problem("$.format", "portfolio.formatMustBe", PortfolioDocument.CurrentFormat, doc.Format);

        var funds = Keyed(knownFunds, doc.Funds, "$.funds", f => f.Key, f => f.Name, Problem, (f, p) =>
        {
            if (f.BudgetEffectPercent is < 0 or > 150) Problem($"{p}.budgetEffectPercent", "portfolio.between", 0, 150);
            if (f.HorizonYears is < 1 or > 100) Problem($"{p}.horizonYears", "portfolio.between", 1, 100);
        });
        var orgs = Keyed(knownOrganisations, doc.Organisations, "$.organisations", o => o.Key, o => o.Name, Problem);

        var investments = new HashSet<string>();
        for (var i = 0; i < doc.Investments.Count; i++)
            ValidateInvestment(doc.Investments[i], $"$.investments[{i}]", funds, orgs, investments, Problem);
        return problems;
    }

    private static void ValidateInvestment(InvestmentDto inv, string p, HashSet<string> funds, HashSet<string> orgs,
        HashSet<string> seen, Action<string, string, object?[]> problem)
    {
        CheckKey(inv.Key, p, seen, problem);
        Required(inv.Name, $"{p}.name", problem);
        if (string.IsNullOrWhiteSpace(inv.Fund)) problem($"{p}.fund", "file.missing", []);
        else if (!funds.Contains(inv.Fund)) problem($"{p}.fund", "ledger.unknownFundInFile", [inv.Fund]);
        if (inv.PeriodStart is { } s && inv.PeriodEnd is { } e && e < s)
            problem($"{p}.periodEnd", "portfolio.periodEndBeforeStart", [e.ToString("yyyy-MM-dd"), s.ToString("yyyy-MM-dd")]);
        if (inv.PlannedParticipants is < 0) problem($"{p}.plannedParticipants", "file.negativeNeuter", []);
        if (inv.PlannedPerYear is < 0) problem($"{p}.plannedPerYear", "file.negativeNeuter", []);

        for (var j = 0; j < inv.Parties.Count; j++)
        {
            var party = inv.Parties[j]; var pp = $"{p}.parties[{j}]";
            if (string.IsNullOrWhiteSpace(party.Organisation)) problem($"{pp}.organisation", "file.missing", []);
            else if (!orgs.Contains(party.Organisation)) problem($"{pp}.organisation", "portfolio.unknownOrganisation",
                [party.Organisation]);
            if (party.Capital is { } c && (c < 0 || party.Role is not (PartyRole.Investor or PartyRole.CoFunder)))
                problem($"{pp}.capital", c < 0 ? "file.negative" : "portfolio.capitalOnlyInvestors", []);
            if (party.Guarantee is { } g && (g < 0 || party.Role != PartyRole.DeficitGuarantor))
                problem($"{pp}.guarantee", g < 0 ? "file.negative" : "portfolio.guaranteeOnlyGuarantors", []);
            if (party.GuaranteeShare is { } gs && (gs is <= 0 or > 1 || party.Role != PartyRole.DeficitGuarantor))
                problem($"{pp}.guaranteeShare", gs is <= 0 or > 1 ? "portfolio.guaranteeShare" : "portfolio.guaranteeOnlyGuarantors", []);
            if (party.Donation is { } d && (d < 0 || party.Role != PartyRole.Donor))
                problem($"{pp}.donation", d < 0 ? "file.negative" : "portfolio.donationOnlyDonors", []);
            foreach (var (field, amount) in new[] { ("capital", party.Capital), ("guarantee", party.Guarantee),
                ("donation", party.Donation) })
                if (Kroner.RangeProblem(amount) is { } range) problem($"{pp}.{field}", range.Code, [.. range.Args]);
        }
        var duplicateParty = inv.Parties.GroupBy(x => (x.Organisation, x.Role)).FirstOrDefault(g => g.Count() > 1);
        if (duplicateParty is not null)
            problem($"{p}.parties", "portfolio.duplicateParty", [duplicateParty.Key.Organisation, duplicateParty.Key.Role]);

        var subProjects = new HashSet<string>();
        for (var j = 0; j < inv.SubProjects.Count; j++)
        {
            var sp = inv.SubProjects[j]; var sp_ = $"{p}.subProjects[{j}]";
            if (string.IsNullOrWhiteSpace(sp.Name)) problem($"{sp_}.name", "file.missing", []);
            else if (!subProjects.Add(sp.Name)) problem($"{sp_}.name", "portfolio.duplicateName", [sp.Name]);
            if (sp.PlannedMin > sp.PlannedMax) problem($"{sp_}.plannedMin", "portfolio.minAboveMax", []);
            if (Kroner.RangeProblem(sp.InjectedCapital) is { } injected) problem($"{sp_}.injectedCapital", injected.Code,
                [.. injected.Args]);
        }
        for (var j = 0; j < inv.Enrolment.Count; j++)
        {
            var en = inv.Enrolment[j]; var ep = $"{p}.enrolment[{j}]";
            if (en.Enrolled < 0) problem($"{ep}.enrolled", "file.negativeNeuter", []);
            if (en.SubProject is { } name && !subProjects.Contains(name)) problem($"{ep}.subProject", "portfolio.unknownSubProject",
                [name]);
        }
        for (var j = 0; j < inv.Versions.Count; j++)
        {
            var v = inv.Versions[j]; var vp = $"{p}.versions[{j}]";
            if (v.Number != j + 1) problem($"{vp}.number", "portfolio.versionNumber", [j + 1]);
            Required(v.Reason, $"{vp}.reason", problem);
            if (j > 0 && v.EffectiveOn < inv.Versions[j - 1].EffectiveOn) problem($"{vp}.effectiveOn", "portfolio.versionBeforePrevious",
                []);
            for (var k = 0; k < v.Changes.Count; k++)
            {
                var field = v.Changes[k].Field;
                if (!IsTerm(field)) problem($"{vp}.changes[{k}].field", "portfolio.unknownTerm", [field]);
            }
        }
    }

    private static bool IsTerm(string? field) => field is AgreementTerms.PlannedParticipants or AgreementTerms.PeriodStart
        or AgreementTerms.PeriodEnd or AgreementTerms.TargetGroup or AgreementTerms.PaymentModel
        || (field?.StartsWith(AgreementTerms.CapitalPrefix, StringComparison.Ordinal) ?? false);

    /// <summary>The keys known before the file and those of the file's records, each checked at <c>path[i]</c>: a
    /// well-formed key not used twice in the file, a name, and what <paramref name="more"/> checks.</summary>
    private static HashSet<string> Keyed<T>(IEnumerable<string> known, List<T> records, string path, Func<T, string?> key,
        Func<T, string?> name, Action<string, string, object?[]> problem, Action<T, string>? more = null)
    {
        var keys = new HashSet<string>();
        for (var i = 0; i < records.Count; i++)
        {
            var p = $"{path}[{i}]";
            CheckKey(key(records[i]), p, keys, problem);
            Required(name(records[i]), $"{p}.name", problem);
            more?.Invoke(records[i], p);
        }
        keys.UnionWith(known);
        return keys;
    }

    private static void CheckKey(string? key, string path, HashSet<string> seen, Action<string, string, object?[]> problem)
    {
        if (string.IsNullOrWhiteSpace(key)) problem($"{path}.key", "file.missing", []);
        else if (!KeyPattern().IsMatch(key)) problem($"{path}.key", "portfolio.keyPattern", [key]);
        else if (!seen.Add(key)) problem($"{path}.key", "portfolio.duplicateKey", [key]);
    }

    private static void Required(string? value, string path, Action<string, string, object?[]> problem)
    {
        if (string.IsNullOrWhiteSpace(value)) problem(path, "file.missing", []);
    }
}
