using System.Globalization;
using Bundlinje.Publication;
using Microsoft.AspNetCore.OutputCaching;

namespace Bundlinje.Web.Pages.Offentlig;

/// <summary>An investment's public page (anonymous): its published field groups only, results over time with a chart and
/// the payments made. 404 for an unknown fund or an investment that fund has not published. Cached (<see cref="PublicCache"/>).</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class InvestmentModel(PublicFunds funds) : PageModel
{
    [FromRoute] public string Fund { get; set; } = "";
    [FromRoute(Name = "investment")] public string Key { get; set; } = "";
    public PublicInvestment Data { get; private set; } = null!;
    public string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "da";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await funds.InvestmentAsync(Fund, Key, Language, ct) is not { } data) return NotFound();
        Data = data;
        return Page();
    }
}
