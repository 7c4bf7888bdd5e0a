using System.Diagnostics;
using System.Text.RegularExpressions;
using Bundlinje.Data;
using Bundlinje.FollowUps;
using Bundlinje.Fund;
using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Tests.FollowUps;

/// <summary>The demo as a newcomer starts it: four investments with a payment model, synthetic participants and register
/// data, and runs computed by the engine at start-up, approved runs paid by the ledger's result payments.</summary>
public sealed class DemoFollowUpTests : IAsyncLifetime
{
    private BundlinjeFactory factory = null!;
    private HttpClient client = null!;
    private TimeSpan startup;

    public async ValueTask InitializeAsync()
    {
        factory = BundlinjeFactory.Sqlite();
        factory.Settings["Bundlinje:DemoFollowUps"] = "true";
        var watch = Stopwatch.StartNew();
        _ = factory.Services; // migrates and loads the demo
        startup = watch.Elapsed;
        client = await Login.AsAsync(factory, Login.Email(Roles.Secretariat));
    }

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    private List<(int Id, DateOnly AsOf, decimal Payable, bool Approved)> Runs(string key) => factory.With(db =>
        (from r in db.FollowUpRuns join i in db.Investments on r.InvestmentId equals i.Id where i.Key == key orderby r.Id
         select new { r.Id, r.AsOf, r.Payable, Approved = db.FollowUpApprovals.Any(a => a.RunId == r.Id) }).AsEnumerable()
        .Select(r => (r.Id, r.AsOf, r.Payable, r.Approved)).ToList());

    [Fact]
    public void Runs_for_the_four_investments()
    {
        Assert.Fail(string.Join("\n", new[] { "flere-kloge-haender", "housing-first", "dialog-mod-vold", "diabetes" }.Select(key => key + ": " + string.Join("; ", Runs(key)))) + $" startup {startup}");
    }
}
