namespace Bundlinje.Tests.Infrastructure;

/// <summary>A test class that drives the app in Debian's Chromium: one app (SQLite, real Kestrel port) and one browser per
/// class, started before its tests and disposed after them. A test reaches them through <see cref="App"/>, which skips the
/// test locally and fails it under CI=true when Chromium is missing (<see cref="Requirement"/>).</summary>
public abstract class ChromiumTest : IAsyncLifetime
{
    private ChromiumApp? app;

    /// <summary>More settings for the app (e.g. the demo's synthetic follow-ups).</summary>
    protected virtual IReadOnlyDictionary<string, string>? Settings => null;

    protected ChromiumApp App
    {
        get
        {
            if (app is null) Requirement.Missing($"Chromium not found at {ChromiumApp.Chromium} (apt-get install chromium).");
            return app!;
        }
    }

    public virtual async ValueTask InitializeAsync() => app = await ChromiumApp.StartAsync(Settings);

    public async ValueTask DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
