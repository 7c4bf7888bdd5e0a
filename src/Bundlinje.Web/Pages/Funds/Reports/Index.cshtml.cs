using Bundlinje.Reports;
using Bundlinje.Reports.FactSheets;

namespace Bundlinje.Web.Pages.Funds.Reports;

/// <summary>A fund's reports (docs/reports.md): the issued files each reader may read, with who generated them when and the
/// SHA-256 of their inputs and output; and where to open each report's preview (the annual report of a year, an
/// investment's fact sheet, a department's bundle).</summary>
[RouteFund(nameof(Operations.Read))]
public sealed class IndexModel(BundlinjeDb db, ReportArchive archive, DepartmentBundles bundles, TimeProvider clock) : FundPageModel
{
    public List<ReportListing> Issued { get; private set; } = [];
    public List<(string Key, string Name)> Investments { get; private set; } = [];
    public IReadOnlyList<(string Key, string Name)> Departments { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public ReportAccess Access { get; private set; } = null!;
    public DateOnly FactSheetAsOf { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Access = await ReportAccess.OfAsync(HttpContext, db, Fund, ct);
        Issued = (await archive.ListAsync(Fund, ct)).Where(r => Access.MayRead(r.Kind, r.Subject)).ToList();
        Investments = (await db.Investments.AsNoTracking().Where(i => i.FundId == Fund.Id).OrderBy(i => i.Name)
                .Select(i => new { i.Key, i.Name }).ToListAsync(ct))
            .Where(i => Access.MayRead(ReportKind.FactSheet, i.Key)).Select(i => (i.Key, i.Name)).ToList();
        var departments = await bundles.PayingDepartmentsAsync(Fund, ct);
        Departments = departments.Where(d => Access.MayRead(ReportKind.DepartmentBundle, d.Key)).ToList();
        var today = clock.Today();
        FactSheetAsOf = ReportPeriods.LastHalfYearEnd(today);
        var first = await db.LedgerPostings.Where(p => p.FundId == Fund.Id).Select(p => (int?)p.FiscalYear).MinAsync(ct)
            ?? ReportPeriods.LastYear(today);
        Years = Enumerable.Range(first, Math.Max(0, ReportPeriods.LastYear(today) - first + 1)).Reverse().ToList();
        return Page();
    }

    public string KindLabel(ReportKind kind) => kind switch
    {
        ReportKind.AnnualReport => "Årsrapport",
        ReportKind.FactSheet => "Faktaark",
        _ => "Forvaltningsbundt",
    };
}
