using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Bundlinje.Tests.Infrastructure;

/// <summary>Debian's Chromium, driven by Playwright (never a downloaded browser), against the demo app on a real Kestrel
/// port on SQLite. <see cref="StartAsync"/> gives null where Chromium is not installed (the test then calls
/// <see cref="Requirement.Missing"/>, which fails under CI=true).</summary>
public sealed class ChromiumApp : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly IPlaywright playwright;
    public BundlinjeFactory Factory { get; }
    public IBrowser Browser { get; }
    public string BaseUrl { get; }

    private ChromiumApp(IPlaywright playwright, BundlinjeFactory factory, IBrowser browser, string baseUrl) =>
        (this.playwright, Factory, Browser, BaseUrl) = (playwright, factory, browser, baseUrl);

    /// <param name="settings">More settings for the app (e.g. the demo's synthetic follow-ups).</param>
    public static async Task<ChromiumApp?> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        if (!File.Exists(Chromium)) return null;
        var factory = BundlinjeFactory.Sqlite();
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) factory.Settings[key] = value;
        factory.UseKestrel(0);
        factory.StartServer();
        var baseUrl = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium, Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-gpu"],
        });
        return new(playwright, factory, browser, baseUrl);
    }

    /// <summary>A new page in a browser context of its own (its own cookies, so two people can be signed in at once),
    /// signed in through the login form.</summary>
    public async Task<IPage> SignedInAsync(string email, int width = 1400, int height = 1000)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", Data.DemoData.Password);
        await page.ClickAsync("button[type=submit].button-primary");
        await page.WaitForURLAsync("**/Portfolio");
        return page;
    }

    /// <summary>A new anonymous page.</summary>
    public Task<IPage> PageAsync(int width = 1400, int height = 1000) =>
        Browser.NewPageAsync(new() { BaseURL = BaseUrl, ViewportSize = new() { Width = width, Height = height } });

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
        await Factory.DisposeAsync();
    }
}
