using Bundlinje.Agreements;

namespace Bundlinje.Web.Pages.Investments;

/// <summary>The diff view: what one agreement revision changed against the version before it.</summary>
[RouteInvestment(nameof(Operations.Read))]
public sealed class VersionModel(BundlinjeDb db) : InvestmentPageModel
{
    public AgreementVersion Current { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int number, CancellationToken ct)
    {
        var entry = db.Entry(Investment);
        await entry.Collection(i => i.Parties).Query().Include(p => p.Organisation).LoadAsync(ct);
        await entry.Collection(i => i.Versions).Query().Include(v => v.Changes).LoadAsync(ct);
        var version = Investment.Versions.FirstOrDefault(v => v.Number == number);
        if (version is null || number < 2) return NotFound();
        Current = version;
        return Page();
    }
}
