using Bundlinje.Peers;
using Bundlinje.Security;

namespace Bundlinje.Web.Pages.Peers;

/// <summary>One INDIGO project: its fields and the current rows of its investments, commitments, metrics, pricings,
/// payments and results, each field with its status; the revisions the library holds; and our investment, if it is one
/// the user may read.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class ProjectModel(PeerLibrary library, BundlinjeDb db) : PageModel
{
    public static readonly PeerTable[] Sections =
    [
        PeerTable.Investment, PeerTable.OutcomePaymentCommitment, PeerTable.OutcomeMetric, PeerTable.OutcomePricing,
        PeerTable.OutcomePayment, PeerTable.Result, PeerTable.DeliveryLocation,
    ];

    public PeerProjectView View { get; private set; } = null!;
    public (string Key, string Name)? Investment { get; private set; }

    public async Task<IActionResult> OnGetAsync(string indigoId, CancellationToken ct)
    {
        if (await library.ProjectAsync(indigoId, ct) is not { } view) return NotFound();
        View = view;
        if (view.Project.LinkedInvestmentKey is { } key
            && await db.Investments.AsNoTracking().VisibleTo(User).Where(i => i.Key == key).Select(i => i.Name).FirstOrDefaultAsync(ct)
                is { } name)
            Investment = (key, name);
        return Page();
    }

    /// <summary>The heading of a sub-table's section.</summary>
    public static string Heading(PeerTable table) => table switch
    {
        PeerTable.Investment => "Investeringer",
        PeerTable.OutcomePaymentCommitment => "Tilsagn om resultatbetaling",
        PeerTable.OutcomeMetric => "Effektmål",
        PeerTable.OutcomePricing => "Priser",
        PeerTable.OutcomePayment => "Resultatbetalinger",
        PeerTable.Result => "Resultater",
        PeerTable.DeliveryLocation => "Steder",
        _ => table.ToString(),
    };
}
