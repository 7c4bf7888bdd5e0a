using Bundlinje.Common;

namespace Bundlinje.Web.Infrastructure;

/// <summary>The signed-in person; "system" for work the app does outside a request (migration, demo load at start).</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor http) : ICurrentUser
{
    public string Name => http.HttpContext is { } context ? context.User.Identity?.Name ?? "anonym" : "system";
}
