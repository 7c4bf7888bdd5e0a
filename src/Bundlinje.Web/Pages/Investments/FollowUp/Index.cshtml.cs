using Bundlinje.FollowUps;

namespace Bundlinje.Web.Pages.Investments.FollowUp;

/// <summary>An investment's outcome follow-up: every slice on one page (runs, participants, register data, payment model);
/// each form posts to its slice's page.</summary>
public sealed class IndexModel(BundlinjeDb db, FollowUpSlices slices) : SlicePage(db)
{
    public FollowUpOverview Overview { get; private set; } = null!;

    protected override async Task ShowAsync(CancellationToken ct) => Overview = await slices.OverviewAsync(Investment, ct);
}
