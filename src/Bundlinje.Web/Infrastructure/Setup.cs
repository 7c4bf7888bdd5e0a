using System.Globalization;
using Bundlinje.Common;
using Bundlinje.Security;
using Bundlinje.Web.Api;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace Bundlinje.Web.Infrastructure;

public static class Setup
{
    public const string IntakeRateLimit = "intake";

    public static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");
    public static readonly CultureInfo[] UiCultures = [Danish, CultureInfo.GetCultureInfo("en")];

    public static void AddBundlinje(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        AddShippedSettings(builder);
        // Outside Development every cookie is Secure; "Testing" (the test suite over plain http on loopback) is told apart
        // and proven by TransportSecurityTests, which runs the app as Production. Set once here: the cookie policy
        // (UseCookiePolicy, before authentication and antiforgery) marks every cookie the app writes, sign-in and CSRF alike.
        var secure = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing")
            ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        services.Configure<CookiePolicyOptions>(o => o.Secure = secure);
        // Behind a TLS-terminating reverse proxy on the same host (loopback only, the default known proxies), the request
        // counts as HTTPS: Secure cookies, antiforgery and HSTS need that. Other proxies: ForwardedHeadersOptions.KnownProxies.
        services.Configure<ForwardedHeadersOptions>(o =>
            o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto);
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        // Every application service (Bundlinje.Data.ServiceSetup, shared with the CLI); below only what the web adds.
        services.AddBundlinje(config);
        services.AddBundlinjeJobs(config);
        services.Configure<SmtpSettings>(config.GetSection("Bundlinje:Smtp"));
        services.AddHostedService<OutboxSender>();
        // The public proposal form: a few submissions per address per ten minutes (Bundlinje:IntakePermitsPer10Minutes).
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(IntakeRateLimit, ctx => HttpMethods.IsGet(ctx.Request.Method)
                ? System.Threading.RateLimiting.RateLimitPartition.GetNoLimiter("read")
                : System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions
                {
                    PermitLimit = config.GetValue("Bundlinje:IntakePermitsPer10Minutes", 5), Window = TimeSpan.FromMinutes(10),
                    QueueLimit = 0,
                }));
        });

        // Keys in the database: N instances behind a load balancer share them, and a restart keeps users signed in.
        services.AddDataProtection().SetApplicationName("Bundlinje").PersistKeysToDbContext<BundlinjeDb>();
        services.AddIdentity<BundlinjeUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<BundlinjeDb>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "bundlinje.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Events.OnValidatePrincipal = SessionCheck.ValidateAsync;
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status403Forbidden);
        });
        AddSingleSignOn(services, config);

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Reader, p => p.RequireAuthenticatedUser().RequireRole(Roles.All))
            .AddPolicy(Policies.Secretariat, p => p.RequireRole(Roles.Secretariat))
            .AddPolicy(Policies.AuditReader, p => p.RequireRole(Roles.Secretariat, Roles.CouncilMember))
            .AddPolicy(Policies.Assessor, p => p.RequireRole(Roles.Secretariat, Roles.DepartmentAnalyst))
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser().RequireRole(Roles.All).Build());
        // Resource-based: handlers load the object through the owner in their route, then authorize it (Authorization.cs).
        services.AddResourceAuthorization();

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Danish, Danish);
            o.SupportedCultures = [Danish];
            o.SupportedUICultures = UiCultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        // Pages marked [RouteFund]/[RouteInvestment] get the route's fund or investment loaded once and authorized.
        services.AddScoped<RouteResources>();
        services.AddRazorPages().AddViewLocalization()
            .AddMvcOptions(o =>
            {
                BindingMessages.Localise(o.ModelBindingMessageProvider);
                o.Filters.Add(new RouteResourceFilter());
            });
        // Danish letters are written as themselves, not as &#xE6; (markup characters are still encoded).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "bundlinje.csrf";
            o.SuppressXFrameOptionsHeader = true; // SecurityHeaders sends DENY on every response
        });
        // The document names no server: it never echoes the request's Host header.
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) => { document.Servers = null; return Task.CompletedTask; }));
        services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddHealthChecks().AddCheck<DatabaseWritableCheck>("database-writable");
        // The public pages and open data (/Offentlig): cached for anonymous visitors, evicted when a publication is approved.
        services.AddOutputCache(o => o.AddPolicy(PublicCache.Policy, new PublicCache()));
        services.AddProblemDetails();
    }

    /// <summary>The content root is the working directory (where data/ lives), so appsettings.json shipped next to the app
    /// (logging levels, AllowedHosts) is added under it with the lowest precedence: a file in the working directory,
    /// environment variables and the command line still override it.</summary>
    private static void AddShippedSettings(WebApplicationBuilder builder)
    {
        var shipped = AppContext.BaseDirectory;
        if (Path.GetFullPath(shipped).TrimEnd('/') == Path.GetFullPath(builder.Environment.ContentRootPath).TrimEnd('/')) return;
        var sources = builder.Configuration.Sources;
        foreach (var name in new[] { $"appsettings.{builder.Environment.EnvironmentName}.json", "appsettings.json" })
            if (File.Exists(Path.Combine(shipped, name)))
                sources.Insert(0, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
                {
                    FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(shipped), Path = name, Optional = true,
                    ReloadOnChange = false,
                });
    }

    private static Task ApiAware(HttpContext http, string redirect, int status)
    {
        if (http.Request.Path.StartsWithSegments("/api")) http.Response.StatusCode = status;
        else http.Response.Redirect(redirect);
        return Task.CompletedTask;
    }

    private static void AddSingleSignOn(IServiceCollection services, IConfiguration config)
    {
        var oidc = config.GetSection("Bundlinje:Oidc");
        if (string.IsNullOrWhiteSpace(oidc["Authority"])) return;
        services.AddAuthentication().AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, "Kommunens login", o =>
        {
            o.Authority = oidc["Authority"];
            o.ClientId = oidc["ClientId"];
            o.ClientSecret = oidc["ClientSecret"];
            o.ResponseType = "code";
            o.MapInboundClaims = false;
            o.GetClaimsFromUserInfoEndpoint = true;
            o.SignInScheme = IdentityConstants.ApplicationScheme;
            o.TokenValidationParameters.RoleClaimType = oidc["RoleClaim"] ?? "roles";
            o.TokenValidationParameters.NameClaimType = "name";
            o.ClaimActions.MapJsonKey(Roles.ScopeClaim, oidc["ScopeClaim"] ?? Roles.ScopeClaim);
        });
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var demo = app.Configuration.GetValue<bool>("Bundlinje:Demo");
        if (!demo && !app.Configuration.GetValue("Bundlinje:MigrateOnStart", true)) return;
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BundlinjeDb>().Database.MigrateAsync();
        if (demo) await scope.ServiceProvider.GetRequiredService<DemoData>().LoadAsync();
    }

    public static void UseBundlinje(this WebApplication app)
    {
        // An import stopped mid-way (killed process) leaves its staged work file; nothing of it survives a restart.
        var swept = Bundlinje.Data.RegisterData.RegisterStore.SweepStaging(FollowUpSetup.RegisterPath(app.Configuration));
        if (swept > 0) app.Logger.LogWarning("Deleted {Count} staged import file(s) left by an import that was stopped.", swept);
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }
        app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"),
            branch => branch.UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
        app.UseRequestLocalization();
        app.UseCookiePolicy();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOutputCache(); // after authentication: a signed-in user's response is never stored nor served from the cache
        app.UseAntiforgery();
        app.UseRateLimiter();
        app.MapRazorPages();
        app.MapOpenApi().AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapBundlinjeApi();
        app.MapFundsApi();
        app.MapBusinessCasesApi();
        app.MapPublicData();
    }
}

public static class Policies
{
    /// <summary>Assessment requests: the departments' analysts answer them, the secretariat follows them.</summary>
    public const string Assessor = nameof(Assessor);
    public const string Reader = nameof(Reader);
    public const string Secretariat = nameof(Secretariat);
    public const string AuditReader = nameof(AuditReader);
}
