using System.Net;
using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Tests.Web;

/// <summary>Every form handler (every page POST handler) rejects a post without the antiforgery token.</summary>
public sealed class CsrfTests : IAsyncLifetime
{
    private BundlinjeFactory factory = null!;
    public async ValueTask InitializeAsync() { factory = BundlinjeFactory.Sqlite(); await Task.CompletedTask; }
    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Every_post_handler_rejects_a_post_without_the_token()
    {
        var client = await Login.AsAsync(factory, Login.Email(Roles.Secretariat));
        var party = factory.With(db => db.Parties.First(p => p.Investment!.Key == "dialog-mod-vold").Id);
        var handlers = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Route: e.RoutePattern.RawText!, Page: e.Metadata.GetMetadata<CompiledPageActionDescriptor>()))
            .Where(e => e.Page is not null && e.Route != "Index")
            .SelectMany(e => e.Page!.HandlerMethods.Where(h => h.HttpMethod == "Post").Select(h => (e.Route, h.Name)))
            .ToList();
        Assert.True(handlers.Count >= 12, $"Expected every form handler, found {handlers.Count}");

        var accepted = new List<string>();
        foreach (var (route, handler) in handlers)
        {
            var url = "/" + route.Replace("{key}", "dialog-mod-vold").Replace("{id:int}", party.ToString())
                .Replace("{id:guid}", Guid.Empty.ToString()).Replace("{year:int}", "2024")
                .Replace("{key?}", "").TrimEnd('/') + (handler is null ? "" : $"?handler={handler}");
            var response = await client.PostAsync(url,
                new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = "x", ["Version"] = "0" }),
                    TestContext.Current.CancellationToken);
            if (response.StatusCode != HttpStatusCode.BadRequest) accepted.Add($"POST {url}: {(int)response.StatusCode}");
        }
        Assert.Empty(accepted);
        Assert.Equal("Dialog mod Vold", factory.With(db => db.Investments.Single(i => i.Key == "dialog-mod-vold").Name));
    }
}
