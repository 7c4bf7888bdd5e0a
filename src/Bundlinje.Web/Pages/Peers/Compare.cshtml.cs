using Bundlinje.Investments;
using Bundlinje.Peers;
using Bundlinje.Security;

namespace Bundlinje.Web.Pages.Peers;

/// <summary>One of our investments beside chosen INDIGO projects: capital, duration, participants, outcome metrics and
/// prices, payments against commitments. The investment is loaded and authorized as every investment page does
/// (unknown 404, not readable 403); without one the page only offers the choice.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class CompareModel(PeerLibrary library, BundlinjeDb db) : PageModel
{
    public const int MaxPeers = 6;

    [FromQuery(Name = "investment")] public string? InvestmentKey { get; set; }
    /// <summary>INDIGO ids, repeated (peers=a&amp;peers=b) or comma-separated.</summary>
    [FromQuery(Name = "peers")] public string[] PeerIds { get; set; } = [];

    public Investment? Investment { get; private set; }
    public List<PeerColumn> Peers { get; private set; } = [];
    public List<string> Unknown { get; private set; } = [];
    public List<(string Key, string Name)> Choices { get; private set; } = [];
    /// <summary>Our result payments: what approved follow-up runs made payers owe, and what of it is paid.</summary>
    public (decimal Owed, decimal Paid) Payments { get; private set; }

    public IEnumerable<string> Ids => PeerIds.SelectMany(p =>
        p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        .Distinct(StringComparer.Ordinal).Take(MaxPeers);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Choices = (await db.Investments.AsNoTracking().VisibleTo(User).OrderBy(i => i.Name).Select(i => new { i.Key, i.Name })
            .ToListAsync(ct)).Select(i => (i.Key, i.Name)).ToList();
        if (!string.IsNullOrWhiteSpace(InvestmentKey))
        {
            var (access, investment) = await db.Investments.AsNoTracking().Include(i => i.Parties).Include(i => i.SubProjects)
                .FindAsync(InvestmentKey, HttpContext, ct: ct);
            if (access == Access.NotFound) return NotFound();
            if (access == Access.Denied) return Forbid();
            Investment = investment;
            var obligations = await db.PaymentObligations.AsNoTracking().Where(o => o.InvestmentId == investment!.Id)
                .Select(o => new { o.Amount, o.PaidOn }).ToListAsync(ct);
            Payments = (obligations.Sum(o => o.Amount), obligations.Where(o => o.PaidOn != null).Sum(o => o.Amount));
        }
        foreach (var id in Ids)
        {
            if (await library.ProjectAsync(id, ct) is { } view) Peers.Add(PeerColumn.Of(view));
            else Unknown.Add(id);
        }
        return Page();
    }

    /// <summary>Months from the start to the end of our investment's period (inclusive of the start month).</summary>
    public static int? Months(Investment i) =>
        i.PeriodStart is { } s && i.PeriodEnd is { } e ? (e.Year - s.Year) * 12 + e.Month - s.Month + 1 : null;
}
