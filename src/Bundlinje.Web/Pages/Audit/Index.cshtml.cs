using Bundlinje.Common;

namespace Bundlinje.Web.Pages.Audit;

/// <summary>Who changed what of one record; for an investment also its parties, sub-projects, enrolment and versions; for a
/// fund also its measure catalogue.
/// The audited record is loaded and authorized against its fund (<see cref="Operations.ReadFundWide"/>): an investment's
/// and a fund's log is for that fund's secretariat and council; an organisation's for those of the funds it belongs to.</summary>
[Authorize(Policy = Policies.AuditReader)]
public sealed class IndexModel(BundlinjeDb db) : PageModel
{
    public List<AuditEntry> Entries { get; private set; } = [];
    public string Title { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string type, int id, CancellationToken ct)
    {
        (object? Record, string? Name) audited = type switch
        {
            "Investment" => await db.Investments.AsNoTracking().Include(i => i.Fund).FirstOrDefaultAsync(i => i.Id == id, ct) is { } i
                ? (i, i.Name) : (null, null),
            "Organisation" => await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) is { } o ? (o, o.Name)
                : (null, null),
            "Fund" => await db.Funds.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct) is { } f ? (f, f.Name) : (null, null),
            _ => (null, null),
        };
        if (await this.RefuseUnlessAsync(audited.Record, Operations.ReadFundWide) is { } refused) return refused;
        Title = audited.Name!;
        var query = type switch
        {
            "Investment" => db.AuditEntries.Where(a => a.InvestmentId == id),
            // A fund's log includes its measure catalogue: every measure whose creation or deletion names this fund.
            "Fund" => db.AuditEntries.Where(a => (a.EntityType == type && a.EntityId == id)
                || (a.EntityType == nameof(FollowUps.Measure) && MeasuresOf(id).Contains(a.EntityId))),
            _ => db.AuditEntries.Where(a => a.EntityType == type && a.EntityId == id),
        };
        Entries = await query.AsNoTracking().OrderByDescending(a => a.Id).Take(1000).ToListAsync(ct);
        return Page();
    }

    private IQueryable<int> MeasuresOf(int fundId)
    {
        var key = fundId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return db.AuditEntries.Where(a => a.EntityType == nameof(FollowUps.Measure) && a.Field == nameof(FollowUps.Measure.FundId)
            && (a.NewValue == key || a.OldValue == key))
            .Select(a => a.EntityId);
    }
}
