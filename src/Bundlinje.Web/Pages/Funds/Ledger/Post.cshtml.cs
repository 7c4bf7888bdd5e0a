using Bundlinje.Common;
using Bundlinje.Fund;

namespace Bundlinje.Web.Pages.Funds.Ledger;

/// <summary>The secretariat posts one entry to a fund's ledger (either pot).</summary>
[Authorize(Policy = Policies.Secretariat)]
[RouteFund(nameof(Operations.Administer))]
public sealed class PostModel(BundlinjeDb db, Fund.Ledger ledger, TimeProvider clock) : FundFormPage(db)
{
    [BindProperty] public LedgerLine Line { get; set; } = new() { Basis = LedgerBasis.Actual, Kind = LedgerKind.RunningCost };
    [BindProperty] public string? AmountText { get; set; }
    public List<(string Key, string Name)> Investments { get; private set; } = [];


    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Line.FiscalYear = clock.Today().Year;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        // The investment is chosen from this fund's list; another fund's key is 404, like any id outside the route's fund.
        if (!string.IsNullOrWhiteSpace(Line.Investment) && Investments.All(i => i.Key != Line.Investment)) return NotFound();
        ModelState.Remove("Line.Amount");
        if (Kroner.TryParse(AmountText, out var amount)) Line.Amount = amount;
        else ModelState.AddModelError("Line.Amount", "Beløb: skriv et beløb i kr. som 1.234.567,50 (højst to decimaler).");
        foreach (var problem in LedgerRules.Check(Line))
            ModelState.AddRefusal(new Refused(Refusal.Labelled(LedgerRules.Label(problem.Field!), problem)), field =>
                $"Line.{char.ToUpperInvariant(field![0])}{field[1..]}");
        if (!ModelState.IsValid) return Page();
        try
        {
            var posting = await ledger.PostAsync(Fund, Line, LedgerSource.Manual, ct);
            return Redirect($"/Funds/{Key}/Ledger#posting-{posting.Id}");
        }
        catch (Refused e)
        {
            ModelState.AddRefusal(e);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Investments = (await Db.Investments.AsNoTracking().Where(i => i.FundId == Fund.Id).OrderBy(i => i.Name)
            .Select(i => new { i.Key, i.Name }).ToListAsync(ct)).Select(i => (i.Key, i.Name)).ToList();
}
