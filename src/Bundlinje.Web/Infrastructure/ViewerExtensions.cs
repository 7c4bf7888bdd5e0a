using System.Security.Claims;
using Bundlinje.Investments;
using Bundlinje.Security;

namespace Bundlinje.Web.Infrastructure;

public static class ViewerExtensions
{
    public static Viewer ToViewer(this ClaimsPrincipal user) => new(
        user.Identity?.Name ?? "",
        Roles.All.Where(user.IsInRole).ToHashSet(),
        user.FindAll(Roles.ScopeClaim).Select(c => c.Value).ToHashSet());

    /// <summary>Investments the user may read.</summary>
    public static IQueryable<Investment> VisibleTo(this IQueryable<Investment> investments, ClaimsPrincipal user) =>
        investments.Where(user.ToViewer().CanRead());
}
