using System.ComponentModel.DataAnnotations;

namespace Bundlinje.Web.Pages.Funds;

/// <summary>Creates a fund (no key in the route) or edits one the secretariat administers.</summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class EditModel(BundlinjeDb db) : FormPage(db)
{
    [FromRoute] public string? Key { get; set; }
    [BindProperty] public string? NewKey { get; set; }
    [BindProperty, Required(ErrorMessage = "Navn skal udfyldes."), StringLength(200, ErrorMessage = "Navn må højst være 200 tegn.")]
    public string? Name { get; set; }
    [BindProperty] public string? Council { get; set; }
    [BindProperty] public string? Secretariat { get; set; }
    [BindProperty, Range(1, 100, ErrorMessage = "Horisonten skal være 1-100 år.")] public int HorizonYears { get; set; } = 10;
    [BindProperty, Range(0, 150, ErrorMessage = "Budgetteret effekt skal være 0-150 %.")] public int BudgetEffectPercent { get; set; } = 80;
    [BindProperty] public string? Currency { get; set; } = Fund.Currencies.Default;
    [BindProperty] public int Version { get; set; }
    public bool IsNew => Key is null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (IsNew) return Page();
        var fund = await Db.Funds.AsNoTracking().FirstOrDefaultAsync(f => f.Key == Key, ct);
        if (await this.RefuseUnlessAsync(fund, Operations.Administer) is { } refused) return refused;
        (Name, Council, Secretariat, HorizonYears, BudgetEffectPercent, Currency, Version) =
            (fund!.Name, fund.Council, fund.Secretariat, fund.HorizonYears, fund.BudgetEffectPercent, fund.Currency, fund.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Fund.Fund? fund;
        Currency = Currency?.Trim().ToUpperInvariant();
        if (Fund.Currencies.Problem(nameof(Currency), Currency) is { } currencyProblem) ModelState.AddRefusal(nameof(Currency),
            currencyProblem);
        if (IsNew)
        {
            if (!Keys.IsValid(NewKey)) ModelState.AddModelError(nameof(NewKey), Keys.Rule);
            else if (await Db.Funds.AnyAsync(f => f.Key == NewKey, ct)) ModelState.AddModelError(nameof(NewKey),
                $"Nøglen '{NewKey}' er allerede brugt.");
            if (!ModelState.IsValid) return Page();
            fund = new Fund.Fund { Key = NewKey!, Name = Name!.Trim() };
            Db.Funds.Add(fund);
        }
        else
        {
            fund = await Db.Funds.FirstOrDefaultAsync(f => f.Key == Key, ct);
            if (await this.RefuseUnlessAsync(fund, Operations.Administer) is { } refused) return refused;
            if (!ModelState.IsValid || !await IsCurrentAsync(fund!, Version, ct)) return Page();
        }
        fund!.Name = Name!.Trim();
        fund.Council = string.IsNullOrWhiteSpace(Council) ? null : Council.Trim();
        fund.Secretariat = string.IsNullOrWhiteSpace(Secretariat) ? null : Secretariat.Trim();
        fund.HorizonYears = HorizonYears;
        fund.BudgetEffectPercent = BudgetEffectPercent;
        fund.Currency = Currency!;
        if (!await TrySaveAsync(fund, ct)) return Page();
        return Redirect("/Funds");
    }
}
