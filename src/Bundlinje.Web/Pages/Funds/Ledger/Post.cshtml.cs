using Bundlinje.Common;
using Bundlinje.Fund;

namespace Bundlinje.Web.Pages.Funds.Ledger;

/// <summary>The secretariat posts one entry to a fund's ledger (either pot).</summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class PostModel(BundlinjeDb db, ICurrentUser user, TimeProvider clock) : FormPage(db)
{
    [FromRoute] public string Key { get; set; } = "";
    [BindProperty] public LedgerLine Line { get; set; } = new() { Basis = LedgerBasis.Actual, Kind = LedgerKind.RunningCost };
    [BindProperty] public string? AmountText { get; set; }
    public List<(string Key, string Name)> Investments { get; private set; } = [];


    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Line.FiscalYear = clock.Today().Year;
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        // The investment is chosen from this fund's list; another fund's key is 404, like any id outside the route's fund.
        if (!string.IsNullOrWhiteSpace(Line.Investment) && Investments.All(i => i.Key != Line.Investment)) return NotFound();
        ModelState.Remove("Line.Amount");
        if (Kroner.TryParse(AmountText, out var amount)) Line.Amount = amount;
        else ModelState.AddModelError("Line.Amount", "Beløb: skriv et beløb i kr. som 1.234.567,50 (højst to decimaler).");
        foreach (var (field, message) in LedgerRules.Check(Line))
            ModelState.AddModelError($"Line.{char.ToUpperInvariant(field[0])}{field[1..]}", $"{Field(field)}: {message}");
        if (!ModelState.IsValid) return Page();
        try
        {
            var posting = await new Fund.Ledger(Db, user, clock).PostAsync(Key, Line, LedgerSource.Manual, ct);
            return Redirect($"/Funds/{Key}/Ledger#posting-{posting.Id}");
        }
        catch (LedgerRefused e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
            return Page();
        }
    }

    private static string Field(string field) => field switch
    {
        "fiscalYear" => "Regnskabsår",
        "amount" => "Beløb",
        "entryDate" => "Dato",
        "kind" => "Art",
        "pot" => "Pulje",
        "investment" => "Indsats",
        "category" => "Kategori",
        _ => field,
    };

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var fund = await Db.Funds.AsNoTracking().FirstOrDefaultAsync(f => f.Key == Key, ct);
        if (await this.RefuseUnlessAsync(fund, Operations.Administer) is { } refused) return refused;
        Investments = (await Db.Investments.AsNoTracking().Where(i => i.FundId == fund!.Id).OrderBy(i => i.Name)
            .Select(i => new { i.Key, i.Name }).ToListAsync(ct)).Select(i => (i.Key, i.Name)).ToList();
        return null;
    }
}
