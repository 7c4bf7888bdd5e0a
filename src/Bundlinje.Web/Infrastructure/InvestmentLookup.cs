using System.Security.Claims;
using Bundlinje.Investments;

namespace Bundlinje.Web.Infrastructure;

public enum Access { Found, NotFound, Denied }

public static class InvestmentLookup
{
    /// <summary>Finds an investment by key and tells apart "does not exist" from "exists, but not for you".</summary>
    public static async Task<(Access Access, Investment? Investment)> FindAsync(
        this IQueryable<Investment> query, string key, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var investment = await query.FirstOrDefaultAsync(i => i.Key == key, ct);
        if (investment is null) return (Access.NotFound, null);
        var visible = await query.VisibleTo(user).AnyAsync(i => i.Id == investment.Id, ct);
        return visible ? (Access.Found, investment) : (Access.Denied, null);
    }
}
