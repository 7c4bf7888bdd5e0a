using Bundlinje.Payments;

namespace Bundlinje.Web.Pages.Investments.FollowUp;

/// <summary>The payment model slice: the model's JSON, to read or (the fund's secretariat) to replace.</summary>
public sealed class PaymentModelPage(BundlinjeDb db, FollowUps.FollowUpSlices slices) : SlicePage(db)
{
    [BindProperty] public string? ModelJson { get; set; }
    public StoredPaymentModel? Model { get; private set; }

    protected override async Task ShowAsync(CancellationToken ct)
    {
        Model = await slices.ModelAsync(Investment, ct);
        ModelJson ??= Model?.Json;
    }

    [Requires(nameof(Operations.Administer))]
    public Task<IActionResult> OnPostAsync(CancellationToken ct) => ActAsync(async () =>
    {
        var model = await PaymentModelFile.StoreAsync(Db, ModelJson ?? "", Investment, ct);
        return $"Betalingsmodellen er gemt ({model.Metrics.Count} effektmål).";
    }, ct);
}
