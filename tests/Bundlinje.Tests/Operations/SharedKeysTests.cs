using System.Net;
using System.Text.RegularExpressions;
using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Tests.Operations;

/// <summary>Data Protection keys live in the database (issue #12, "durable"): a second web instance on the same database
/// accepts the sign-in cookie the first one issued, as N instances behind a load balancer must.</summary>
public sealed partial class SharedKeysTests
{
    [Fact]
    public async Task A_second_instance_on_the_same_database_accepts_the_first_instances_sign_in_cookie()
    {
        await using var first = BundlinjeFactory.Sqlite();
        var signIn = first.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var form = await signIn.GetAsync("/Account/Login", TestContext.Current.CancellationToken);
        var antiforgery = Cookies(form);
        var token = Token().Match(await form.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = Login.Email(Roles.Secretariat), ["Password"] = Data.DemoData.Password, ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", antiforgery);
        var signedIn = await signIn.SendAsync(post, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = Cookies(signedIn);
        Assert.True(first.With(db => db.DataProtectionKeys.Count()) >= 1, "the key ring is stored in the database");

        await using var second = first.SecondInstance();
        var other = second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        // not signed in without the cookie
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/Portfolio", TestContext.Current.CancellationToken)).StatusCode);
        using var get = new HttpRequestMessage(HttpMethod.Get, "/Portfolio");
        get.Headers.Add("Cookie", session);
        Assert.Equal(HttpStatusCode.OK, (await other.SendAsync(get, TestContext.Current.CancellationToken)).StatusCode);
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : []);

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
