
namespace Bundlinje.Web.Pages.Investments;

[Authorize(Policy = Policies.Secretariat)]
[RouteInvestment(nameof(Operations.Administer))]
public sealed class EditModel(BundlinjeDb db) : InvestmentFormPage(db)
{
    [BindProperty] public InvestmentInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadPartiesAsync(ct);
        Input = InvestmentInput.From(Investment);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var investment = Investment;
        await LoadPartiesAsync(ct);
        if (!ModelState.IsValid || !await IsCurrentAsync(investment!, Input.Version, ct)) return Page();
        var approvals = await Bundlinje.Agreements.ApprovalChain.OfAsync(Db, investment!.Id, ct);
        if (investment.RefusalToMove(Input.Status, approvals) is { } refusal)
        {
            ModelState.AddRefusal("Input.Status", refusal);
            return Page();
        }
        Input.ApplyTo(investment, approvals);
        if (!await TrySaveAsync(investment, ct)) return Page();
        return Redirect($"/Investments/{investment.Key}");
    }

    private Task LoadPartiesAsync(CancellationToken ct) =>
        Db.Entry(Investment).Collection(i => i.Parties).Query().Include(p => p.Organisation).LoadAsync(ct);
}
