using Bundlinje.Investments;

namespace Bundlinje.Web.Pages.Investments;

[Authorize(Policy = Policies.Secretariat)]
public sealed class CreateModel(BundlinjeDb db) : FormPage(db)
{
    [BindProperty] public InvestmentInput Input { get; set; } = new();
    [BindProperty] public string? NewKey { get; set; }
    [BindProperty] public string? FundKey { get; set; }
    public List<Fund.Fund> Funds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadFundsAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadFundsAsync(ct);
        // A posted fund is loaded and authorized like any other: another fund's key is refused (403), not offered.
        if (await Db.Funds.AsNoTracking().FirstOrDefaultAsync(f => f.Key == FundKey, ct) is { } posted
            && !await HttpContext.MayAsync(posted, Operations.Administer))
            return Forbid();
        var fund = Funds.FirstOrDefault(f => f.Key == FundKey);
        if (fund is null) ModelState.AddModelError(nameof(FundKey), "Vælg en fond, du administrerer.");
        if (!Keys.IsValid(NewKey)) ModelState.AddModelError(nameof(NewKey), Keys.Rule);
        else if (await Db.Investments.AnyAsync(i => i.Key == NewKey, ct))
            ModelState.AddModelError(nameof(NewKey), $"Nøglen '{NewKey}' er allerede brugt.");
        // A new investment has no approvals yet, so it cannot start out active.
        var investment = new Investment { Key = NewKey ?? "", Name = Input.Name?.Trim() ?? "", FundId = fund?.Id ?? 0 };
        if (investment.RefusalToMove(Input.Status, []) is { } refusal)
            ModelState.AddRefusal("Input.Status", refusal);
        if (!ModelState.IsValid) return Page();

        Input.ApplyTo(investment, []);
        Db.Investments.Add(investment);
        await Db.SaveChangesAsync(ct);
        return Redirect($"/Investments/{investment.Key}");
    }

    private async Task LoadFundsAsync(CancellationToken ct)
    {
        Funds = [];
        foreach (var fund in await Db.Funds.AsNoTracking().OrderBy(f => f.Name).ToListAsync(ct))
            if (await HttpContext.MayAsync(fund, Operations.Administer)) Funds.Add(fund);
    }
}
