using Bundlinje.Investments;

namespace Bundlinje.Web.Pages.Investments.Parties;

[Authorize(Policy = Policies.Secretariat)]
public sealed class EditModel(BundlinjeDb db) : PartyForm(db)
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Find(id) is not { } party) return NotFound();
        Show(party);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Find(id) is not { } party) return NotFound();
        if (!await IsCurrentAsync(party, Version, ct) || !TryApply(party) || !await TrySaveAsync(party, ct)) return Page();
        return Redirect($"/Investments/{Investment.Key}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Find(id) is not { } party) return NotFound();
        if (!await IsCurrentAsync(party, Version, ct)) return Page();
        Investment.Parties.Remove(party);
        if (!await TrySaveAsync(party, ct)) return Page();
        return Redirect($"/Investments/{Investment.Key}");
    }

    private Party? Find(int id) => Investment.Parties.FirstOrDefault(p => p.Id == id);
}
