using Bundlinje.Investments;

namespace Bundlinje.Web.Api;

public sealed record PartyJson(string Organisation, string OrganisationName, PartyRole Role, decimal? Capital, decimal? Guarantee,
    decimal? Donation);
public sealed record EnrolmentJson(DateOnly AsOf, int Enrolled);
public sealed record InvestmentJson(
    string Key, string Fund, string Name, InvestmentStatus Status, string? StatusNote,
    DateOnly? AgreedOn, DateOnly? PeriodStart, DateOnly? PeriodEnd, string? TargetGroup,
    int? PlannedMin, int? PlannedMax, EnrolmentJson? Enrolled, decimal CommittedCapital,
    int AgreementVersion, IReadOnlyList<PartyJson> Parties)
{
    public static InvestmentJson From(Investment i)
    {
        var planned = i.Planned();
        var enrolled = i.LatestEnrolment();
        return new(i.Key, i.Fund!.Key, i.Name, i.Status, i.StatusNote, i.AgreedOn, i.PeriodStart, i.PeriodEnd, i.TargetGroup,
            planned?.Min, planned?.Max, enrolled is { } e ? new EnrolmentJson(e.AsOf, e.Enrolled) : null, i.CommittedCapital,
            i.Versions.Count == 0 ? 0 : i.Versions.Max(v => v.Number),
            i.Parties.OrderBy(p => p.Role)
                .Select(p => new PartyJson(p.Organisation!.Key, p.Organisation.Name, p.Role, p.Capital, p.Guarantee, p.Donation)).ToList());
    }
}

public static class InvestmentsApi
{
    public static void MapBundlinjeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(Policies.Reader).WithTags("Investments");

        api.MapGet("/investments", async (BundlinjeDb db, HttpContext http, CancellationToken ct) =>
        {
            var list = await Full(db).VisibleTo(http.User).OrderBy(i => i.Id).ToListAsync(ct);
            return list.Select(InvestmentJson.From).ToList();
        }).WithName("ListInvestments").WithSummary("Investments the caller may read, with parties, capital and enrolment.");

        api.MapGet("/investments/{key}", async Task<IResult> (string key, BundlinjeDb db, HttpContext http, CancellationToken ct) =>
        {
            var (access, investment) = await Full(db).FindAsync(key, http, ct: ct);
            return access switch
            {
                Access.Found => TypedResults.Ok(InvestmentJson.From(investment!)),
                Access.Denied => TypedResults.Forbid(),
                _ => TypedResults.NotFound(),
            };
        }).WithName("GetInvestment").WithSummary("One investment by key; 403 if it is outside the caller's scope.");
    }

    private static IQueryable<Investment> Full(BundlinjeDb db) => db.Investments.AsNoTracking()
        .Include(i => i.Fund).Include(i => i.Parties).ThenInclude(p => p.Organisation)
        .Include(i => i.SubProjects).Include(i => i.Enrolment).Include(i => i.Versions);
}
