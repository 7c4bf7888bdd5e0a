using Bundlinje.Common;

namespace Bundlinje.Web.Pages.Funds;

/// <summary>The fund's outgoing messages and whether they were sent (the fund's secretariat only: it holds addresses).</summary>
[Authorize(Policy = Policies.Secretariat)]
[RouteFund(nameof(Operations.Administer))]
public sealed class OutboxModel(BundlinjeDb db, Microsoft.Extensions.Options.IOptions<SmtpSettings> smtp) : FundPageModel
{
    public List<OutboxMessage> Messages { get; private set; } = [];
    public bool SmtpEnabled => smtp.Value.Enabled;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Messages = await db.OutboxMessages.AsNoTracking().Where(m => m.FundId == Fund.Id).OrderByDescending(m => m.Id).Take(500)
            .ToListAsync(ct);
        return Page();
    }
}
