using System.Net;
using Bundlinje.Data;
using Bundlinje.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Tests.Trust;

/// <summary>The app on a real Kestrel port (SQLite or PostgreSQL) for the race and money tests: clients sign in through the
/// login form, and <see cref="AllAtOnceAsync"/> releases N prepared requests at the same moment.</summary>
public abstract class TrustApp : IAsyncLifetime
{
    protected BundlinjeFactory Factory { get; private set; } = null!;
    protected string BaseUrl { get; private set; } = "";
    protected abstract Task<BundlinjeFactory?> CreateFactoryAsync();

    public async ValueTask InitializeAsync()
    {
        Factory = (await CreateFactoryAsync())!;
        if (Factory is null) return;
        Factory.Settings["Bundlinje:IntakePermitsPer10Minutes"] = "1000";
        Factory.UseKestrel(0);
        Factory.StartServer();
        BaseUrl = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public async ValueTask DisposeAsync()
    {
        if (Factory is not null) await Factory.DisposeAsync();
    }

    /// <summary>A browser-like client of the Kestrel server, with its own cookies (a session of its own).</summary>
    protected HttpClient Anonymous()
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() })
        {
            BaseAddress = new Uri(BaseUrl),
        };
        return client;
    }

    protected async Task<HttpClient> SignedInAsync(string role)
    {
        var client = Anonymous();
        var token = await Login.TokenAsync(client, "/Account/Login");
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = Login.Email(role), ["Password"] = DemoData.Password, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Each client's form (built with its own antiforgery token from <paramref name="page"/>), all sent at the same
    /// moment; returns status, body and redirect of each.</summary>
    protected static async Task<List<(HttpStatusCode Status, string Body, Uri? Location)>> AllAtOnceAsync(
        IReadOnlyList<HttpClient> clients, string page, string url, Func<int, string, HttpContent> form)
    {
        var prepared = new List<(HttpClient Client, HttpContent Content)>();
        for (var i = 0; i < clients.Count; i++) prepared.Add((clients[i], form(i, await Login.TokenAsync(clients[i], page))));
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sending = prepared.Select(async p =>
        {
            await go.Task;
            var response = await p.Client.PostAsync(url, p.Content);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location);
        }).ToList();
        go.SetResult();
        return [.. await Task.WhenAll(sending)];
    }

    protected static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));
}
