using Bundlinje.BusinessCases;

namespace Bundlinje.Web.Pages.Investments.BusinessCases;

/// <summary>One story from a business case: its payment-model draft (JSON to download and review), the fund's budget
/// result payments against the case's expected payments with booking and unbooking (the secretariat), and expected
/// against realised payments with a chart (docs/business-cases.md, "Payment-model draft and budget booking").</summary>
[RouteInvestment(nameof(Operations.Read))]
public sealed class BudgetModel(BundlinjeDb db, Bundlinje.BusinessCases.BusinessCases cases, BudgetBooking booking)
    : InvestmentFormPage(db)
{
    [FromRoute] public int Id { get; set; }
    public ComputedCase Computed { get; private set; } = null!;
    public PaymentModelDraft Draft { get; private set; } = null!;
    public IReadOnlyList<BudgetYear> Budget { get; private set; } = [];
    public IReadOnlyList<RealisedYear> Realised { get; private set; } = [];
    public bool Booked { get; private set; }
    public bool Administers { get; private set; }
    public bool ReadsFundWide { get; private set; }
    public string Chart { get; private set; } = "";
    public string Link => $"/Investments/{Key}/BusinessCases/{Id}/Budget";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The draft as payment-model JSON, for the secretariat to review and store through the payment-model page.</summary>
    public async Task<IActionResult> OnGetDraftAsync(CancellationToken ct)
    {
        var stored = await cases.FindAsync(Investment, Id, ct);
        var draft = await DraftAsync(await cases.ComputeAsync(Investment, stored, ct, withSensitivity: false), ct);
        return File(System.Text.Encoding.UTF8.GetBytes(draft.Json(About(stored))), "application/json",
            $"{Key}-betalingsmodel-udkast-{stored.Id}.json");
    }

    [Requires(nameof(Operations.Administer))]
    public Task<IActionResult> OnPostBookAsync(CancellationToken ct) =>
        SaveFormAsync("Book", async () => await booking.BookAsync(Investment, await cases.FindAsync(Investment, Id, ct), ct),
            Link + "#budget", () => LoadAsync(ct));

    [Requires(nameof(Operations.Administer))]
    public Task<IActionResult> OnPostUnbookAsync(CancellationToken ct) =>
        SaveFormAsync("Unbook", async () => await booking.UnbookAsync(Investment, await cases.FindAsync(Investment, Id, ct), ct),
            Link + "#budget", () => LoadAsync(ct));

    private async Task LoadAsync(CancellationToken ct)
    {
        var stored = await cases.FindAsync(Investment, Id, ct);
        Computed = await cases.ComputeAsync(Investment, stored, ct, withSensitivity: false);
        Draft = await DraftAsync(Computed, ct);
        Budget = await booking.CompareAsync(Investment, Computed, ct);
        Booked = await booking.IsBookedAsync(Investment, stored, ct);
        Realised = await booking.ExpectedVsRealisedAsync(Investment, Computed, ct);
        Chart = ExpectedVsRealisedChart.Svg(Realised, "Forventede og realiserede resultatbetalinger");
        Administers = await HttpContext.MayAsync(Investment, Operations.Administer);
        ReadsFundWide = await HttpContext.MayAsync(Investment.Fund!, Operations.ReadFundWide);
    }

    private async Task<PaymentModelDraft> DraftAsync(ComputedCase computed, CancellationToken ct) =>
        PaymentModelDraft.From(computed, await FollowUps.MeasureCatalogue.CodesAsync(Db, Investment.FundId, ct));

    private static string About(StoredBusinessCase stored) =>
        $"Udkast fra business case {stored.Id} (revision {stored.Revision}); gennemgå effektmål, målinger og betalere før den gemmes.";
}
