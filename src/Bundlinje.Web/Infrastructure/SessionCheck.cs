using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Bundlinje.Web.Infrastructure;

/// <summary>Every request's sign-in cookie is checked against the account's security stamp in the database (one indexed
/// single-column query). "Log ud" changes the stamp, so a cookie saved before signing out is dead everywhere; so is every
/// session of an account whose password, roles or lockout the secretariat changes through Identity.</summary>
public static class SessionCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var claims = context.HttpContext.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var stamp = principal?.FindFirstValue(claims.SecurityStampClaimType);
        // Single sign-on sessions carry no local stamp; the identity provider ends them.
        if (principal is null || stamp is null) return;
        var id = principal.FindFirstValue(claims.UserIdClaimType);
        var db = context.HttpContext.RequestServices.GetRequiredService<BundlinjeDb>();
        var current = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.SecurityStamp)
            .FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        if (current == stamp) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
