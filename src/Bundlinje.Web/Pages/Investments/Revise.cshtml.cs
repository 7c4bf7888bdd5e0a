using System.Globalization;
using Bundlinje.Agreements;
using Bundlinje.Common;
using Bundlinje.Investments;

namespace Bundlinje.Web.Pages.Investments;

[Authorize(Policy = Policies.Secretariat)]
public sealed class ReviseModel(BundlinjeDb db) : FormPage(db)
{
    public Investment Investment { get; private set; } = null!;
    public IEnumerable<Party> InvestorParties => Investment.Parties.Where(p => p.Role is PartyRole.Investor or PartyRole.CoFunder);

    [BindProperty] public DateOnly? EffectiveOn { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public int? PlannedParticipants { get; set; }
    [BindProperty] public DateOnly? PeriodStart { get; set; }
    [BindProperty] public DateOnly? PeriodEnd { get; set; }
    [BindProperty] public string? TargetGroup { get; set; }
    [BindProperty] public string? PaymentModel { get; set; }
    [BindProperty] public Dictionary<string, string?> Capital { get; set; } = [];
    [BindProperty] public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct) => await LoadAsync(key, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string key, CancellationToken ct)
    {
        if (await LoadAsync(key, ct) is { } denied) return denied;
        if (EffectiveOn is null) ModelState.AddModelError(nameof(EffectiveOn), "Angiv, hvornår revisionen gælder fra.");
        var capital = new Dictionary<string, decimal>();
        foreach (var (org, text) in Capital.Where(c => !string.IsNullOrWhiteSpace(c.Value)))
        {
            if (!decimal.TryParse(text, NumberStyles.Number, Kroner.Danish, out var amount))
                ModelState.AddModelError(nameof(Capital), $"Kapital for '{org}' er ikke et beløb: '{text}'.");
            else if (Kroner.Problem($"Kapital for '{org}'", amount) is { } range) ModelState.AddModelError(nameof(Capital), range);
            else capital[org] = amount;
        }
        if (!ModelState.IsValid || !await IsCurrentAsync(Investment, Version, ct)) return Page();
        try
        {
            AgreementRevision.Revise(Investment, new RevisionRequest(EffectiveOn!.Value, Reason ?? "", PlannedParticipants,
                PeriodStart, PeriodEnd, TargetGroup, PaymentModel, capital), User.Identity!.Name!);
        }
        catch (RevisionRejected e)
        {
            ModelState.AddModelError(e.Field, e.Message);
            return Page();
        }
        // a revision changes the investment's version even if only parties changed
        Db.Entry(Investment).Property(i => i.Version).IsModified = true;
        if (!await TrySaveAsync(Investment, ct)) return Page();
        return Redirect($"/Investments/{Investment.Key}");
    }

    private async Task<IActionResult?> LoadAsync(string key, CancellationToken ct)
    {
        var investment = await Db.Investments.Include(i => i.Fund).Include(i => i.Parties).ThenInclude(p => p.Organisation)
            .Include(i => i.Versions).FirstOrDefaultAsync(i => i.Key == key, ct);
        if (await this.RefuseUnlessAsync(investment, Operations.Administer) is { } refused) return refused;
        Investment = investment!;
        return null;
    }
}
