using Bundlinje.Organisations;

namespace Bundlinje.Web.Pages.Organisations;

/// <summary>Creates an organisation (no key in the route) or edits one.</summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class EditModel(BundlinjeDb db) : FormPage(db)
{
    [FromRoute] public string? Key { get; set; }
    [BindProperty] public string? NewKey { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public OrganisationKind Kind { get; set; }
    [BindProperty] public int Version { get; set; }
    public bool IsNew => Key is null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (IsNew) return Page();
        var org = await Db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Key == Key, ct);
        if (await this.RefuseUnlessAsync(org, Operations.Administer) is { } refused) return refused;
        (Name, Kind, Version) = (org!.Name, org.Kind, org.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Name)) ModelState.AddModelError(nameof(Name), "Navn skal udfyldes.");
        else if (Name.Trim().Length > 200) ModelState.AddModelError(nameof(Name), "Navn må højst være 200 tegn.");
        Organisation? org;
        if (IsNew)
        {
            if (!Keys.IsValid(NewKey)) ModelState.AddModelError(nameof(NewKey), Keys.Rule);
            else if (await Db.Organisations.AnyAsync(o => o.Key == NewKey, ct))
                ModelState.AddModelError(nameof(NewKey), $"Nøglen '{NewKey}' er allerede brugt.");
            if (!ModelState.IsValid) return Page();
            org = new Organisation { Key = NewKey!, Name = Name!.Trim() };
            Db.Organisations.Add(org);
        }
        else
        {
            org = await Db.Organisations.FirstOrDefaultAsync(o => o.Key == Key, ct);
            if (await this.RefuseUnlessAsync(org, Operations.Administer) is { } refused) return refused;
            if (!ModelState.IsValid || !await IsCurrentAsync(org!, Version, ct)) return Page();
        }
        org!.Name = Name!.Trim();
        org.Kind = Kind;
        if (!await TrySaveAsync(org, ct)) return Page();
        return Redirect($"/Organisations/{org.Key}");
    }
}
