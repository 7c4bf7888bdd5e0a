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
    /// <summary>The social discount rate for business cases in % (years 0–35, 36–70, after) and the sensitivity step in %;
    /// empty keeps the fund's (a new fund: Finansministeriet's 3,5 / 2,5 / 1,5 % and ± 20 %).</summary>
    [BindProperty] public string? DiscountShort { get; set; }
    [BindProperty] public string? DiscountMedium { get; set; }
    [BindProperty] public string? DiscountLong { get; set; }
    [BindProperty] public string? SensitivityStep { get; set; }
    public bool IsNew => Key is null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (IsNew) return Page();
        var fund = await Db.Funds.AsNoTracking().FirstOrDefaultAsync(f => f.Key == Key, ct);
        if (await this.RefuseUnlessAsync(fund, Operations.Administer) is { } refused) return refused;
        (Name, Council, Secretariat, HorizonYears, BudgetEffectPercent, Currency, Version) =
            (fund!.Name, fund.Council, fund.Secretariat, fund.HorizonYears, fund.BudgetEffectPercent, fund.Currency, fund.Version);
        (DiscountShort, DiscountMedium, DiscountLong, SensitivityStep) = (Percent.Text(fund.DiscountRateShort),
            Percent.Text(fund.DiscountRateMedium), Percent.Text(fund.DiscountRateLong), Percent.Text(fund.SensitivityStep));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Fund.Fund? fund;
        Currency = Currency?.Trim().ToUpperInvariant();
        if (Fund.Currencies.Problem(nameof(Currency), Currency) is { } currencyProblem) ModelState.AddRefusal(nameof(Currency),
            currencyProblem);
        var short_ = Rate(nameof(DiscountShort), "label.discountShort", DiscountShort, 0m, 20m);
        var medium = Rate(nameof(DiscountMedium), "label.discountMedium", DiscountMedium, 0m, 20m);
        var long_ = Rate(nameof(DiscountLong), "label.discountLong", DiscountLong, 0m, 20m);
        var step = Rate(nameof(SensitivityStep), "label.sensitivityStep", SensitivityStep, 1m, 90m);
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
        fund.DiscountRateShort = short_ ?? fund.DiscountRateShort;
        fund.DiscountRateMedium = medium ?? fund.DiscountRateMedium;
        fund.DiscountRateLong = long_ ?? fund.DiscountRateLong;
        fund.SensitivityStep = step ?? fund.SensitivityStep;
        if (!await TrySaveAsync(fund, ct)) return Page();
        return Redirect("/Funds");
    }

    /// <summary>A percentage typed on the form as a share (3,5 → 0,035); a message on the field when it is not a number in
    /// [min, max] %.</summary>
    private decimal? Rate(string field, string label, string? text, decimal min, decimal max)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Percent.Parse(text) is { } percent && percent >= min && percent <= max) return percent / 100m;
        ModelState.AddRefusal(field, Refusal.Labelled(Refusal.Of(label), Refusal.Of("fund.percentRange", text.Trim(), min, max)));
        return null;
    }
}
