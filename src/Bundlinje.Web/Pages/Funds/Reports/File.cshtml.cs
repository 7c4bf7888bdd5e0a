using Bundlinje.Reports;

namespace Bundlinje.Web.Pages.Funds.Reports;

/// <summary>An issued report's file as it was issued, to whoever may read that report; another fund's id is 404.</summary>
[RouteFund(nameof(Operations.Read))]
public sealed class FileModel(BundlinjeDb db, ReportArchive archive) : FundPageModel
{
    [FromRoute] public int Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var record = await archive.FindAsync(Fund, Id, ct);
        if (!(await ReportAccess.OfAsync(HttpContext, db, Fund, ct)).MayRead(record.Kind, record.Subject)) return Forbid();
        return File(record.Content, record.Format == ReportFormat.Pdf ? "application/pdf"
            : "application/vnd.openxmlformats-officedocument.wordprocessingml.document", record.FileName);
    }
}
