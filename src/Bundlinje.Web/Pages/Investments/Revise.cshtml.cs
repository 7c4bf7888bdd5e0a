using System.Globalization;
using Bundlinje.Agreements;
using Bundlinje.Common;
using Bundlinje.Investments;

namespace Bundlinje.Web.Pages.Investments;

[Authorize(Policy = Policies.Secretariat)]
[RouteInvestment(nameof(Operations.Administer))]
public sealed class ReviseModel(BundlinjeDb db) : InvestmentFormPage(db)
{
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

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (EffectiveOn is null) ModelState.AddModelError(nameof(EffectiveOn), "Angiv, hvornår revisionen gælder fra.");
        var capital = new Dictionary<string, decimal>();
        foreach (var (org, text) in Capital.Where(c => !string.IsNullOrWhiteSpace(c.Value)))
        {
            if (!decimal.TryParse(text, NumberStyles.Number, Kroner.Danish, out var amount))
                ModelState.AddModelError(nameof(Capital), $"Kapital for '{org}' er ikke et beløb: '{text}'.");
            else if (Kroner.Problem($"Kapital for '{org}'", amount) is { } range) ModelState.AddRefusal(nameof(Capital), range);
            else capital[org] = amount;
        }
        if (!ModelState.IsValid || !await IsCurrentAsync(Investment, Version, ct)) return Page();
        try
        {
            AgreementRevision.Revise(Investment, new RevisionRequest(EffectiveOn!.Value, Reason ?? "", PlannedParticipants,
                PeriodStart, PeriodEnd, TargetGroup, PaymentModel, capital), User.Identity!.Name!);
        }
        catch (Refused e)
        {
            ModelState.AddRefusal(e, field => field);
            return Page();
        }
        // a revision changes the investment's version even if only parties changed
        Db.Entry(Investment).Property(i => i.Version).IsModified = true;
        if (!await TrySaveAsync(Investment, ct)) return Page();
        return Redirect($"/Investments/{Investment.Key}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var entry = Db.Entry(Investment);
        await entry.Collection(i => i.Parties).Query().Include(p => p.Organisation).LoadAsync(ct);
        await entry.Collection(i => i.Versions).LoadAsync(ct);
    }
}
