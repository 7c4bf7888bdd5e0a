using Bundlinje.Fund;
using Bundlinje.Publication;
using Microsoft.AspNetCore.OutputCaching;

namespace Bundlinje.Web.Pages.Funds;

/// <summary>The council approves the fund's economics summary for publication: the summary as it would be published (with
/// the what-if parameters of the economics page), the decision in force and the history. A council member of the fund
/// records the decision (<see cref="Operations.RecordCouncilDecision"/>); the secretariat sees the status; others are
/// refused. After a decision the public fund page's cache is evicted.</summary>
[RouteFund(nameof(Operations.ReadFundWide))]
public sealed class EconomicsPublicationModel(BundlinjeDb db, EconomicsPublications publications) : FundFormPage(db)
{
    [BindProperty(SupportsGet = true)] public int? Effect { get; set; }
    [BindProperty(SupportsGet = true)] public int? LaterFrom { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? CountedIn { get; set; }
    [BindProperty] public DateOnly? DecidedOn { get; set; }
    [BindProperty] public string? Reference { get; set; }
    /// <summary>The SHA-256 of the summary the form showed: the decision is refused if the books changed since.</summary>
    [BindProperty] public string? Seen { get; set; }

    public EconomicsSummaryDraft? Draft { get; private set; }
    public ApprovedEconomics? Latest { get; private set; }
    public IReadOnlyList<EconomicsPublication> History { get; private set; } = [];
    public bool Records { get; private set; }
    public string? Error { get; private set; }

    /// <summary>Whether the summary shown is the one in force (same summary from the same postings).</summary>
    public bool ShownIsApproved => Draft is not null && Latest?.Decision is { } d && d.SnapshotSha256 == Draft.SnapshotSha256
        && d.InputsSha256 == Draft.InputsSha256;

    public string Self => $"/Funds/{Key}/Economics/Publication";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    [Requires(nameof(Operations.RecordCouncilDecision))]
    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SaveFormAsync("Approve", async () =>
    {
        await publications.ApproveAsync(Fund, Query, DecidedOn, Reference, Seen, ct);
        // The public fund page shows the decision in force: its cached copy goes (when the app caches output).
        if (HttpContext.RequestServices.GetService<IOutputCacheStore>() is { } cache)
            await cache.EvictByTagAsync(PublicCache.Tag(Fund.Key), ct);
    }, Self + "?saved=true", () => LoadAsync(ct));

    private EconomicsQuery Query => new(Effect, LaterFrom, CountedIn);

    private async Task LoadAsync(CancellationToken ct)
    {
        Records = await HttpContext.MayAsync(Fund, Operations.RecordCouncilDecision);
        Latest = await publications.LatestAsync(Fund.Id, ct);
        History = await publications.HistoryAsync(Fund.Id, ct);
        try { Draft = await PreviewAsync(Query, ct); }
        catch (Refused e)
        {
            Error = Data.Texts.RefusalText.Message(e);
            (Effect, LaterFrom, CountedIn) = (null, null, null);
            Draft = await PreviewAsync(new(), ct);
        }
        if (Draft is not null) (Effect, LaterFrom, Seen) = (Draft.Options.EffectPercent, Draft.Options.LaterFrom, Draft.SnapshotSha256);
    }

    /// <summary>The summary now, or null when the fund has no postings to summarise.</summary>
    private async Task<EconomicsSummaryDraft?> PreviewAsync(EconomicsQuery query, CancellationToken ct)
    {
        try { return await publications.PreviewAsync(Fund, query, ct); }
        catch (Refused e) when (e.Code == "economicsPublication.noTable") { return null; }
    }
}
