using Bundlinje.Common;
using Bundlinje.Fund;

namespace Bundlinje.Web.Pages.Funds.Ledger;

/// <summary>The secretariat closes a fiscal year: its actual postings are locked from then on.</summary>
[Authorize(Policy = Policies.Secretariat)]
[RouteFund(nameof(Operations.Administer))]
public sealed class CloseModel(BundlinjeDb db, Fund.Ledger ledger) : FundFormPage(db)
{
    [BindProperty] public int? Year { get; set; }
    public List<ClosedFiscalYear> Closed { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Year is not (>= 1990 and <= 2100)) ModelState.AddModelError(nameof(Year), "Regnskabsår: skriv et år mellem 1990 og 2100.");
        else
        {
            try
            {
                await ledger.CloseYearAsync(Fund, Year.Value, ct);
                return Redirect($"/Funds/{Key}/Ledger/Close");
            }
            catch (Refused e) { ModelState.AddRefusal(e, _ => nameof(Year)); }
        }
        return await OnGetAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Closed = await Db.ClosedFiscalYears.AsNoTracking().Where(c => c.FundId == Fund.Id).OrderBy(c => c.Year).ToListAsync(ct);
}
