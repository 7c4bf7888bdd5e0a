using Bundlinje.Reports;
using Bundlinje.Reports.FactSheets;

namespace Bundlinje.Web.Pages.Funds.Reports;

/// <summary>All fact sheets of one paying department's investments in one document, for the councillor: the fund's
/// secretariat and council and the department's analysts read it; the secretariat issues it as DOCX or PDF. Its texts are
/// the investments' fact-sheet texts (edited on each fact sheet, or here through the links).</summary>
[RouteFund(nameof(Operations.Read))]
public sealed class DepartmentModel(BundlinjeDb db, ReportGenerator reports, DepartmentBundles bundles, TimeProvider clock)
    : FundFormPage(db)
{
    [FromRoute] public string Department { get; set; } = "";
    [FromQuery] public DateOnly? AsOf { get; set; }
    public DateOnly Date => AsOf ?? ReportPeriods.LastHalfYearEnd(clock.Today());
    public ReportPreview Preview { get; private set; } = null!;
    private string Self => $"/Funds/{Key}/Reports/Departments/{Uri.EscapeDataString(Department)}?asOf={Date:yyyy-MM-dd}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await RefuseAsync(ct) is { } refused) return refused;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetPrintAsync(CancellationToken ct) => await RefuseAsync(ct) ?? Content(ReportHtml.Standalone(
        (await reports.DepartmentAsync(Fund, Department, Date, ReportAccess.Language, ct)).Document), "text/html; charset=utf-8");

    [Requires(nameof(Operations.Administer))]
    public async Task<IActionResult> OnPostIssueAsync(string? format, string? language, CancellationToken ct) =>
        await RefuseAsync(ct) ?? await SaveFormAsync("Issue", () => reports.IssueDepartmentAsync(Fund, Department, Date,
            ReportAccess.Format(format), ReportAccess.DocumentLanguage(language), ct), $"/Funds/{Key}/Reports", () => LoadAsync(ct));

    /// <summary>403 for a reader who may not read the bundle; 404 for a department that pays for none of the fund's
    /// investments (another fund's department included).</summary>
    private async Task<IActionResult?> RefuseAsync(CancellationToken ct)
    {
        if (!(await ReportAccess.OfAsync(HttpContext, Db, Fund, ct)).MayRead(ReportKind.DepartmentBundle, Department)) return Forbid();
        return (await bundles.PayingDepartmentsAsync(Fund, ct)).Any(d => d.Key == Department) ? null : NotFound();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var built = await reports.DepartmentAsync(Fund, Department, Date, ReportAccess.Language, ct);
        Preview = new(built, await HttpContext.MayAsync(Fund, Operations.Administer), "", "", Self, Key);
    }
}
