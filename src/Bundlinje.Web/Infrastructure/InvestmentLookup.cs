using Bundlinje.Investments;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Bundlinje.Web.Infrastructure;

public enum Access { Found, NotFound, Denied }

public static class InvestmentLookup
{
    /// <summary>Finds an investment by key (with its fund) and authorizes the loaded investment for the operation
    /// (<see cref="Operations.Read"/> unless told): tells apart "does not exist" from "exists, but not for you".</summary>
    public static async Task<(Access Access, Investment? Investment)> FindAsync(
        this IQueryable<Investment> query, string key, HttpContext http, OperationAuthorizationRequirement? operation = null,
            CancellationToken ct = default)
    {
        var investment = await query.Include(i => i.Fund).FirstOrDefaultAsync(i => i.Key == key, ct);
        if (investment is null) return (Access.NotFound, null);
        return await http.MayAsync(investment, operation ?? Operations.Read, refusesRequest: true) ? (Access.Found, investment)
            : (Access.Denied, null);
    }
}
