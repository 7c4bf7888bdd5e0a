using Bundlinje.Investments;

namespace Bundlinje.Web.Pages.Investments.Parties;

[Authorize(Policy = Policies.Secretariat)]
public sealed class AddModel(BundlinjeDb db) : PartyForm(db)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var party = new Party();
        if (!TryApply(party)) return Page();
        Investment.Parties.Add(party);
        await Db.SaveChangesAsync(ct);
        return Redirect($"/Investments/{Investment.Key}");
    }
}
