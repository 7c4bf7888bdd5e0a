using Bundlinje.Reports;
using Bundlinje.Web.Pages.Funds.Reports;

namespace Bundlinje.Web.Pages.Investments;

/// <summary>An investment's one-page fact sheet as of a date (default: the end of the last complete half-year) as a
/// preview: whoever reads the investment (its provider, investors, departments, the fund's secretariat and council); the
/// secretariat writes its texts for the half-year, issues it as DOCX or PDF and can copy the previous half-year's texts.</summary>
[RouteInvestment(nameof(Operations.Read))]
public sealed class FactSheetModel(BundlinjeDb db, ReportGenerator reports, ReportNarratives narratives, TimeProvider clock)
    : InvestmentFormPage(db)
{
    [FromQuery] public DateOnly? AsOf { get; set; }
    public DateOnly Date => AsOf ?? ReportPeriods.LastHalfYearEnd(clock.Today());
    public ReportPreview Preview { get; private set; } = null!;
    private string Self => $"/Investments/{Key}/FactSheet?asOf={Date:yyyy-MM-dd}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetPrintAsync(CancellationToken ct) =>
        Content(ReportHtml.Standalone((await reports.FactSheetAsync(Investment, Date, ReportAccess.Language, ct)).Document),
            "text/html; charset=utf-8");

    [Requires(nameof(Operations.Administer))]
    public Task<IActionResult> OnPostIssueAsync(string? format, string? language, CancellationToken ct) =>
        SaveFormAsync("Issue", () => reports.IssueFactSheetAsync(Investment, Date, ReportAccess.Format(format),
            ReportAccess.DocumentLanguage(language), ct), $"/Funds/{Investment.Fund!.Key}/Reports", () => LoadAsync(ct));

    [Requires(nameof(Operations.Administer))]
    public Task<IActionResult> OnPostCopyPreviousAsync(CancellationToken ct)
    {
        var scope = NarrativeScope.FactSheet(Key, Date);
        return SaveFormAsync("Copy", () => narratives.CopyAsync(Investment.FundId, NarrativeScope.Previous(scope), scope, ct), Self,
            () => LoadAsync(ct));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var built = await reports.FactSheetAsync(Investment, Date, ReportAccess.Language, ct);
        var scope = NarrativeScope.FactSheet(Key, Date);
        Preview = new(built, await HttpContext.MayAsync(Investment, Operations.Administer), scope, NarrativeScope.Previous(scope), Self,
            Investment.Fund!.Key);
    }
}
