using Bundlinje.Common;
using Bundlinje.Fund;

namespace Bundlinje.Web.Pages.Funds.Ledger;

/// <summary>The secretariat closes a fiscal year: its actual postings are locked from then on.</summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class CloseModel(BundlinjeDb db, ICurrentUser user, TimeProvider clock) : FormPage(db)
{
    [FromRoute] public string Key { get; set; } = "";
    [BindProperty] public int? Year { get; set; }
    public List<ClosedFiscalYear> Closed { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        if (Year is not (>= 1990 and <= 2100)) ModelState.AddModelError(nameof(Year), "Regnskabsår: skriv et år mellem 1990 og 2100.");
        else
        {
            try
            {
                await new Fund.Ledger(Db, user, clock).CloseYearAsync(Key, Year.Value, ct);
                return Redirect($"/Funds/{Key}/Ledger/Close");
            }
            catch (Refused e) { ModelState.AddRefusal(e, _ => nameof(Year)); }
        }
        return await LoadAsync(ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var fund = await Db.Funds.AsNoTracking().FirstOrDefaultAsync(f => f.Key == Key, ct);
        if (await this.RefuseUnlessAsync(fund, Operations.Administer) is { } refused) return refused;
        Closed = await Db.ClosedFiscalYears.AsNoTracking().Where(c => c.FundId == fund!.Id).OrderBy(c => c.Year).ToListAsync(ct);
        return null;
    }
}
