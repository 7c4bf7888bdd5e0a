using Bundlinje.Publication;
using Microsoft.AspNetCore.OutputCaching;

namespace Bundlinje.Web.Pages.Offentlig;

/// <summary>A fund's public page (anonymous): the fund, the capital of its published investments, each published
/// investment with status and headline results, and the open-data downloads. Read from <see cref="PublicFunds"/> only;
/// cached (<see cref="PublicCache"/>).</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class IndexModel(PublicFunds funds) : PageModel
{
    [FromRoute] public string Fund { get; set; } = "";
    public PublicFund Data { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await funds.FundAsync(Fund, ct) is not { } data) return NotFound();
        Data = data;
        return Page();
    }
}
