using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace Bundlinje.Web.Infrastructure;

/// <summary>Output caching of the public pages and open-data downloads (policy <see cref="Policy"/>): only GET/HEAD of an
/// anonymous visitor (no sign-in, no Authorization header) is looked up or stored, only a 200 response that sets no cookie
/// is stored, for at most <see cref="Expiry"/>, varying by UI culture and the list's page (<see cref="PageQuery"/>; other query strings
/// share the entry), tagged <c>offentlig:{fund}</c> so that an approved
/// publication evicts the fund's pages at once (<c>IOutputCacheStore.EvictByTagAsync(Tag(fund))</c>, the Publication page). A cached hit
/// runs no page and reads no database.</summary>
public sealed class PublicCache : IOutputCachePolicy
{
    public const string Policy = "offentlig";
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(5);

    /// <summary>The one query parameter the public pages read (the page of the fund's investment list).</summary>
    public const string PageQuery = "side";

    public static string Tag(string fundKey) => $"offentlig:{fundKey}";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var fund = http.GetRouteValue("fund") as string;
        var anonymous = http.User.Identity?.IsAuthenticated != true && string.IsNullOrEmpty(http.Request.Headers.Authorization);
        var attempt = fund is not null && anonymous && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method));
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = attempt;
        context.AllowCacheStorage = attempt;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Expiry;
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        // The fund page's list is paged; other query strings are ignored by the pages and must not grow the cache.
        context.CacheVaryByRules.QueryKeys = PageQuery;
        if (fund is not null) context.Tags.Add(Tag(fund));
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) =>
        ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (!Microsoft.Extensions.Primitives.StringValues.IsNullOrEmpty(response.Headers.SetCookie)
            || response.StatusCode != StatusCodes.Status200OK)
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}
