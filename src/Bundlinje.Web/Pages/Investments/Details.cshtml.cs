using Bundlinje.Forecasts;
using Bundlinje.Investments;
using Bundlinje.Security;

namespace Bundlinje.Web.Pages.Investments;

[RouteInvestment(nameof(Operations.Read))]
public sealed class DetailsModel(BundlinjeDb db, ForecastSettings forecastSettings, TimeProvider clock) : InvestmentPageModel
{
    public bool CanEdit { get; private set; }
    public bool CanReadAudit { get; private set; }
    /// <summary>The recruitment forecast as of today (docs/forecasts.md), from the counts and sub-projects loaded here.</summary>
    public RecruitmentForecast Recruitment { get; private set; } = null!;
    /// <summary>Warn below this probability of reaching the plan (Bundlinje:Forecasts:WarningProbability).</summary>
    public double WarningProbability => forecastSettings.WarningProbability;
    public double PriorDays => forecastSettings.RecruitmentPriorDays;
    /// <summary>An active investment whose probability of reaching its plan is below the level.</summary>
    public bool RecruitmentWarns => Investment.Status == InvestmentStatus.Active && Recruitment.Warns(WarningProbability);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var entry = db.Entry(Investment);
        await entry.Collection(i => i.Parties).Query().Include(p => p.Organisation).LoadAsync(ct);
        await entry.Collection(i => i.SubProjects).LoadAsync(ct);
        await entry.Collection(i => i.Versions).Query().Include(v => v.Changes).LoadAsync(ct);
        await entry.Collection(i => i.Enrolment).LoadAsync(ct);
        Recruitment = RecruitmentForecast.Of(Investment, clock.Today(), forecastSettings.RecruitmentPriorDays);
        CanEdit = await HttpContext.MayAsync(Investment, Operations.Administer);
        CanReadAudit = await HttpContext.MayAsync(Investment, Operations.ReadFundWide);
        return Page();
    }
}
