using Bundlinje.Common;
using Bundlinje.Data;
using Bundlinje.Investments;
using Bundlinje.Reports;
using Bundlinje.Reports.FactSheets;
using Bundlinje.Tests.FollowUps;
using Bundlinje.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Tests.Reports;

public sealed class SqliteDepartmentBundleTests(SqliteDemoApp app) : DepartmentBundleTests(app), IClassFixture<SqliteDemoApp>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresDepartmentBundleTests(PostgresDemoApp app) : DepartmentBundleTests(app), IClassFixture<PostgresDemoApp>;

/// <summary>The councillor's bundle: every fact sheet of one paying department's investments (the authority parties, as
/// stored), each on a new page; an unknown department is refused.</summary>
public abstract class DepartmentBundleTests(DemoApp app)
{
    private static readonly DateOnly AsOf = new(2024, 12, 31);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private BundlinjeFactory Factory
    {
        get
        {
            if (app.Unavailable is { } reason) Requirement.Missing(reason);
            return app.Factory;
        }
    }

    private async Task<T> With<T>(Func<IServiceProvider, BundlinjeDb, Task<T>> use)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<BundlinjeDb>());
    }

    [Fact]
    public async Task Each_paying_departments_bundle_holds_exactly_its_investments_each_fact_sheet_on_a_new_page()
    {
        var fund = await With((_, db) => db.Funds.AsNoTracking().SingleAsync(f => f.Key == "aarhus", Ct));
        var authorities = await With((_, db) => db.Parties.AsNoTracking().Where(p => p.Role == PartyRole.Authority)
            .Select(p => new { Department = p.Organisation!.Name, Investment = p.Investment!.Name }).ToListAsync(Ct));
        var paying = await With((sp, _) => sp.GetRequiredService<DepartmentBundles>().PayingDepartmentsAsync(fund, Ct));
        var departments = paying.Select(d => d.Name).ToList();
        Assert.Equal(authorities.Select(a => a.Department).Distinct().Order(StringComparer.Ordinal), departments);
        Assert.True(departments.Count >= 2);
        foreach (var (key, department) in paying)
        {
            var built = await With((sp, _) => sp.GetRequiredService<DepartmentBundles>().BuildAsync(fund, key, AsOf, "da", Ct));
            var expected = authorities.Where(a => a.Department == department).Select(a => a.Investment).Distinct()
                .Order(StringComparer.Ordinal).ToList();
            var sheets = built.Document.Sections.Skip(1).ToList();
            Assert.Equal(expected, sheets.Select(s => s.Heading));
            Assert.All(sheets, s => Assert.True(s.NewPage && s.Columns == 2 && s.Level == 1));
            Assert.Equal(department, built.Document.Sections[0].Heading);
            Assert.Equal(ReportLayout.Landscape, built.Document.Layout);
            // the same sheets as one by one
            foreach (var sheet in sheets)
            {
                var investment = await With((_, db) => db.Investments.AsNoTracking().SingleAsync(i => i.Name == sheet.Heading, Ct));
                var single = await With((sp, _) => sp.GetRequiredService<FactSheets>().BuildAsync(investment, AsOf, "da", Ct));
                Assert.Equal(Assert.Single(single.Document.Sections).PlainText(), sheet.PlainText());
            }
            var again = await With((sp, _) => sp.GetRequiredService<DepartmentBundles>().BuildAsync(fund, key, AsOf, "da", Ct));
            Assert.Equal((built.Document.PlainText(), built.InputsSha256), (again.Document.PlainText(), again.InputsSha256));
        }
    }

    [Fact]
    public async Task An_unknown_department_is_refused_in_Danish_and_English()
    {
        var fund = await With((_, db) => db.Funds.AsNoTracking().SingleAsync(f => f.Key == "aarhus", Ct));
        var refused = await Assert.ThrowsAsync<Refused>(() => With((sp, _) =>
            sp.GetRequiredService<DepartmentBundles>().BuildAsync(fund, "Ingen Forvaltning", AsOf, "da", Ct)));
        Assert.Equal(("report.unknownDepartment", "department"), (refused.Code, refused.Field));
        Assert.Contains("der er ingen betalende forvaltning »Ingen Forvaltning« i fonden", refused.Da());
        Assert.Contains("the fund has no paying department \"Ingen Forvaltning\"",
            Bundlinje.Data.Texts.RefusalText.Message(refused, Bundlinje.Data.Texts.RefusalText.English));
    }
}
