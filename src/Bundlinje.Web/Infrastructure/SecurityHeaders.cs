using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Bundlinje.Web.Infrastructure;

/// <summary>The browser protections on every response (pages, /api, static files, error pages): a Content-Security-Policy
/// without inline script or style, no framing, no MIME sniffing and no full referrer to other sites.</summary>
public static class SecurityHeaders
{
    public static string Policy(string? singleSignOnAuthority)
    {
        // The login form posts to the municipality's identity provider when single sign-on is configured.
        var formAction = Uri.TryCreate(singleSignOnAuthority, UriKind.Absolute, out var idp)
            ? $"'self' {idp.GetLeftPart(UriPartial.Authority)}" : "'self'";
        return string.Join("; ",
            "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self' data:",
            "connect-src 'self'", "object-src 'none'", "base-uri 'self'", $"form-action {formAction}", "frame-ancestors 'none'");
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var policy = Policy(app.ApplicationServices.GetRequiredService<IConfiguration>()["Bundlinje:Oidc:Authority"]);
        return app.Use((context, next) =>
        {
            // Set when the response starts, so error pages (whose headers the exception handler clears) carry them too.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                // a download keeps its sandbox
                if (!headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.ContentSecurityPolicy)) headers.ContentSecurityPolicy =
                    policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers.Remove("Server");
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
