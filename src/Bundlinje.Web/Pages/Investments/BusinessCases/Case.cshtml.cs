using System.Text;
using Bundlinje.BusinessCases;

namespace Bundlinje.Web.Pages.Investments.BusinessCases;

/// <summary>One stored business case of the investment, computed at the fund's discount rates and with the fund's
/// catalogue prices (<see cref="Bundlinje.BusinessCases.BusinessCases.ComputeAsync"/>): its facts, the yearly table, the
/// figures per budget holder, break-even and net present value, the outcomes with their prices and where they came from,
/// the sensitivity table with a tornado chart, and the revisions. Another investment's case id is 404; a case whose
/// prices no longer resolve (a catalogue code or index year since changed) shows why instead of its figures.</summary>
[RouteInvestment(nameof(Operations.Read))]
public sealed class CaseModel(Bundlinje.BusinessCases.BusinessCases cases, BusinessCaseExchange exchange) : InvestmentPageModel
{
    [FromRoute] public int Id { get; set; }
    /// <summary>Set by the save form's redirect: says the case was saved.</summary>
    [FromQuery(Name = "saved")] public bool Saved { get; set; }
    public StoredBusinessCase Stored { get; private set; } = null!;
    public BusinessCase Case { get; private set; } = null!;
    public ComputedCase? Computed { get; private set; }
    public List<StoredBusinessCase> History { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public DiscountRates Rates => Investment.Fund!.DiscountRates;
    public bool IsCurrent => History.Count == 0 || History[0].Id == Stored.Id;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Stored = await cases.FindAsync(Investment, Id, ct);
        Case = Stored.Case;
        History = await cases.HistoryAsync(Stored, ct);
        CanEdit = await HttpContext.MayAsync(Investment, Operations.EditBusinessCase);
        try { Computed = await cases.ComputeAsync(Investment, Stored, ct); }
        catch (Refused e) { ModelState.AddRefusal(e); }
        return Page();
    }

    /// <summary>The stored case file as it was saved, to edit and save again.</summary>
    public async Task<IActionResult> OnGetJsonAsync(CancellationToken ct)
    {
        var stored = await cases.FindAsync(Investment, Id, ct);
        var part = string.IsNullOrEmpty(stored.Part) ? "" : "-" + Slug(stored.Part);
        return File(Encoding.UTF8.GetBytes(stored.Json), "application/json",
            $"{Investment.Key}{part}-aftale{stored.AgreementVersion}-revision{stored.Revision}.json");
    }

    /// <summary>The case as the documented workbook (docs/business-cases.md, "Excel and CLI"), for an analyst to edit and
    /// save back on the list page.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        var export = await exchange.ExportAsync(Investment, Id, "xlsx", ct);
        return File(export.Content, export.ContentType, export.FileName);
    }

    private static string Slug(string text) => System.Text.RegularExpressions.Regex.Replace(
        text.ToLowerInvariant().Replace("æ", "ae").Replace("ø", "oe").Replace("å", "aa"), "[^a-z0-9]+", "-").Trim('-');

    /// <summary>The fund's stepwise social discount rates written out: "3,5 % for år 0–35, 2,5 % for år 36–70, 1,5 % derefter".</summary>
    public static (string Short, string Medium, string Long) RateTexts(DiscountRates rates) =>
        (CaseLabels.Percent(rates.Short), CaseLabels.Percent(rates.Medium), CaseLabels.Percent(rates.Long));
}
