using Bundlinje.Publication;
using Microsoft.AspNetCore.OutputCaching;

namespace Bundlinje.Web.Pages.Offentlig;

/// <summary>A fund's public page (anonymous): the fund, the capital of its published investments, each published
/// investment with status and headline results, the economics summary the council approved for publication, and the
/// open-data downloads. Read from <see cref="PublicFunds"/> and the council's frozen snapshot
/// (<see cref="EconomicsPublications"/>) only; cached (<see cref="PublicCache"/>).</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class IndexModel(PublicFunds funds, EconomicsPublications economics) : PageModel
{
    /// <summary>Investments per page of the list (1.000 investments in one page would be 400 KB).</summary>
    public const int PageSize = 50;

    [FromRoute] public string Fund { get; set; } = "";
    /// <summary>The page of the investment list, from 1 (query <c>side</c>, <see cref="PublicCache.PageQuery"/>).</summary>
    [FromQuery(Name = PublicCache.PageQuery)] public int Side { get; set; } = 1;
    public int Pages { get; private set; } = 1;
    public IReadOnlyList<PublicInvestmentSummary> Shown { get; private set; } = [];
    public PublicFund Data { get; private set; } = null!;
    /// <summary>The economics summary in force as the council froze it (null: none approved yet).</summary>
    public ApprovedEconomics? Economics { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await funds.FundAsync(Fund, ct) is not { } data) return NotFound();
        Pages = Math.Max(1, (data.Investments.Count + PageSize - 1) / PageSize);
        if (!ModelState.IsValid || Side < 1 || Side > Pages) return NotFound();
        Data = data;
        Shown = data.Investments.Skip((Side - 1) * PageSize).Take(PageSize).ToList();
        Economics = await economics.LatestAsync(data.Id, ct);
        return Page();
    }
}
