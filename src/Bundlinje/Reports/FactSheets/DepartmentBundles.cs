using Bundlinje.Common;
using Bundlinje.Investments;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Reports.FactSheets;

/// <summary>All fact sheets of one paying department's investments in one document, for its councillor: a paying
/// department is an organisation with the authority role in an investment (the parties whose councillor approves it).</summary>
public sealed class DepartmentBundles(IBundlinjeStore store, FactSheets factSheets)
{
    /// <summary>The paying departments of the fund's investments by organisation key (what a route and an analyst's scope
    /// name) with their names, in name order.</summary>
    public async Task<IReadOnlyList<(string Key, string Name)>> PayingDepartmentsAsync(Fund.Fund fund, CancellationToken ct = default) =>
        (await AuthoritiesAsync(fund, ct)).Select(a => (a.Key, a.Name)).Distinct().OrderBy(a => a.Name, StringComparer.Ordinal).ToList();

    /// <summary>The bundle of <paramref name="department"/> (its organisation key, as in a route or an analyst's scope): a heading page
    /// listing its
    /// investments, then each investment's fact sheet on a new page, in name order. An unknown department is refused
    /// (report.unknownDepartment).</summary>
    public async Task<BuiltReport> BuildAsync(Fund.Fund fund, string department, DateOnly asOf, string language,
        CancellationToken ct = default)
    {
        var en = language == "en";
        var authorities = await AuthoritiesAsync(fund, ct);
        var mine = authorities.Where(a => a.Key == department).ToList();
        if (mine.Count == 0)
            throw Refused.At("department", "report.unknownDepartment", department,
                string.Join(", ", authorities.Select(a => a.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)));
        var name = mine[0].Name;
        var ids = mine.Select(a => a.InvestmentId).ToHashSet();
        var investments = (await store.Investments.AsNoTracking().Where(i => i.FundId == fund.Id && ids.Contains(i.Id)).ToListAsync(ct))
            .OrderBy(i => i.Name, StringComparer.Ordinal).ThenBy(i => i.Id).ToList();
        var inputs = new ReportInputs().Add($"bundle/{fund.Key}", new { Department = name, AsOf = asOf });
        var sections = new List<ReportSection> { Heading(fund, name, investments, asOf, en) };
        foreach (var investment in investments)
            sections.Add(await factSheets.SectionAsync(investment, asOf, language, inputs, newPage: true, ct));
        var document = new ReportDocument(en ? $"Fact sheets: {name}" : $"Faktaark: {name}",
            (en ? "Status as of " : "Status pr. ") + FactSheetDocument.Date(asOf) + " · " + fund.Name, ReportLayout.Landscape, sections,
            en ? "en" : "da");
        return new BuiltReport(document, inputs.Sha256());
    }

    private static ReportSection Heading(Fund.Fund fund, string department, IReadOnlyList<Investment> investments, DateOnly asOf,
        bool en)
    {
        var intro = en
            ? $"The fact sheets of the {investments.Count} investments of {fund.Name} that {department} pays for, as " +
                $"of {FactSheetDocument.Date(asOf)}:"
            : $"Faktaark for de {investments.Count} investeringer i {fund.Name}, som {department} betaler for, pr. {FactSheetDocument.Date(
                asOf)}:";
        var blocks = new List<ReportBlock> { new GeneratedText(intro, "/Portfolio") };
        blocks.AddRange(investments.Select(i => new GeneratedText(i.Name, $"/Investments/{i.Key}")));
        return new ReportSection(department, 1, blocks, Numbered: false);
    }

    private async Task<List<(int InvestmentId, string Key, string Name)>> AuthoritiesAsync(Fund.Fund fund, CancellationToken ct) =>
        (await store.Parties.AsNoTracking().Where(p => p.Role == PartyRole.Authority && p.Investment!.FundId == fund.Id)
            .Select(p => new { p.InvestmentId, p.Organisation!.Key, p.Organisation.Name }).ToListAsync(ct))
        .Select(p => (p.InvestmentId, p.Key, p.Name)).ToList();
}
