using Bundlinje.Investments;

namespace Bundlinje.Web.Pages.Investments.Parties;

[Authorize(Policy = Policies.Secretariat)]
public sealed class AddModel(BundlinjeDb db) : PartyForm(db)
{
    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct) => await LoadAsync(key, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string key, CancellationToken ct)
    {
        if (await LoadAsync(key, ct) is { } denied) return denied;
        var party = new Party();
        if (!TryApply(party)) return Page();
        Investment.Parties.Add(party);
        await Db.SaveChangesAsync(ct);
        return Redirect($"/Investments/{Investment.Key}");
    }
}
