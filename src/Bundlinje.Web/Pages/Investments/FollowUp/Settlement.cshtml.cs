using Bundlinje.Fund;
using Bundlinje.FollowUps;
using Bundlinje.Investments;
using Bundlinje.Payments;

namespace Bundlinje.Web.Pages.Investments.FollowUp;

/// <summary>The investment's final settlement (secretariat of its fund only): per investor capital drawn, received,
/// guarantee paid, gain/loss, multiple and IRR, and a form that posts the guarantors' payments to the fund's ledger once.</summary>
[RouteInvestment(nameof(Operations.Administer))]
public sealed class SettlementModel(FinalSettlements settlements, TimeProvider clock) : InvestmentPageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? AsOf { get; set; }
    public FinalStatement? Statement { get; private set; }
    public List<LedgerPosting> Posted { get; private set; } = [];
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Statement is null) return Page();
        try
        {
            var postings = await settlements.PostAsync(Investment, AsOf!.Value, ct);
            Done = $"Garantibetalingen er bogført i fondens regnskab: {string.Join(", ",
                postings.Select(p => $"{p.Payer} {Kroner.Exact(p.Amount)} (postering {p.Id})"))}.";
        }
        catch (Refused e) { ModelState.AddRefusal(e); }
        Posted = await settlements.PostedAsync(Investment, ct);
        return Page();
    }

    /// <summary>The statement of the route's investment (which the route filter has authorized: 403 for all but its fund's
    /// secretariat).</summary>
    private async Task LoadAsync(CancellationToken ct)
    {
        AsOf ??= clock.Today();
        try { Statement = await settlements.StatementAsync(Investment, AsOf.Value, ct); }
        catch (Refused e) { ModelState.AddRefusal(e, _ => nameof(AsOf)); }
        Posted = await settlements.PostedAsync(Investment, ct);
    }
}
