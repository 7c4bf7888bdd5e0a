using Bundlinje.Agreements;
using Bundlinje.Investments;

namespace Bundlinje.Web.Pages.Investments;

/// <summary>The diff view: what one agreement revision changed against the version before it.</summary>
[Authorize(Policy = Policies.Reader)]
[RouteInvestment(nameof(Operations.Read))]
public sealed class VersionModel(BundlinjeDb db) : PageModel, IInvestmentPage
{
    public Investment Investment { get; set; } = null!;
    public AgreementVersion Current { get; private set; } = null!;

    public string OrganisationName(string key) =>
        Investment.Parties.FirstOrDefault(p => p.Organisation!.Key == key)?.Organisation!.Name ?? key;

    public async Task<IActionResult> OnGetAsync(int number, CancellationToken ct)
    {
        var entry = db.Entry(Investment);
        await entry.Collection(i => i.Parties).Query().Include(p => p.Organisation).LoadAsync(ct);
        await entry.Collection(i => i.Versions).Query().Include(v => v.Changes).LoadAsync(ct);
        var version = Investment.Versions.FirstOrDefault(v => v.Number == number);
        if (version is null || number < 2) return NotFound();
        Current = version;
        return Page();
    }
}
