using System.Reflection;
using Bundlinje.Investments;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Bundlinje.Web.Infrastructure;

/// <summary>A page whose route's <c>{key}</c> is a fund: <see cref="RouteResourceFilter"/> loads the fund once, authorizes
/// it for <paramref name="operation"/> (a name from <see cref="Operations"/>; a handler may ask for another with
/// <see cref="RequiresAttribute"/>) and hands it to the page (<see cref="IFundPage"/>) before the handler runs:
/// an unknown key is 404, a refused operation 403.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RouteFundAttribute(string operation) : Attribute
{
    public string Operation { get; } = operation;
}

/// <summary>A page whose route's <c>{key}</c> is an investment (loaded with its fund); see <see cref="RouteFundAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RouteInvestmentAttribute(string operation) : Attribute
{
    public string Operation { get; } = operation;
}

/// <summary>On a handler of a <see cref="RouteFundAttribute"/> or <see cref="RouteInvestmentAttribute"/> page: the
/// operation this handler needs instead of the page's.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresAttribute(string operation) : Attribute
{
    public string Operation { get; } = operation;
}

public interface IFundPage
{
    Fund.Fund Fund { get; set; }
}

public interface IInvestmentPage
{
    Investment Investment { get; set; }
}

/// <summary>The fund or investment named by the route, loaded at most once per request (tracked, so a form page can save
/// it). Scoped: the page, the filter and the authorization handlers share it.</summary>
public sealed class RouteResources(BundlinjeDb db)
{
    private readonly Dictionary<string, Fund.Fund?> funds = [];
    private readonly Dictionary<string, Investment?> investments = [];

    public async Task<Fund.Fund?> FundAsync(string key, CancellationToken ct = default)
    {
        if (!funds.TryGetValue(key, out var fund)) funds[key] = fund = await db.Funds.FirstOrDefaultAsync(f => f.Key == key, ct);
        return fund;
    }

    /// <summary>The investment with its fund.</summary>
    public async Task<Investment?> InvestmentAsync(string key, CancellationToken ct = default)
    {
        if (!investments.TryGetValue(key, out var investment))
            investments[key] = investment = await db.Investments.Include(i => i.Fund).FirstOrDefaultAsync(i => i.Key == key, ct);
        return investment;
    }
}

/// <summary>Loads and authorizes the route's fund or investment for the pages marked with <see cref="RouteFundAttribute"/>
/// or <see cref="RouteInvestmentAttribute"/> (the resource-based checks of Authorization.cs, logged when they refuse); a
/// <see cref="Common.NotFound"/> from the handler's service (a posted id outside the route's resource) is 404.</summary>
public sealed class RouteResourceFilter : IAsyncPageFilter
{
    private static readonly Dictionary<string, OperationAuthorizationRequirement> ByName =
        typeof(Operations).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(OperationAuthorizationRequirement))
            .ToDictionary(f => f.Name, f => (OperationAuthorizationRequirement)f.GetValue(null)!);

    public static OperationAuthorizationRequirement Operation(string name) =>
        ByName.TryGetValue(name, out var operation) ? operation
            : throw new ArgumentException($"No operation '{name}' in Operations.", nameof(name));

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var page = context.HandlerInstance.GetType();
        var fundPage = page.GetCustomAttribute<RouteFundAttribute>();
        var investmentPage = page.GetCustomAttribute<RouteInvestmentAttribute>();
        if (fundPage is null && investmentPage is null)
        {
            await next();
            return;
        }
        var operation = Operation(context.HandlerMethod?.MethodInfo.GetCustomAttribute<RequiresAttribute>()?.Operation
                                  ?? fundPage?.Operation ?? investmentPage!.Operation);
        var http = context.HttpContext;
        var key = context.RouteData.Values["key"] as string ?? "";
        var resources = http.RequestServices.GetRequiredService<RouteResources>();
        object? resource = fundPage is not null
            ? await resources.FundAsync(key, http.RequestAborted)
            : await resources.InvestmentAsync(key, http.RequestAborted);
        if (resource is null) context.Result = new NotFoundResult();
        else if (!await http.MayAsync(resource, operation, refusesRequest: true)) context.Result = new ForbidResult();
        else
        {
            if (resource is Fund.Fund fund && context.HandlerInstance is IFundPage fundHolder) fundHolder.Fund = fund;
            if (resource is Investment investment && context.HandlerInstance is IInvestmentPage investmentHolder)
                investmentHolder.Investment = investment;
            // A posted id the service did not find within the route's fund or investment is 404, as an unknown key is.
            var executed = await next();
            if (executed.Exception is Common.NotFound && !executed.ExceptionHandled)
            {
                executed.Result = new NotFoundResult();
                executed.ExceptionHandled = true;
            }
        }
    }
}

/// <summary>The /api counterpart of <see cref="RouteFundAttribute"/> and <see cref="RouteInvestmentAttribute"/>: the route's
/// fund or investment loaded once (the handler reads it from <see cref="RouteResources"/>, which has cached it) and
/// authorized for the operation before the handler runs; an unknown key is 404, a refused operation 403.</summary>
public static class RouteResourceEndpoints
{
    public static RouteHandlerBuilder RequireRouteFund(this RouteHandlerBuilder endpoint, string operation) =>
        endpoint.Require(operation, async (resources, key, ct) => await resources.FundAsync(key, ct));

    public static RouteHandlerBuilder RequireRouteInvestment(this RouteHandlerBuilder endpoint, string operation) =>
        endpoint.Require(operation, async (resources, key, ct) => await resources.InvestmentAsync(key, ct));

    private static RouteHandlerBuilder Require(this RouteHandlerBuilder endpoint, string operation,
        Func<RouteResources, string, CancellationToken, Task<object?>> load)
    {
        var required = RouteResourceFilter.Operation(operation);
        return endpoint.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var resource = await load(http.RequestServices.GetRequiredService<RouteResources>(), http.GetRouteValue("key") as string ?? "",
                http.RequestAborted);
            if (resource is null) return TypedResults.NotFound();
            if (!await http.MayAsync(resource, required, refusesRequest: true)) return TypedResults.Forbid();
            return await next(context);
        });
    }
}
