using System.Globalization;
using Bundlinje.Common;
using Bundlinje.Investments;
using Bundlinje.Organisations;

namespace Bundlinje.Web.Pages.Investments.Parties;

/// <summary>Shared by adding and editing a party: the form fields and their validation.</summary>
[RouteInvestment(nameof(Operations.Administer))]
public abstract class PartyForm(BundlinjeDb db) : InvestmentFormPage(db)
{
    public List<Organisation> Organisations { get; private set; } = [];

    [BindProperty] public string? OrganisationKey { get; set; }
    [BindProperty] public PartyRole Role { get; set; }
    [BindProperty] public string? Capital { get; set; }
    [BindProperty] public string? Guarantee { get; set; }
    [BindProperty] public string? GuaranteeShare { get; set; }
    [BindProperty] public string? Donation { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public int Version { get; set; }

    /// <summary>The route's investment (loaded and authorized by <see cref="RouteResourceFilter"/>) gets its parties; the
    /// organisations to choose from.</summary>
    protected async Task LoadAsync(CancellationToken ct)
    {
        await Db.Entry(Investment).Collection(i => i.Parties).Query().Include(p => p.Organisation).LoadAsync(ct);
        Organisations = await Db.Organisations.OrderBy(o => o.Name).ToListAsync(ct);
    }

    protected void Show(Party p)
    {
        OrganisationKey = p.Organisation!.Key; Role = p.Role; Note = p.Note; Version = p.Version;
        Capital = Text(p.Capital); Guarantee = Text(p.Guarantee); GuaranteeShare = p.GuaranteeShare is { } s
            ? (s * 100m).ToString("0.##", Kroner.Danish) : null; Donation = Text(p.Donation);
    }

    /// <summary>Validates the form and writes it onto the party; false with field messages if the input is bad.</summary>
    protected bool TryApply(Party party)
    {
        var org = Organisations.FirstOrDefault(o => o.Key == OrganisationKey);
        if (org is null) ModelState.AddModelError(nameof(OrganisationKey), "Vælg en organisation.");
        var capital = Amount(nameof(Capital), Capital, "Kapital", Role is PartyRole.Investor or PartyRole.CoFunder,
            "investorer og medfinansierende");
        var guarantee = Amount(nameof(Guarantee), Guarantee, "Garanti", Role == PartyRole.DeficitGuarantor, "underskudsgaranter");
        var share = Percent(nameof(GuaranteeShare), GuaranteeShare, Role == PartyRole.DeficitGuarantor);
        var donation = Amount(nameof(Donation), Donation, "Donation", Role == PartyRole.Donor, "donorer");
        if (org is not null && Investment.Parties.Any(p => p != party && p.OrganisationId == org.Id && p.Role == Role))
            ModelState.AddModelError(nameof(Role), $"{org.Name} har allerede rollen {Labels.Of(Role)} i denne investering.");
        if (!ModelState.IsValid) return false;
        party.Organisation = org; party.Role = Role; party.Capital = capital; party.Guarantee = guarantee; party.GuaranteeShare = share;
        party.Donation = donation; party.Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();
        return true;
    }

    private decimal? Amount(string field, string? text, string label, bool allowed, string who)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!allowed) { ModelState.AddModelError(field, $"{label} kan kun angives for {who}."); return null; }
        if (!decimal.TryParse(text, NumberStyles.Number, Kroner.Danish, out var amount) || amount < 0)
        {
            ModelState.AddModelError(field, $"{label} skal være et beløb i kr. (0 eller derover), fx 1.700.000.");
            return null;
        }
        if (Kroner.Problem(label, amount) is { } range) { ModelState.AddRefusal(field, range); return null; }
        return amount;
    }

    /// <summary>A guarantee as a percentage of the drawn capital, "25" or "12,5" (stored as 0,25 / 0,125).</summary>
    private decimal? Percent(string field, string? text, bool allowed)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!allowed) { ModelState.AddModelError(field, "Garanti i procent kan kun angives for underskudsgaranter."); return null; }
        if (!decimal.TryParse(text.Trim().TrimEnd('%'), NumberStyles.Number, Kroner.Danish, out var percent) || percent is <= 0 or > 100
            || decimal.Round(percent, 2) != percent)
        {
            ModelState.AddModelError(field, "Garanti i procent skal være over 0 og højst 100 med højst to decimaler, fx 25 eller 12,5.");
            return null;
        }
        return percent / 100m;
    }

    private static string? Text(decimal? amount) => amount?.ToString("#,##0.##", Kroner.Danish);
}
