using System.Net;
using System.Text.RegularExpressions;
using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;
using Bundlinje.Tests.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Tests.Operations;

/// <summary>The browser protections on every kind of response, over real Kestrel on loopback.</summary>
public sealed partial class SecurityHeadersTests : IAsyncLifetime
{
    private BundlinjeFactory factory = null!;
    private string baseUrl = "";

    public async ValueTask InitializeAsync()
    {
        factory = BundlinjeFactory.Sqlite();
        factory.UseKestrel(0);
        factory.StartServer();
        baseUrl = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await Task.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    private HttpClient Kestrel(CookieContainer? cookies = null) =>
        new(new HttpClientHandler
        {
            AllowAutoRedirect = false, CookieContainer = cookies ?? new(),
            UseCookies = true
        })
        { BaseAddress = new Uri(baseUrl) };

    private async Task<HttpClient> SignedInAsync(string role)
    {
        var client = Kestrel();
        var html = await client.GetStringAsync("/Account/Login");
        var token = WebUtility.HtmlDecode(Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")
            .Groups[1].Value);
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = Login.Email(role), ["Password"] = Data.DemoData.Password, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [Theory]
    [InlineData("/Account/Login", HttpStatusCode.OK)]      // a page with a form
    [InlineData("/Portfolio", HttpStatusCode.OK)]          // a page without a form
    [InlineData("/api/investments", HttpStatusCode.OK)]    // the API
    [InlineData("/css/site.css", HttpStatusCode.OK)]       // a static file
    [InlineData("/Findes/Ikke", HttpStatusCode.NotFound)]  // an error page
    public async Task Every_response_carries_the_browser_protections_and_no_server_banner(string url, HttpStatusCode expected)
    {
        var client = await SignedInAsync(Roles.CouncilMember);
        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        foreach (var directive in new[] { "default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
            "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'" })
            Assert.Contains(directive, csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.False(response.Headers.Contains("Server"), $"Server: {string.Join(",", response.Headers.Server)}");
    }

    [Fact]
    public async Task A_forged_host_is_refused_and_the_openapi_document_names_no_host()
    {
        using var client = Kestrel();
        foreach (var url in new[] { "/", "/Portfolio", "/openapi/v1.json", "/Account/Login" })
        {
            using var forged = new HttpRequestMessage(HttpMethod.Get, url);
            forged.Headers.Host = "evil.example";
            var response = await client.SendAsync(forged, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.DoesNotContain("evil.example", response.Headers.Location?.OriginalString ?? "");
            Assert.DoesNotContain("evil.example", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
        var openApi = await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        Assert.DoesNotContain("\"servers\"", openApi);
        Assert.DoesNotContain("127.0.0.1", openApi);
        var redirect = await client.GetAsync("/Portfolio", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.StartsWith("/Account/Login", redirect.Headers.Location!.OriginalString.Replace(baseUrl, ""));
    }

    [GeneratedRegex("""<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+\s*=|\sstyle\s*=|javascript:""", RegexOptions.IgnoreCase)]
    private static partial Regex InlineCode();

    [Fact]
    public void No_page_has_inline_script_event_handlers_or_style_attributes_the_policy_would_block()
    {
        var pages = Path.Combine(TranslationTests.RepositoryRoot(), "src", "Bundlinje.Web", "Pages");
        var found = Directory.EnumerateFiles(pages, "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(pages, f), Line: i + 1, Text: line)))
            .Where(l => InlineCode().IsMatch(l.Text)).Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}");
        Assert.Empty(found);
    }
}

/// <summary>HSTS and Secure cookies: outside Development every cookie is Secure, and HTTPS responses carry HSTS.</summary>
public sealed class TransportSecurityTests : IAsyncLifetime
{
    private BundlinjeFactory factory = null!;

    public async ValueTask InitializeAsync()
    {
        factory = BundlinjeFactory.Sqlite();
        factory.Settings["environment"] = "Production";
        factory.Settings["AllowedHosts"] = "bundlinje.test";
        await Task.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    private HttpClient Https() => factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://bundlinje.test"), AllowAutoRedirect = false, HandleCookies = true,
    });

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    [Fact]
    public async Task Https_responses_carry_hsts_outside_development()
    {
        var response = await Https().GetAsync("/Account/Login", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task Auth_antiforgery_and_language_cookies_are_secure_outside_development()
    {
        var client = Https();
        var page = await client.GetAsync("/Account/Login", TestContext.Current.CancellationToken);
        var antiforgery = Assert.Single(SetCookies(page), c => c.StartsWith("bundlinje.csrf="));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var token = WebUtility.HtmlDecode(Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")
            .Groups[1].Value);
        var login = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = Login.Email(Roles.CouncilMember), ["Password"] = Data.DemoData.Password, ["__RequestVerificationToken"] = token,
        }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Contains("secure", Assert.Single(SetCookies(login), c => c.StartsWith("bundlinje.auth=")),
            StringComparison.OrdinalIgnoreCase);

        var portfolio = await client.GetStringAsync("/Portfolio", TestContext.Current.CancellationToken);
        token = WebUtility.HtmlDecode(Regex.Match(portfolio, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")
            .Groups[1].Value);
        var language = await client.PostAsync("/Language", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en", ["returnUrl"] = "/Portfolio", ["__RequestVerificationToken"] = token,
        }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, language.StatusCode);
        Assert.Contains("secure", Assert.Single(SetCookies(language), c => c.StartsWith(".AspNetCore.Culture=")),
            StringComparison.OrdinalIgnoreCase);
    }
}
