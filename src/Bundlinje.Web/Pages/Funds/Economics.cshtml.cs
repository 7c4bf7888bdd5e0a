using Bundlinje.Fund;
using Bundlinje.Investments;
using Bundlinje.Reports;

namespace Bundlinje.Web.Pages.Funds;

/// <summary>The council's economics table with what-if parameters; every cell links to the postings behind it. The
/// investments are grouped by department (their first authority party), each group a row of sums; a large fund's groups
/// open one at a time by a link (<see cref="Open"/>), so the page stays small at 1.000 investments.</summary>
[RouteFund(nameof(Operations.Read))]
public sealed class EconomicsModel(BundlinjeDb db, FundEconomics economics, Forecasts.Simulation.FundSimulations simulations)
    : FundPageModel
{
    /// <summary>Up to this many investment rows, every group is shown open.</summary>
    public const int AllOpenUpTo = 60;

    [FromQuery] public int? Effect { get; set; }
    [FromQuery] public DateOnly? CountedIn { get; set; }
    [FromQuery] public int? LaterFrom { get; set; }
    /// <summary>The department groups shown open (their keys).</summary>
    [FromQuery] public string[] Open { get; set; } = [];
    /// <summary>Run the Monte Carlo ("Usikkerhed") with these parameters (on request only: it takes a moment).</summary>
    [FromQuery] public bool Simulate { get; set; }
    [FromQuery] public int Scenarios { get; set; } = 10_000;
    [FromQuery] public long Seed { get; set; } = 1;
    [FromQuery] public int Confidence { get; set; } = 90;
    public Forecasts.Simulation.FundSimulationReport? Simulation { get; private set; }
    public string? SimulationError { get; private set; }
    public EconomicsReport Report { get; private set; } = null!;
    public string? Error { get; private set; }
    public bool Administers { get; private set; }
    public bool FundWide => !Report.Scoped;
    public IReadOnlyList<DepartmentGroup> Groups { get; private set; } = [];

    /// <summary>A department's investments: the sum of their rows per column, and the rows (spending, result payments).</summary>
    public sealed record DepartmentGroup(string Key, string Name, IReadOnlyList<decimal> Cells, IReadOnlyList<EconomicsRow> Rows,
        int Investments, bool IsOpen);

    public const string NoDepartment = "-";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Administers = await HttpContext.MayAsync(Fund, Operations.Administer);
        if (Effect is < 0 or > 150) { Error = Data.Texts.RefusalText.Render(Refusal.Of("economics.effectRange")); Effect = null; }
        try { Report = await economics.BuildAsync(Fund, Query, User.ToViewer(), ct); }
        catch (Refused e)
        {
            Error = Data.Texts.RefusalText.Message(e);
            LaterFrom = null;
            Report = await economics.BuildAsync(Fund, Query with { LaterFrom = null }, User.ToViewer(), ct);
        }
        Effect = Report.EffectPercent;
        LaterFrom = Report.Options.LaterFrom;
        if (Report.Table is { } table) Groups = await GroupAsync(Fund.Id, table, ct);
        if (Simulate && Report.Table is not null && FundWide)
        {
            try
            {
                Simulation = await simulations.RunAsync(Fund, new(Scenarios, Seed, Confidence / 100.0,
                    EffectPercent: Report.EffectPercent, LaterFrom: Report.Options.LaterFrom, CountedInUntil: CountedIn), ct);
            }
            catch (Refused e) { SimulationError = Data.Texts.RefusalText.Message(e); }
        }
        return Page();
    }

    private async Task<IReadOnlyList<DepartmentGroup>> GroupAsync(int fundId, EconomicsTable table, CancellationToken ct)
    {
        // One query: each investment's first authority (the paying department).
        var departments = (await db.Parties.AsNoTracking()
                .Where(p => p.Role == PartyRole.Authority && p.Investment!.FundId == fundId)
                .OrderBy(p => p.Id).Select(p => new { Investment = p.Investment!.Key, p.Organisation!.Key, p.Organisation.Name })
                    .ToListAsync(ct))
            .DistinctBy(d => d.Investment).ToDictionary(d => d.Investment, d => (d.Key, d.Name));
        var allOpen = table.Investments.Count <= AllOpenUpTo;
        return table.Investments
            .GroupBy(r => departments.TryGetValue(r.Reference, out var d) ? d : (NoDepartment, "Uden myndighed"))
            .OrderBy(g => g.Key.Item1 == NoDepartment).ThenBy(g => g.Key.Item2, StringComparer.Create(new("da-DK"), false))
            .Select(g => new DepartmentGroup(g.Key.Item1, g.Key.Item2,
                table.Columns.Select((_, i) => g.Sum(r => r.Cells[i])).ToList(), g.ToList(),
                g.Count(r => !r.Indented), allOpen || Open.Contains(g.Key.Item1)))
            .ToList();
    }

    private EconomicsQuery Query => new(Effect, LaterFrom, CountedIn);

    /// <summary>The query string that reproduces this table, for exports and drill-down links.</summary>
    public string Parameters => $"effect={Report.EffectPercent}&laterFrom={Report.Options.LaterFrom}"
        + (CountedIn is { } d ? $"&countedIn={d:yyyy-MM-dd}" : "");

    /// <summary>This page with a group opened or closed (the other open groups stay as they are).</summary>
    public string ToggleLink(DepartmentGroup group) =>
        $"/Funds/{Key}/Economics?{Parameters}"
        + string.Concat((group.IsOpen ? Open.Where(o => o != group.Key) : Open.Append(group.Key)).Distinct()
            .Select(o => "&open=" + Uri.EscapeDataString(o)))
        + $"#group-{Uri.EscapeDataString(group.Key)}";

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
