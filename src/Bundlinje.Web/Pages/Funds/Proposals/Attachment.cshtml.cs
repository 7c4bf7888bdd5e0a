using Bundlinje.Proposals;

namespace Bundlinje.Web.Pages.Funds.Proposals;

/// <summary>
/// Downloads one attachment of a proposal, for the fund's own secretariat only. Loaded through its owners (fund →
/// proposal → attachment), so an id from another proposal or fund is not found. Always a download
/// (Content-Disposition: attachment) under the sanitised name, with its checked content type and nosniff, never shown inline.
/// </summary>
[Authorize(Policy = Policies.Secretariat)]
[RouteFund(nameof(Operations.Administer))]
public sealed class AttachmentModel(BundlinjeDb db) : FundPageModel
{
    [FromRoute] public string Reference { get; set; } = "";
    [FromRoute] public int Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var proposal = await db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.FundId == Fund.Id && p.Reference == Reference, ct);
        if (proposal is null) return NotFound();
        var attachment = await db.ProposalAttachments.AsNoTracking()
            .FirstOrDefaultAsync(a => a.ProposalId == proposal.Id && a.Id == Id, ct);
        if (attachment is null) return NotFound();
        Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        Response.Headers.CacheControl = "no-store";
        var type = attachment.ContentType is AttachmentCheck.Pdf or AttachmentCheck.Docx or AttachmentCheck.Xlsx ? attachment.ContentType
            : "application/octet-stream";
        return File(attachment.Content, type, AttachmentName.Sanitise(attachment.FileName));
    }
}
