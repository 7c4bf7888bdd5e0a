using Bundlinje.BusinessCases;
using Bundlinje.Web.Pages.Investments.BusinessCases;

namespace Bundlinje.Web.Pages.Funds.UnitPrices;

/// <summary>A fund's unit-price catalogue and price index (docs/business-cases.md): the fund's secretariat and council
/// read them, the secretariat adds and edits prices and sets the index. A price id is loaded through the fund in the
/// route (another fund's id is 404); a duplicate code is refused by the database's unique index.</summary>
[Authorize(Policy = Policies.AuditReader)]
[RouteFund(nameof(Operations.ReadFundWide))]
public sealed class IndexModel(BundlinjeDb db, UnitPriceCatalogue catalogue) : FundFormPage(db)
{
    /// <summary>The price whose edit form is open (GET ?id=…).</summary>
    [FromQuery(Name = "id")] public int? EditId { get; set; }
    [BindProperty] public int PriceId { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public PriceForm Input { get; set; } = new();
    [BindProperty] public IndexForm Index { get; set; } = new();
    public List<UnitPrice> Catalogue { get; private set; } = [];
    public List<PriceIndex> PriceIndex { get; private set; } = [];
    public bool Administers { get; private set; }
    public UnitPrice? Editing { get; private set; }
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (EditId is not { } id) return Page();
        if (!Administers) return Forbid(); // the edit form is the secretariat's
        Editing = Catalogue.FirstOrDefault(p => p.Id == id);
        if (Editing is null) return NotFound();
        (PriceId, Version, Input) = (Editing.Id, Editing.Version, PriceForm.Of(Editing));
        return Page();
    }

    [Requires(nameof(Operations.Administer))]
    public Task<IActionResult> OnPostAsync(CancellationToken ct) => ActAsync("Input", async () =>
    {
        var added = await catalogue.AddAsync(Fund, Input.ToInput(), ct);
        return $"Enhedsprisen '{added.Code}' er tilføjet.";
    }, ct);

    [Requires(nameof(Operations.Administer))]
    public Task<IActionResult> OnPostEditAsync(CancellationToken ct) => ActAsync("Input", async () =>
    {
        var edited = await catalogue.UpdateAsync(Fund, PriceId, Version, Input.ToInput(), ct);
        return $"Enhedsprisen '{edited.Code}' er gemt.";
    }, ct);

    [Requires(nameof(Operations.Administer))]
    public Task<IActionResult> OnPostIndexAsync(CancellationToken ct) => ActAsync("Index", async () =>
    {
        var set = await catalogue.SetIndexAsync(Fund, Index.Year ?? 0, UnitPriceCatalogue.ParseIndex(Index.Value), ct);
        return $"Prisindekset for {set.Year} er sat til {set.Value.ToString("0.####", Kroner.Danish)}.";
    }, ct);

    /// <summary>Acts (the fund's secretariat only: [Requires]; a posted price id outside the fund is 404 from the
    /// service): the action's message, or the refusal at the form's fields.</summary>
    private async Task<IActionResult> ActAsync(string form, Func<Task<string>> action, CancellationToken ct)
    {
        var editing = PriceId;
        try
        {
            Done = await action();
            ModelState.Clear();
            (Input, Index, PriceId, Version) = (new(), new(), 0, 0);
        }
        catch (Refused e)
        {
            ModelState.AddRefusal(e, field => field is null ? null : $"{form}.{field}");
            Db.ChangeTracker.Clear();
        }
        await LoadAsync(ct);
        if (Done is null && form == "Input" && editing != 0) Editing = Catalogue.FirstOrDefault(p => p.Id == editing);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Administers = await HttpContext.MayAsync(Fund, Operations.Administer);
        Catalogue = await catalogue.OfFundAsync(Fund, ct);
        PriceIndex = await catalogue.IndexAsync(Fund, ct);
    }

    public sealed class PriceForm
    {
        public string? Code { get; set; }
        public string? Service { get; set; }
        public string? Unit { get; set; }
        public string? Price { get; set; }
        public int? PriceYear { get; set; }
        public string? Source { get; set; }
        public string? Department { get; set; }
        public PublicLevel Level { get; set; } = PublicLevel.Municipality;

        public UnitPriceInput ToInput() =>
            new(Code, Service, Unit, Kroner.TryParse(Price, out var price) ? price : null, PriceYear ?? 0, Source, Department, Level);

        public static PriceForm Of(UnitPrice p) => new()
        {
            Code = p.Code, Service = p.Service, Unit = p.Unit, Price = p.Price.ToString("#,##0.##", Kroner.Danish), PriceYear = p.PriceYear,
            Source = p.Source, Department = p.Department, Level = p.Level,
        };
    }

    public sealed class IndexForm
    {
        public int? Year { get; set; }
        public string? Value { get; set; }
    }

    public static string LevelLabel(PublicLevel level) => CaseLabels.Of(level);
}
