using Bundlinje.Forecasts;
using Bundlinje.Investments;
using Bundlinje.Security;

namespace Bundlinje.Web.Pages.Portfolio;

/// <summary>The investments the user may read, filtered, sorted and paged on the server (query string parameters).</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class IndexModel(BundlinjeDb db, IConfiguration configuration, ForecastSettings forecastSettings, TimeProvider clock)
    : PageModel
{
    public const int PageSize = 50;

    public enum PortfolioSort { Number, Name, Status, Start, Planned }

    /// <summary>Share behind the planned enrolment that raises a warning (Bundlinje:EnrolmentWarningShare, default 0,10).</summary>
    public decimal WarningShare { get; } = configuration.GetValue("Bundlinje:EnrolmentWarningShare", EnrolmentPlan.DefaultWarningShare);

    /// <summary>Warn when the probability of reaching the enrolment plan is below this (Bundlinje:Forecasts:WarningProbability).</summary>
    public double WarningProbability => forecastSettings.WarningProbability;

    /// <summary>The recruitment forecasts of the page's active investments whose probability of reaching the plan is below
    /// <see cref="WarningProbability"/>, by investment id (computed from the counts loaded with the page: no query).</summary>
    public Dictionary<int, RecruitmentForecast> RecruitmentWarnings { get; private set; } = [];

    [FromQuery] public InvestmentStatus? Status { get; set; }
    /// <summary>Words in the investment's name or key, or a party's organisation name.</summary>
    [FromQuery(Name = "q")] public string? Search { get; set; }
    [FromQuery] public PortfolioSort Sort { get; set; }
    [FromQuery] public bool Desc { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public List<Investment> Investments { get; private set; } = [];
    /// <summary>How many investments the user may read at all, and how many match the filter (all pages).</summary>
    public (int Readable, int Matching) Counts { get; private set; }
    public Paging Paging { get; private set; } = null!;
    public bool CanCreate => User.IsInRole(Roles.Secretariat);

    public string SortLink(PortfolioSort sort) =>
        Request.With(("sort", sort == PortfolioSort.Number ? null : sort.ToString()), ("desc", sort == Sort && !Desc ? "true" : null),
            ("page", null));

    public async Task OnGetAsync(CancellationToken ct)
    {
        var readable = db.Investments.AsNoTracking().VisibleTo(User);
        var matching = readable;
        if (Status is { } status) matching = matching.Where(i => i.Status == status);
        if (Search?.Trim() is { Length: > 0 } words)
            matching = matching.Where(i => i.Name.Contains(words) || i.Key.Contains(words)
                || i.Parties.Any(p => p.Organisation!.Name.Contains(words)));
        var filtered = Status is not null || !string.IsNullOrWhiteSpace(Search);
        var all = await readable.CountAsync(ct);
        Counts = (all, filtered ? await matching.CountAsync(ct) : all);
        Paging = new(PageNumber, PageSize, Counts.Matching, n => Request.With(("page", n == 1 ? null : n.ToString())));
        var sorted = (Sort, Desc) switch
        {
            (PortfolioSort.Name, false) => matching.OrderBy(i => i.Name).ThenBy(i => i.Id),
            (PortfolioSort.Name, true) => matching.OrderByDescending(i => i.Name).ThenByDescending(i => i.Id),
            (PortfolioSort.Status, false) => matching.OrderBy(i => i.Status).ThenBy(i => i.Id),
            (PortfolioSort.Status, true) => matching.OrderByDescending(i => i.Status).ThenByDescending(i => i.Id),
            (PortfolioSort.Start, false) => matching.OrderBy(i => i.PeriodStart ?? i.AgreedOn).ThenBy(i => i.Id),
            (PortfolioSort.Start, true) => matching.OrderByDescending(i => i.PeriodStart ?? i.AgreedOn).ThenByDescending(i => i.Id),
            // Planned participants: the investment's own figure, else the sum of its sub-projects' maxima (as Planned() shows).
            (PortfolioSort.Planned, false) => matching.OrderBy(i => i.PlannedParticipants ?? i.SubProjects.Sum(s => s.PlannedMax))
                .ThenBy(i => i.Id),
            (PortfolioSort.Planned, true) => matching.OrderByDescending(i => i.PlannedParticipants ?? i.SubProjects.Sum(s => s.PlannedMax))
                .ThenByDescending(i => i.Id),
            (_, false) => matching.OrderBy(i => i.Id),
            (_, true) => matching.OrderByDescending(i => i.Id),
        };
        Investments = await sorted.Skip(Paging.Skip).Take(PageSize)
            .Include(i => i.Parties).ThenInclude(p => p.Organisation)
            .Include(i => i.SubProjects).Include(i => i.Enrolment)
            .ToListAsync(ct);
        var today = clock.Today();
        RecruitmentWarnings = Investments.Where(i => i.Status == InvestmentStatus.Active)
            .Select(i => (i.Id, Forecast: RecruitmentForecast.Of(i, today, forecastSettings.RecruitmentPriorDays)))
            .Where(f => f.Forecast.Warns(WarningProbability)).ToDictionary(f => f.Id, f => f.Forecast);
    }
}
