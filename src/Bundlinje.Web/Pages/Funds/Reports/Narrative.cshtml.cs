using System.Text.RegularExpressions;
using Bundlinje.Reports;

namespace Bundlinje.Web.Pages.Funds.Reports;

/// <summary>The secretariat writes one text of a report (a field of a narrative scope of this fund): the current revision in
/// a form, saved as a new revision on the revision it was opened with (someone else's newer save is not overwritten), and
/// the field's history. The scope must be this fund's: an annual report's year or a fact sheet of this fund's investment
/// (another fund's investment is 404).</summary>
[RouteFund(nameof(Operations.Administer))]
public sealed partial class NarrativeModel(BundlinjeDb db, ReportNarratives narratives) : FundFormPage(db)
{
    [FromQuery] public string Scope { get; set; } = "";
    [FromQuery] public string Field { get; set; } = "";
    [FromQuery] public string? Back { get; set; }
    [BindProperty] public string Text { get; set; } = "";
    [BindProperty] public int BasedOn { get; set; }
    public List<ReportNarrative> History { get; private set; } = [];
    public string BackLink => Back is { } b && Url.IsLocalUrl(b) ? b : $"/Funds/{Key}/Reports";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await IsThisFundsAsync(ct)) return NotFound();
        await LoadAsync(ct);
        Text = History.FirstOrDefault()?.Text ?? "";
        BasedOn = History.FirstOrDefault()?.Revision ?? 0;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await IsThisFundsAsync(ct)) return NotFound();
        return await SaveFormAsync("Input", () => narratives.SaveAsync(Fund.Id, Scope, Field, Text, BasedOn, ct),
            BackLink + "#" + ReportHtml.NarrativeAnchor(Field), () => LoadAsync(ct));
    }

    /// <summary>Whether the scope and field are well-formed and the scope is this fund's.</summary>
    private async Task<bool> IsThisFundsAsync(CancellationToken ct)
    {
        if (!FieldPattern().IsMatch(Field)) return false;
        if (AnnualScope().Match(Scope) is { Success: true }) return true;
        return FactSheetScope().Match(Scope) is { Success: true } m
            && await Db.Investments.AnyAsync(i => i.FundId == Fund.Id && i.Key == m.Groups[1].Value, ct);
    }

    private async Task LoadAsync(CancellationToken ct) => History = await narratives.HistoryAsync(Fund.Id, Scope, Field, ct);

    [GeneratedRegex("^[a-z0-9][a-z0-9/-]{0,199}$")]
    private static partial Regex FieldPattern();

    [GeneratedRegex("^annual/(20[0-9]{2}|2100)$")]
    private static partial Regex AnnualScope();

    [GeneratedRegex("^factsheet/([a-z0-9-]{1,100})/20[0-9]{2}-[12]$")]
    private static partial Regex FactSheetScope();
}
