using Bundlinje.Common;

namespace Bundlinje.Web.Pages.Audit;

/// <summary>Who changed what of one record; for an investment also its parties, sub-projects, enrolment and versions.</summary>
[Authorize(Policy = Policies.AuditReader)]
public sealed class IndexModel(BundlinjeDb db) : PageModel
{
    public List<AuditEntry> Entries { get; private set; } = [];
    public string Title { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string type, int id, CancellationToken ct)
    {
        string? title = type switch
        {
            "Investment" => await db.Investments.Where(i => i.Id == id && db.Investments.VisibleTo(User).Any(v => v.Id == i.Id)).Select(i => i.Name).FirstOrDefaultAsync(ct),
            "Organisation" => await db.Organisations.Where(o => o.Id == id).Select(o => o.Name).FirstOrDefaultAsync(ct),
            "Fund" => await db.Funds.Where(f => f.Id == id).Select(f => f.Name).FirstOrDefaultAsync(ct),
            _ => null,
        };
        if (title is null) return NotFound();
        Title = title;
        var query = type == "Investment"
            ? db.AuditEntries.Where(a => a.InvestmentId == id)
            : db.AuditEntries.Where(a => a.EntityType == type && a.EntityId == id);
        Entries = await query.AsNoTracking().OrderByDescending(a => a.Id).Take(1000).ToListAsync(ct);
        return Page();
    }
}
