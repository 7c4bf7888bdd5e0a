using Bundlinje.Publication;
using Microsoft.AspNetCore.OutputCaching;

namespace Bundlinje.Web.Pages.Investments;

/// <summary>Publish by field: per field group of the investment the approved state in force, the draft awaiting review and
/// the history. The fund's secretariat drafts and another secretariat member approves; whoever reads the investment sees
/// the state.</summary>
[RouteInvestment(nameof(Operations.Read))]
public sealed class PublicationModel(BundlinjeDb db, Publications publications, IOutputCacheStore cache) : InvestmentFormPage(db)
{
    public InvestmentPublication State { get; private set; } = null!;
    public bool MayPublish { get; private set; }
    public string Me => User.Identity?.Name ?? "";
    private string Self => $"/Investments/{Key}/Publication";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    [Requires(nameof(Operations.Administer))]
    public Task<IActionResult> OnPostDraftAsync(string? field, bool isPublic, int basedOn, string? note, CancellationToken ct) =>
        SaveFormAsync("Draft", () => publications.DraftAsync(Investment, Parse(field), isPublic, basedOn, note, ct), Self,
            () => LoadAsync(ct));

    /// <summary>Approves the draft; the fund's cached public pages and downloads are evicted at once (<see cref="PublicCache"/>).</summary>
    [Requires(nameof(Operations.Administer))]
    public Task<IActionResult> OnPostApproveAsync(string? field, int revision, CancellationToken ct) =>
        SaveFormAsync("Approve", async () =>
        {
            await publications.ApproveAsync(Investment, Parse(field), revision, ct);
            await cache.EvictByTagAsync(PublicCache.Tag(Investment.Fund!.Key), ct);
        }, Self, () => LoadAsync(ct));

    /// <summary>The Danish name of a field group (translated through the shared resource like all UI text).</summary>
    public static string Label(PublicationField field) => field switch
    {
        PublicationField.NameAndPurpose => "Navn og formål",
        PublicationField.TargetGroup => "Målgruppe",
        PublicationField.Parties => "Parter og deres roller",
        PublicationField.Capital => "Kapital pr. investor",
        PublicationField.PaymentModel => "Betalingsmodel (resumé)",
        PublicationField.Enrolment => "Tilgang",
        PublicationField.Results => "Resultater",
        PublicationField.Payments => "Betalinger",
        PublicationField.Documents => "Dokumenter",
        _ => field.ToString(),
    };

    private static PublicationField Parse(string? field) =>
        Enum.TryParse<PublicationField>(field, ignoreCase: false, out var f) && Enum.IsDefined(f) && !int.TryParse(field, out _)
            ? f : throw Refused.At("Field", "publication.unknownField");

    private async Task LoadAsync(CancellationToken ct)
    {
        State = await publications.OfAsync(Investment, ct);
        MayPublish = await HttpContext.MayAsync(Investment, Operations.Administer);
    }
}
