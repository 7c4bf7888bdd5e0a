using Bundlinje.Fund;
using Bundlinje.Reports;

namespace Bundlinje.Web.Pages.Funds;

/// <summary>The council's economics table with what-if parameters; every cell links to the postings behind it.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class EconomicsModel(BundlinjeDb db, TimeProvider clock) : PageModel
{
    [FromRoute] public string Key { get; set; } = "";
    [FromQuery] public int? Effect { get; set; }
    [FromQuery] public DateOnly? CountedIn { get; set; }
    [FromQuery] public int? LaterFrom { get; set; }
    public EconomicsReport Report { get; private set; } = null!;
    public string? Error { get; private set; }
    public bool Administers { get; private set; }
    public bool FundWide => !Report.Scoped;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var fund = await db.Funds.AsNoTracking().FirstOrDefaultAsync(f => f.Key == Key, ct);
        if (await this.RefuseUnlessAsync(fund, Operations.Read) is { } refused) return refused;
        Administers = await HttpContext.MayAsync(fund!, Operations.Administer);
        if (Effect is < 0 or > 150) { Error = "Effekten skal være mellem 0 og 150 %."; Effect = null; }
        try { Report = await new FundEconomics(db, clock).BuildAsync(Key, Query, User.ToViewer(), ct); }
        catch (ArgumentException e)
        {
            Error = e.Message; LaterFrom = null; Report =
            await new FundEconomics(db, clock).BuildAsync(Key, Query with { LaterFrom = null }, User.ToViewer(), ct);
        }
        Effect = Report.EffectPercent;
        LaterFrom = Report.Options.LaterFrom;
        return Page();
    }

    private EconomicsQuery Query => new(Effect, LaterFrom, CountedIn);

    /// <summary>The query string that reproduces this table, for exports and drill-down links.</summary>
    public string Parameters => $"effect={Report.EffectPercent}&laterFrom={Report.Options.LaterFrom}"
        + (CountedIn is { } d ? $"&countedIn={d:yyyy-MM-dd}" : "");

    public string CellLink(EconomicsRowKind? kind, string? reference, EconomicsColumn column, bool balance = false) =>
        $"/Funds/{Key}/Ledger?{Parameters}&column={Uri.EscapeDataString(column.Label)}"
        + (kind is { } k ? $"&row={k}&reference={Uri.EscapeDataString(reference!)}" : "") + (balance ? "&balance=true" : "");

    /// <summary>A chart as an SVG image of its own, so page styles cannot reach into it.</summary>
    public async Task<IActionResult> OnGetChartAsync(string name, CancellationToken ct)
    {
        if (await OnGetAsync(ct) is not PageResult || Report.Table is null || Report.Scoped) return NotFound();
        return Content(name == "spending" ? SpendingChart : BalanceChart, "image/svg+xml; charset=utf-8");
    }

    public string BalanceTitle => $"Restbeløb i Fonden ult. året ({Report.EffectPercent} % effekt)";
    public string SpendingTitle => $"Udgifter og resultatbetalinger ({Report.EffectPercent} % effekt)";
    public string ChartLink(string name) => $"/Funds/{Key}/Economics?handler=Chart&name={name}&{Parameters}";

    public string BalanceChart => EconomicsCharts.Balance(Report.Table!, BalanceTitle);
    public string SpendingChart => EconomicsCharts.SpendingAndResultPayments(Report.Table!, SpendingTitle);
}
