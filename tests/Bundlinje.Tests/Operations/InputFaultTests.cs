using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Tests.Operations;

/// <summary>Input the app cannot take gets a Danish message naming the field, never a bare status code.</summary>
public sealed class InputFaultTests : IAsyncLifetime
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

    private HttpClient Kestrel() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new() }) { BaseAddress = new Uri(baseUrl) };

    private static string Token(string html) =>
        WebUtility.HtmlDecode(Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);

    [Fact]
    public async Task An_upload_over_the_size_limit_gets_a_danish_page_naming_the_field_and_nothing_is_stored()
    {
        var before = factory.With(db => db.Proposals.Count());
        using var client = Kestrel();
        var form = new MultipartFormDataContent { { new StringContent(
            Token(await client.GetStringAsync("/Proposals/New", TestContext.Current.CancellationToken))), "__RequestVerificationToken" } };
        form.Add(new StringContent("Citizen"), "ProposerType");
        form.Add(new StringContent("Lektiecafé"), "Title");
        var big = new ByteArrayContent(new byte[31 * 1024 * 1024]);
        big.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(big, "Files", "stor.pdf");

        // Expect: 100-continue lets the client read the early answer instead of failing on the closed connection.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Proposals/New") { Content = form };
        request.Headers.ExpectContinue = true;
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge,
            $"{(int)response.StatusCode}: {html} {string.Join("\n", factory.Logs.Where(l => l.Contains("Exception")).Take(3))}");
        Assert.Contains("Bilag: filen er for stor", html);
        Assert.DoesNotContain("Statuskode", html);
        Assert.Equal(before, factory.With(db => db.Proposals.Count()));
    }
}

/// <summary>Model-binding messages (a date that does not exist) in the UI language, naming the field.</summary>
public sealed class BindingMessageTests : IAsyncLifetime
{
    private BundlinjeFactory factory = null!;
    public async ValueTask InitializeAsync() { factory = BundlinjeFactory.Sqlite(); await Task.CompletedTask; }
    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    [Theory]
    [InlineData("da", "Dato: '2024-02-30' er ikke en gyldig dato")]
    [InlineData("en", "Date: '2024-02-30' is not a valid date")]
    public async Task An_impossible_date_gets_a_message_in_the_ui_language_naming_the_field(string language, string expected)
    {
        var client = await Login.AsAsync(factory, Login.Email(Roles.Secretariat));
        if (language == "en")
        {
            var token = await Login.TokenAsync(client, "/Portfolio");
            await client.PostAsync("/Language",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "en", ["__RequestVerificationToken"] = token }),
                    TestContext.Current.CancellationToken);
        }
        var before = factory.With(db => db.LedgerPostings.Count());
        var response = await client.PostAsync("/Funds/aarhus/Ledger/Post", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await Login.TokenAsync(client, "/Funds/aarhus/Ledger/Post"),
            ["Line.Pot"] = "InvestmentFund", ["Line.Kind"] = "RunningCost", ["Line.Basis"] = "Actual", ["Line.FiscalYear"] = "2025",
            ["Line.EntryDate"] = "2024-02-30", ["AmountText"] = "100", ["Line.Category"] = "Øvrig drift af Rådet",
            ["Line.Text"] = "Forplejning",
        }), TestContext.Current.CancellationToken);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, html);
        Assert.DoesNotContain("is not valid for", html);
        Assert.Equal(before, factory.With(db => db.LedgerPostings.Count()));
    }
}
