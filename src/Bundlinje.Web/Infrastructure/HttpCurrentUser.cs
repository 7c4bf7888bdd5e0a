using Bundlinje.Common;

namespace Bundlinje.Web.Infrastructure;

/// <summary>The signed-in person; the requester for a queued job's work (<see cref="JobActor"/>); "system" for work the
/// app does outside a request (migration, demo load at start).</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor http, JobActor job) : ICurrentUser
{
    public string Name => job.Name ?? (http.HttpContext is { } context ? context.User.Identity?.Name ?? "anonym" : "system");
}
