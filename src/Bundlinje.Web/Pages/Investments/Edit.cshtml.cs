using Bundlinje.Investments;

namespace Bundlinje.Web.Pages.Investments;

[Authorize(Policy = Policies.Secretariat)]
public sealed class EditModel(BundlinjeDb db) : FormPage(db)
{
    [BindProperty] public InvestmentInput Input { get; set; } = new();
    [FromRoute] public string Key { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var investment = await LoadAsync(ct);
        if (await this.RefuseUnlessAsync(investment, Operations.Administer) is { } refused) return refused;
        Input = InvestmentInput.From(investment!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var investment = await LoadAsync(ct);
        if (await this.RefuseUnlessAsync(investment, Operations.Administer) is { } refused) return refused;
        if (!ModelState.IsValid || !await IsCurrentAsync(investment!, Input.Version, ct)) return Page();
        var approvals = await Bundlinje.Agreements.ApprovalChain.OfAsync(Db, investment!.Id, ct);
        if (Bundlinje.Agreements.ApprovalChain.Refusal(investment, investment.Status, Input.Status, approvals) is { } refusal)
        {
            ModelState.AddModelError("Input.Status", refusal);
            return Page();
        }
        Input.ApplyTo(investment);
        if (!await TrySaveAsync(investment, ct)) return Page();
        return Redirect($"/Investments/{investment.Key}");
    }

    private Task<Investment?> LoadAsync(CancellationToken ct) =>
        Db.Investments.Include(i => i.Fund).Include(i => i.Parties).ThenInclude(p => p.Organisation)
            .FirstOrDefaultAsync(i => i.Key == Key, ct);
}
