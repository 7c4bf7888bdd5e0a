using Bundlinje.Investments;
using Bundlinje.Organisations;
using Bundlinje.Proposals;
using Bundlinje.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Bundlinje.Web.Infrastructure;

/// <summary>What a handler does with a loaded object; decided by <see cref="FundAuthorization"/>,
/// <see cref="InvestmentAuthorization"/>, <see cref="OrganisationAuthorization"/> and <see cref="AssessmentAuthorization"/>
/// from the rules in <see cref="Viewer"/>. Pages load the object through the owner in their route first (a child that
/// does not belong to it is 404), then authorize the loaded object (403).</summary>
public static class Operations
{
    /// <summary>Fund: every signed-in user (pages show only the rows they may read). Investment: <see cref="Viewer.CanRead"/>.
    /// Assessment request: the department's analysts and the fund's secretariat.</summary>
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };
    /// <summary>The fund's secretariat and council: the whole table, proposals, calls, the outcome fund, reconciliation, audit.</summary>
    public static readonly OperationAuthorizationRequirement ReadFundWide = new() { Name = nameof(ReadFundWide) };
    /// <summary>The fund's secretariat: every change to the fund and its investments, ledger, proposals, calls and follow-up
    /// money.</summary>
    public static readonly OperationAuthorizationRequirement Administer = new() { Name = nameof(Administer) };
    public static readonly OperationAuthorizationRequirement SeeParticipants = new() { Name = nameof(SeeParticipants) };
    public static readonly OperationAuthorizationRequirement ImportParticipants = new() { Name = nameof(ImportParticipants) };
    public static readonly OperationAuthorizationRequirement RunFollowUps = new() { Name = nameof(RunFollowUps) };
    /// <summary>Investment: save a business case (the fund's secretariat and the analysts of the investment's departments,
    /// as <see cref="RunFollowUps"/>); council members, investors and the provider read the cases (<see cref="Read"/>).</summary>
    public static readonly OperationAuthorizationRequirement EditBusinessCase = new() { Name = nameof(EditBusinessCase) };
    /// <summary>A council member of the investment's fund records the council's decision in its approval chain.</summary>
    public static readonly OperationAuthorizationRequirement RecordCouncilDecision = new() { Name = nameof(RecordCouncilDecision) };
    /// <summary>Assessment request: an analyst of the asked department writes the assessment.</summary>
    public static readonly OperationAuthorizationRequirement Answer = new() { Name = nameof(Answer) };
}

/// <summary>The fund-level rules, shared by the handlers of what belongs to a fund.</summary>
internal static class FundRules
{
    public static bool FundWide(Viewer viewer, string fundKey) => viewer.Roles.Any(Roles.ScopedToFund) && viewer.Scopes.Contains(fundKey);

    public static bool Allows(Viewer viewer, string fundKey, string operation) => operation switch
    {
        nameof(Operations.Read) => viewer.Roles.Count > 0,
        nameof(Operations.ReadFundWide) => FundWide(viewer, fundKey),
        nameof(Operations.Administer) => viewer.AdministersFund(fundKey),
        nameof(Operations.RecordCouncilDecision) => viewer.Is(Roles.CouncilMember) && viewer.Scopes.Contains(fundKey),
        _ => false,
    };
}

public sealed class FundAuthorization : AuthorizationHandler<OperationAuthorizationRequirement, Fund.Fund>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement,
        Fund.Fund fund)
    {
        if (FundRules.Allows(context.User.ToViewer(), fund.Key, requirement.Name)) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

/// <summary>An investment: readable per <see cref="Viewer.CanRead"/> (asked of the database, whatever the caller loaded);
/// the rest by its fund's key. Scoped: what it asked the database is kept for the request, so a page that checks several
/// operations on one investment asks once.</summary>
public sealed class InvestmentAuthorization(BundlinjeDb db) : AuthorizationHandler<OperationAuthorizationRequirement, Investment>
{
    private readonly Dictionary<(int, System.Security.Claims.ClaimsPrincipal), (string FundKey, bool Readable)> asked = [];

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context,
        OperationAuthorizationRequirement requirement, Investment investment)
    {
        var viewer = context.User.ToViewer();
        if (!asked.TryGetValue((investment.Id, context.User), out var known))
        {
            var key = investment.Fund?.Key ?? await db.Funds.Where(f => f.Id == investment.FundId).Select(f => f.Key).SingleAsync();
            asked[(investment.Id, context.User)] = known =
                (key, FundRules.FundWide(viewer, key) || await db.Investments.Where(viewer.CanRead()).AnyAsync(i => i.Id == investment.Id));
        }
        var (fundKey, readable) = known;
        var allowed = readable && requirement.Name switch
        {
            nameof(Operations.Read) => true,
            nameof(Operations.SeeParticipants) => viewer.SeesParticipants(fundKey),
            nameof(Operations.ImportParticipants) => viewer.ImportsParticipants(fundKey),
            nameof(Operations.RunFollowUps) => viewer.RunsFollowUps(fundKey),
            nameof(Operations.EditBusinessCase) => viewer.EditsBusinessCases(fundKey),
            var other => FundRules.Allows(viewer, fundKey, other),
        };
        if (allowed) context.Succeed(requirement);
    }
}

/// <summary>Organisations are shared master data, but belong to the funds where they are a party of an investment or
/// were asked for an assessment: the secretariat and council of such a fund read its audit log (ReadFundWide), the
/// secretariat edits it (Administer). An organisation that belongs to no fund yet (just created) is any secretariat's.
/// Its funds are asked of the database once per request.</summary>
public sealed class OrganisationAuthorization(BundlinjeDb db) : AuthorizationHandler<OperationAuthorizationRequirement, Organisation>
{
    private readonly Dictionary<int, List<string>> fundsOf = [];

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context,
        OperationAuthorizationRequirement requirement, Organisation organisation)
    {
        var viewer = context.User.ToViewer();
        if (!fundsOf.TryGetValue(organisation.Id, out var funds))
        {
            var asParty = await db.Parties.Where(p => p.OrganisationId == organisation.Id).Select(p => p.Investment!.Fund!.Key).Distinct()
                .ToListAsync();
            var asAssessor = await (from r in db.AssessmentRequests where r.OrganisationId == organisation.Id
                                    join f in db.Funds on r.Proposal!.FundId equals f.Id select f.Key).Distinct().ToListAsync();
            fundsOf[organisation.Id] = funds = asParty.Union(asAssessor).ToList();
        }
        var allowed = requirement.Name switch
        {
            nameof(Operations.Read) => viewer.Roles.Count > 0,
            nameof(Operations.ReadFundWide) when funds.Count == 0 => viewer.Roles.Any(Roles.ScopedToFund),
            nameof(Operations.Administer) when funds.Count == 0 => viewer.Is(Roles.Secretariat),
            nameof(Operations.ReadFundWide) or nameof(Operations.Administer) =>
                funds.Any(f => FundRules.Allows(viewer, f, requirement.Name)),
            _ => false,
        };
        if (allowed) context.Succeed(requirement);
    }
}

/// <summary>An assessment request (loaded with its organisation): the asked department's analysts read and answer it;
/// the secretariat of the proposal's fund reads it.</summary>
public sealed class AssessmentAuthorization(BundlinjeDb db) : AuthorizationHandler<OperationAuthorizationRequirement, AssessmentRequest>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context,
        OperationAuthorizationRequirement requirement, AssessmentRequest request)
    {
        var viewer = context.User.ToViewer();
        var organisationKey = request.Organisation?.Key ?? await db.Organisations.Where(o => o.Id == request.OrganisationId)
            .Select(o => o.Key).SingleAsync();
        var analyst = viewer.Is(Roles.DepartmentAnalyst) && viewer.Scopes.Contains(organisationKey);
        var allowed = requirement.Name switch
        {
            nameof(Operations.Read) => analyst || viewer.AdministersFund(await (
                from p in db.Proposals where p.Id == request.ProposalId
                join f in db.Funds on p.FundId equals f.Id select f.Key).SingleAsync()),
            nameof(Operations.Answer) => analyst,
            _ => false,
        };
        if (allowed) context.Succeed(requirement);
    }
}

public static class AuthorizationExtensions
{
    public static void AddResourceAuthorization(this IServiceCollection services)
    {
        services.AddScoped<IAuthorizationHandler, FundAuthorization>();
        services.AddScoped<IAuthorizationHandler, InvestmentAuthorization>();
        services.AddScoped<IAuthorizationHandler, OrganisationAuthorization>();
        services.AddScoped<IAuthorizationHandler, AssessmentAuthorization>();
    }

    /// <summary>Whether the signed-in user may do <paramref name="operation"/> with the loaded <paramref name="resource"/>.
    /// A check that refuses the request (<paramref name="refusesRequest"/>) is logged at Warning when it fails (who, what,
    /// which record — never its content): a person acting on another fund's objects is worth an operator's attention.
    /// Checks that only decide what a page shows (a link, a form) are not logged.</summary>
    public static async Task<bool> MayAsync(this HttpContext http, object resource, OperationAuthorizationRequirement operation,
        bool refusesRequest = false)
    {
        var allowed = (await http.RequestServices.GetRequiredService<IAuthorizationService>()
            .AuthorizeAsync(http.User, resource, operation)).Succeeded;
        if (!allowed && refusesRequest)
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Bundlinje.Authorization").LogWarning(
                "Refused {Operation} on {Resource} {Id} to {User} ({Method} {Path}).", operation.Name, resource.GetType().Name,
                (resource as Common.Entity)?.Id, http.User.Identity?.Name ?? "anonymous", http.Request.Method, http.Request.Path.Value);
        return allowed;
    }

    /// <summary>For a page: null when allowed; otherwise 404 for nothing loaded, 403 (the access-denied page) for not allowed.</summary>
    public static async Task<IActionResult?> RefuseUnlessAsync(this PageModel page, object? resource,
        OperationAuthorizationRequirement operation) =>
        resource is null ? page.NotFound() : await page.HttpContext.MayAsync(resource, operation, refusesRequest: true) ? null
            : page.Forbid();
}
