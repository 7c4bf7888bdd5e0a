using Bundlinje.Peers;
using Bundlinje.Security;

namespace Bundlinje.Web.Pages.Peers;

/// <summary>The peer library (INDIGO's impact bond projects), filtered on the server by the query string; every signed-in
/// user reads it (it is public data).</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class IndexModel(PeerLibrary library, BundlinjeDb db) : PageModel
{
    public const int PageSize = 50;

    [FromQuery] public string? Country { get; set; }
    [FromQuery] public string? Sector { get; set; }
    [FromQuery] public string? Stage { get; set; }
    [FromQuery] public string? Population { get; set; }
    [FromQuery] public string? Metric { get; set; }
    [FromQuery] public string? Currency { get; set; }
    [FromQuery] public decimal? MinCapital { get; set; }
    [FromQuery] public decimal? MaxCapital { get; set; }
    [FromQuery] public int? MinParticipants { get; set; }
    [FromQuery] public int? MaxParticipants { get; set; }
    [FromQuery] public int? FromYear { get; set; }
    [FromQuery] public int? ToYear { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public PeerOptions Options { get; private set; } = null!;
    public List<PeerProject> Projects { get; private set; } = [];
    public int Matching { get; private set; }
    public Paging Paging { get; private set; } = null!;
    /// <summary>Our investments the user may read, by key: a linked project shows its investment only to them.</summary>
    public Dictionary<string, string> Readable { get; private set; } = [];
    public bool CapitalWithoutCurrency => (MinCapital is not null || MaxCapital is not null) && string.IsNullOrWhiteSpace(Currency);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Options = await library.OptionsAsync(ct);
        var found = await library.FindAsync(new PeerFilter(Country, Sector, Stage, Population, Metric, Currency, MinCapital, MaxCapital,
            MinParticipants, MaxParticipants, FromYear, ToYear), ct);
        Matching = found.Count;
        Paging = new(PageNumber, PageSize, found.Count, n => Request.With(("page", n == 1 ? null : n.ToString())));
        Projects = found.Skip(Paging.Skip).Take(PageSize).ToList();
        Readable = await db.Investments.AsNoTracking().VisibleTo(User).ToDictionaryAsync(i => i.Key, i => i.Name, ct);
    }
}
