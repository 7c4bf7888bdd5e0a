using System.Net;
using System.Text.RegularExpressions;
using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Bundlinje.Tests.Operations;

/// <summary>"Log ud" ends the session on the server: a cookie saved before signing out is dead afterwards.</summary>
public sealed partial class SessionTests : IAsyncLifetime
{
    private BundlinjeFactory factory = null!;
    public async ValueTask InitializeAsync() { factory = BundlinjeFactory.Sqlite(); await Task.CompletedTask; }
    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    /// <summary>A client that keeps no cookies of its own: every request carries exactly the cookies given.</summary>
    private HttpClient Bare() =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static HttpRequestMessage With(HttpMethod method, string url, IDictionary<string, string> cookies, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        if (cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        return request;
    }

    private static void Keep(HttpResponseMessage response, IDictionary<string, string> cookies)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values)) return;
        foreach (var pair in values.Select(v => v.Split(';')[0].Split('=', 2))) cookies[pair[0]] = pair[1];
    }

    private async Task<string> TokenAsync(HttpClient client, string page, Dictionary<string, string> cookies)
    {
        var response = await client.SendAsync(With(HttpMethod.Get, page, cookies));
        Keep(response, cookies);
        return WebUtility.HtmlDecode(Token().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value);
    }

    [Fact]
    public async Task A_cookie_saved_before_signing_out_is_refused_by_the_api_and_the_pages_afterwards()
    {
        var client = Bare();
        var cookies = new Dictionary<string, string>();
        var token = await TokenAsync(client, "/Account/Login", cookies);
        var login = await client.SendAsync(
            With(HttpMethod.Post, "/Account/Login", cookies, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = Login.Email(Roles.CouncilMember), ["Password"] = Data.DemoData.Password, ["__RequestVerificationToken"] = token,
            })), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Keep(login, cookies);
        var saved = new Dictionary<string, string>(cookies);
        Assert.True(saved.ContainsKey("bundlinje.auth"));
        Assert.Equal(HttpStatusCode.OK,
            (await client.SendAsync(With(HttpMethod.Get, "/api/investments", saved), TestContext.Current.CancellationToken)).StatusCode);

        token = await TokenAsync(client, "/Portfolio", cookies);
        var logout = await client.SendAsync(With(HttpMethod.Post, "/Account/Logout", cookies,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token })),
                TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized,
            (await client.SendAsync(With(HttpMethod.Get, "/api/investments", saved), TestContext.Current.CancellationToken)).StatusCode);
        foreach (var page in new[] { "/Portfolio", "/Investments/dialog-mod-vold", "/Funds/aarhus/Economics" })
        {
            var replay = await client.SendAsync(With(HttpMethod.Get, page, saved), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
            Assert.Contains("/Account/Login", replay.Headers.Location!.OriginalString);
        }

        // Signing in again works, and the new session is alive.
        var again = await Login.AsAsync(factory, Login.Email(Roles.CouncilMember));
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/investments", TestContext.Current.CancellationToken)).StatusCode);
    }
}
