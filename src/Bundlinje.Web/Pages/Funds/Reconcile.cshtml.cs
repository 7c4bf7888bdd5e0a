using Bundlinje.Fund;

namespace Bundlinje.Web.Pages.Funds;

/// <summary>Upload a published table (CSV or XLSX, row,column,value) and list every cell that differs from the computed one.</summary>
[Authorize(Policy = Policies.AuditReader)]
[RouteFund(nameof(Operations.ReadFundWide))]
public sealed class ReconcileModel(BundlinjeDb db, FundEconomics economics, ISheetReader sheets, PublishedTables tables)
    : FundFormPage(db)
{
    private const long MaxBytes = 2 * 1024 * 1024;
    [BindProperty] public IFormFile? Published { get; set; }
    [BindProperty] public string Tolerance { get; set; } = "1";
    public IReadOnlyList<CellDifference>? Differences { get; private set; }
    public int CellCount { get; private set; }
    public EconomicsReport? Report { get; private set; }
    /// <summary>The year a stored published table is for (the annual report of that year is reconciled against it).</summary>
    [BindProperty] public int? Year { get; set; }
    public bool Administers { get; private set; }
    public List<int> StoredYears { get; private set; } = [];
    public string? Stored { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The secretariat keeps the uploaded file as the fund's published table of a year: the annual report of that
    /// year lists the published figures that differ from the computed ones (docs/reports.md).</summary>
    [Requires(nameof(Operations.Administer))]
    public async Task<IActionResult> OnPostStoreAsync(CancellationToken ct)
    {
        ModelState.Remove(nameof(Tolerance)); // the tolerance is the comparison's, not the stored table's
        if (Year is null) ModelState.AddModelError(nameof(Year), "År: skriv det år, tabellen blev offentliggjort for, fx 2024.");
        if (Published is null || Published.Length == 0) ModelState.AddModelError(nameof(Published), "Fil: vælg en CSV- eller XLSX-fil.");
        else if (Published.Length > MaxBytes) ModelState.AddModelError(nameof(Published), "Fil: filen er større end 2 MB.");
        if (ModelState.IsValid)
        {
            try
            {
                await using var stream = Published!.OpenReadStream();
                var table = await tables.StoreAsync(Fund, Year!.Value, Published.FileName,
                    PublishedTable.Read(Published.FileName, stream, sheets), ct);
                Stored = $"{table.FileName}: {Year} ({table.Revision})";
            }
            catch (Refused e)
            {
                ModelState.AddRefusal(nameof(Published), Refusal.Labelled(Refusal.Of("published.file", Published!.FileName), e.First));
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Administers = await HttpContext.MayAsync(Fund, Operations.Administer);
        StoredYears = await tables.YearsAsync(Fund, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!decimal.TryParse(Tolerance, System.Globalization.NumberStyles.Number, Common.Kroner.Danish, out var tolerance)
            || tolerance < 0)
            ModelState.AddModelError(nameof(Tolerance), "Tolerance: skriv et tal ≥ 0 (1.000 kr.), fx 1 eller 0,5.");
        if (Published is null || Published.Length == 0) ModelState.AddModelError(nameof(Published), "Fil: vælg en CSV- eller XLSX-fil.");
        else if (Published.Length > MaxBytes) ModelState.AddModelError(nameof(Published), "Fil: filen er større end 2 MB.");
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        try
        {
            await using var stream = Published!.OpenReadStream();
            var cells = PublishedTable.Read(Published.FileName, stream, sheets);
            Report = await economics.BuildAsync(Fund, null, User.ToViewer(), ct);
            Differences = Reconciliation.Compare(Report.Table ?? throw new Refused("economics.noPostings"), cells, tolerance);
            CellCount = cells.Count;
        }
        catch (Refused e)
        {
            ModelState.AddRefusal(nameof(Published), Refusal.Labelled(Refusal.Of("published.file", Published!.FileName), e.First));
        }
        await LoadAsync(ct);
        return Page();
    }
}
