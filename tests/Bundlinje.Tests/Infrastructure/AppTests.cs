namespace Bundlinje.Tests.Infrastructure;

/// <summary>Tests against one started app per test, on the database its subclass picks (SQLite, or PostgreSQL when the
/// test cluster is available; <see cref="Factory"/> is then null and the test returns early or is skipped).</summary>
public abstract class AppTests : IAsyncLifetime
{
    protected BundlinjeFactory Factory { get; private set; } = null!;
    protected abstract Task<BundlinjeFactory?> CreateFactoryAsync();

    public async ValueTask InitializeAsync()
    {
        Factory = (await CreateFactoryAsync())!;
        if (Factory is not null) _ = Factory.Services; // starts the app: migrations and demo data
    }

    public async ValueTask DisposeAsync()
    {
        if (Factory is not null) await Factory.DisposeAsync();
    }
}
