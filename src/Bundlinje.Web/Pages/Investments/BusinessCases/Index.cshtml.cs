using Bundlinje.BusinessCases;

namespace Bundlinje.Web.Pages.Investments.BusinessCases;

/// <summary>An investment's business cases (docs/business-cases.md): the current case of each agreement version and part,
/// and (the fund's secretariat and the investment's analysts: <see cref="Operations.EditBusinessCase"/>) a form that saves
/// a case file (bundlinje-business-case/1) as the next revision. A refused file is shown per JSON path and nothing is
/// saved; a saved one opens its page.</summary>
[RouteInvestment(nameof(Operations.Read))]
public sealed class IndexModel(BundlinjeDb db, Bundlinje.BusinessCases.BusinessCases cases, BusinessCaseExchange exchange,
    UnitPriceCatalogue catalogue) : InvestmentFormPage(db)
{
    /// <summary>A case file is a few KB and its workbook some tens; anything much larger is not one.</summary>
    public const int MaxFileBytes = 5 * 1024 * 1024;

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? CaseJson { get; set; }
    public List<(StoredBusinessCase Stored, BusinessCase Case)> Current { get; private set; } = [];
    public bool CanEdit { get; private set; }
    /// <summary>The fund's unit-price catalogue, for an editor writing price codes into a case.</summary>
    public List<UnitPrice> Prices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    [Requires(nameof(Operations.EditBusinessCase))]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var stored = await SaveAsync(ct);
            return Redirect($"/Investments/{Investment.Key}/BusinessCases/{stored.Id}?saved=true");
        }
        catch (Refused e)
        {
            ModelState.AddRefusal(e, field => field is "Upload" ? "Upload" : null);
            Db.ChangeTracker.Clear();
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The uploaded file if one was chosen — a case file (.json) or its workbook (.xlsx, problems at sheet, row and
    /// column), through the same exchange as the CLI — else the pasted JSON.</summary>
    private async Task<StoredBusinessCase> SaveAsync(CancellationToken ct)
    {
        if (Upload is { Length: > 0 } file)
        {
            if (file.Length > MaxFileBytes) throw Refused.At("Upload", "businessCase.uploadTooLarge", MaxFileBytes / 1024);
            await using var content = file.OpenReadStream();
            return (await exchange.ImportAsync(Investment, file.FileName, content, ct)).Stored;
        }
        if (!string.IsNullOrWhiteSpace(CaseJson)) return await cases.SaveAsync(Investment, CaseJson, ct);
        throw Refused.At("Upload", "businessCase.chooseFile");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Current = (await cases.CurrentAsync(Investment, ct)).Select(s => (s, s.Case)).ToList();
        CanEdit = await HttpContext.MayAsync(Investment, Operations.EditBusinessCase);
        if (CanEdit) Prices = await catalogue.OfFundAsync(Investment.Fund!, ct);
    }
}
