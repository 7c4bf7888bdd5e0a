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
    [FromRoute] public string Fund { get; set; } = "";
    public PublicFund Data { get; private set; } = null!;
    /// <summary>The economics summary in force as the council froze it (null: none approved yet).</summary>
    public ApprovedEconomics? Economics { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await funds.FundAsync(Fund, ct) is not { } data) return NotFound();
        Data = data;
        Economics = await economics.LatestAsync(data.Id, ct);
        return Page();
    }
}
