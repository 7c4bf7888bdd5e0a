using Bundlinje.Reports;

namespace Bundlinje.Web.Pages.Funds.Reports;

/// <summary>The annual report of a year as a preview (the fund's secretariat and council): the generated chapters with every
/// number linked to where it comes from, the texts the secretariat writes; the secretariat issues it as DOCX or PDF and can
/// copy the previous year's texts as a starting point.</summary>
[RouteFund(nameof(Operations.ReadFundWide))]
public sealed class AnnualModel(BundlinjeDb db, ReportGenerator reports, ReportNarratives narratives) : FundFormPage(db)
{
    [FromRoute] public int Year { get; set; }
    public ReportPreview Preview { get; private set; } = null!;
    public string? Done { get; private set; }
    private string Self => $"/Funds/{Key}/Reports/Annual/{Year}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The standalone page Chromium prints as the PDF; the browser's own print works on it too.</summary>
    public async Task<IActionResult> OnGetPrintAsync(CancellationToken ct) =>
        Content(ReportHtml.Standalone((await reports.AnnualAsync(Fund, Year, ReportAccess.Language, ct)).Document),
            "text/html; charset=utf-8");

    [Requires(nameof(Operations.Administer))]
    public Task<IActionResult> OnPostIssueAsync(string? format, string? language, CancellationToken ct) =>
        SaveFormAsync("Issue", async () =>
        {
            await reports.IssueAnnualAsync(Fund, Year, ReportAccess.Format(format), ReportAccess.DocumentLanguage(language), ct);
        }, $"/Funds/{Key}/Reports", () => LoadAsync(ct));

    [Requires(nameof(Operations.Administer))]
    public Task<IActionResult> OnPostCopyPreviousAsync(CancellationToken ct) =>
        SaveFormAsync("Copy", () => narratives.CopyAsync(Fund.Id, NarrativeScope.Previous(NarrativeScope.Annual(Year)),
            NarrativeScope.Annual(Year), ct), Self, () => LoadAsync(ct));

    private async Task LoadAsync(CancellationToken ct)
    {
        var built = await reports.AnnualAsync(Fund, Year, ReportAccess.Language, ct);
        var scope = NarrativeScope.Annual(Year);
        Preview = new(built, await HttpContext.MayAsync(Fund, Operations.Administer), scope, NarrativeScope.Previous(scope), Self, Key);
    }
}
