using Bundlinje.FollowUps;

namespace Bundlinje.Web.Pages.Funds.Measures;

/// <summary>A fund's measure catalogue (docs/measures.md): the fund's secretariat and council read it, the secretariat adds,
/// edits and deletes measures. A measure id is loaded through the fund in the route (another fund's id is 404), and a code
/// in use by a payment model or register data cannot be deleted or changed.</summary>
[Authorize(Policy = Policies.AuditReader)]
[RouteFund(nameof(Operations.ReadFundWide))]
public sealed class IndexModel(BundlinjeDb db, MeasureCatalogue catalogue) : FundFormPage(db)
{
    /// <summary>The measure whose edit form is open (GET ?id=…).</summary>
    [FromQuery(Name = "id")] public int? EditId { get; set; }
    [BindProperty] public int MeasureId { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public MeasureForm Input { get; set; } = new();
    public List<Measure> Catalogue { get; private set; } = [];
    public bool Administers { get; private set; }
    public Measure? Editing { get; private set; }
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (EditId is not { } id) return Page();
        if (!Administers) return Forbid(); // the edit form is the secretariat's
        Editing = Catalogue.FirstOrDefault(m => m.Id == id);
        if (Editing is null) return NotFound();
        (MeasureId, Version, Input) = (Editing.Id, Editing.Version, MeasureForm.Of(Editing));
        return Page();
    }

    [Requires(nameof(Operations.Administer))]
    public Task<IActionResult> OnPostAsync(CancellationToken ct) => ActAsync(null, async catalogue =>
    {
        var added = await catalogue.AddAsync(Fund.Id, Input.ToInput(), ct);
        return $"Målet '{added.Code}' er tilføjet.";
    }, ct);

    [Requires(nameof(Operations.Administer))]
    public Task<IActionResult> OnPostEditAsync(CancellationToken ct) => ActAsync(MeasureId, async catalogue =>
    {
        var edited = await catalogue.EditAsync(Fund.Id, MeasureId, Version, Input.ToInput(), ct);
        return $"Målet '{edited.Code}' er gemt.";
    }, ct);

    [Requires(nameof(Operations.Administer))]
    public Task<IActionResult> OnPostDeleteAsync(CancellationToken ct) => ActAsync(MeasureId, async catalogue =>
    {
        var code = Catalogue.Single(m => m.Id == MeasureId).Code;
        await catalogue.DeleteAsync(Fund.Id, MeasureId, ct);
        return $"Målet '{code}' er slettet.";
    }, ct);

    /// <summary>Checks that a posted measure id is the fund's (404), then acts (the fund's secretariat only: [Requires]).</summary>
    private async Task<IActionResult> ActAsync(int? measureId, Func<MeasureCatalogue, Task<string>> action, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (measureId is { } id && Catalogue.All(m => m.Id != id)) return NotFound();
        try
        {
            Done = await action(catalogue);
            ModelState.Clear();
            (Input, MeasureId, Version) = (new(), 0, 0);
        }
        catch (Refused e)
        {
            ModelState.AddRefusal(e, field => field is null ? null : $"Input.{field}");
            if (measureId is not null) Editing = Catalogue.Single(m => m.Id == measureId);
            Db.ChangeTracker.Clear();
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Administers = await HttpContext.MayAsync(Fund, Operations.Administer);
        Catalogue = await catalogue.OfFundAsync(Fund.Id, ct);
    }

    public sealed class MeasureForm
    {
        public string? Code { get; set; }
        public string? NameDa { get; set; }
        public string? NameEn { get; set; }
        public MeasureUnit Unit { get; set; } = MeasureUnit.Events;
        public MeasureValueType ValueType { get; set; } = MeasureValueType.Decimal;
        public int Decimals { get; set; } = 2;
        public MeasureSource Source { get; set; } = MeasureSource.Register;

        public MeasureInput ToInput() => new(Code, NameDa, NameEn, Unit, ValueType, Decimals, Source);

        public static MeasureForm Of(Measure m) => new()
        {
            Code = m.Code, NameDa = m.NameDa, NameEn = m.NameEn, Unit = m.Unit, ValueType = m.ValueType, Decimals = m.Decimals,
            Source = m.Source,
        };
    }

    public static string UnitLabel(MeasureUnit unit) => unit switch
    {
        MeasureUnit.Kroner => "kr.",
        MeasureUnit.Days => "dage",
        MeasureUnit.Events => "hændelser",
        MeasureUnit.Persons => "personer",
        MeasureUnit.Percent => "%",
        MeasureUnit.YesNo => "ja/nej",
        _ => "mmol/mol",
    };

    public static string ValueTypeLabel(MeasureValueType type) => type switch
    {
        MeasureValueType.Integer => "heltal",
        MeasureValueType.YesNo => "ja/nej (0/1)",
        _ => "decimaltal",
    };

    public static string SourceLabel(MeasureSource source) => source == MeasureSource.Provider ? "Leverandør" : "Register";
}
