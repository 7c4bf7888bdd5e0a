using Bundlinje.BusinessCases;

namespace Bundlinje.Web.Pages.Funds;

/// <summary>The fund's investments whose future budget result payments differ from their current business cases.</summary>
[RouteFund(nameof(Operations.ReadFundWide))]
public sealed class BusinessCaseCheckModel(BudgetBooking booking) : FundPageModel
{
    public List<BudgetDifference> Differences { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Differences = await booking.CheckAsync(Fund, ct);
        return Page();
    }
}
