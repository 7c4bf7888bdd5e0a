using Bundlinje.Common;

namespace Bundlinje.Web.Pages.Funds;

/// <summary>The fund's outgoing messages and whether they were sent (the fund's secretariat only: it holds addresses).</summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class OutboxModel(BundlinjeDb db, Microsoft.Extensions.Options.IOptions<SmtpSettings> smtp) : PageModel
{
    [FromRoute] public string Key { get; set; } = "";
    public List<OutboxMessage> Messages { get; private set; } = [];
    public bool SmtpEnabled => smtp.Value.Enabled;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var fund = await db.Funds.AsNoTracking().FirstOrDefaultAsync(f => f.Key == Key, ct);
        if (await this.RefuseUnlessAsync(fund, Operations.Administer) is { } refused) return refused;
        Messages = await db.OutboxMessages.AsNoTracking().Where(m => m.FundId == fund!.Id).OrderByDescending(m => m.Id).Take(500)
            .ToListAsync(ct);
        return Page();
    }
}
