using Bundlinje.Agreements;
using Bundlinje.Investments;

namespace Bundlinje.Web.Pages.Investments;

/// <summary>The diff view: what one agreement revision changed against the version before it.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class VersionModel(BundlinjeDb db) : PageModel
{
    public Investment Investment { get; private set; } = null!;
    public AgreementVersion Current { get; private set; } = null!;

    public string OrganisationName(string key) =>
        Investment.Parties.FirstOrDefault(p => p.Organisation!.Key == key)?.Organisation!.Name ?? key;

    public async Task<IActionResult> OnGetAsync(string key, int number, CancellationToken ct)
    {
        var (refusal, investment) = await this.LoadAsync(db.Investments.AsNoTracking()
            .Include(i => i.Parties).ThenInclude(p => p.Organisation)
            .Include(i => i.Versions).ThenInclude(v => v.Changes), key, ct: ct);
        if (refusal is ForbidResult) return refusal;
        var version = investment?.Versions.FirstOrDefault(v => v.Number == number);
        if (version is null || number < 2) return NotFound();
        (Investment, Current) = (investment!, version);
        return Page();
    }
}
