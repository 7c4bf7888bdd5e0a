using Bundlinje.Common;

namespace Bundlinje.Web.Infrastructure;

public sealed class HttpCurrentUser(IHttpContextAccessor http) : ICurrentUser
{
    public string Name => http.HttpContext?.User.Identity?.Name ?? "anonym";
}
