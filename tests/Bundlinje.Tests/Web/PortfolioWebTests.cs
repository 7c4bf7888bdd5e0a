using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Bundlinje.Common;
using Bundlinje.Fund;
using Bundlinje.Portfolio;
using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Tests.Web;

/// <summary>The web app end to end on a real database; run once on SQLite and once on PostgreSQL.</summary>
public abstract class PortfolioWebTests : IAsyncLifetime
{
    protected BundlinjeFactory Factory { get; private set; } = null!;

    protected abstract Task<BundlinjeFactory?> CreateFactoryAsync();

    public async ValueTask InitializeAsync() => Factory = (await CreateFactoryAsync())!;

    public async ValueTask DisposeAsync()
    {
        if (Factory is not null) await Factory.DisposeAsync();
    }

    [Fact]
    public async Task Health_answers_when_the_database_does()
    {
        var response = await Login.Anonymous(Factory).GetAsync("/health", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Api_lists_the_eleven_investments_for_the_council_and_refuses_anonymous()
    {
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await Login.Anonymous(Factory).GetAsync("/api/investments", TestContext.Current.CancellationToken)).StatusCode);

        var client = await Login.AsAsync(Factory, Login.Email(Roles.CouncilMember));
        var list = await client.GetFromJsonAsync<JsonElement>("/api/investments", TestContext.Current.CancellationToken);
        Assert.Equal(11, list.GetArrayLength());
        var dmv = list.EnumerateArray().Single(i => i.GetProperty("key").GetString() == "dialog-mod-vold");
        Assert.Equal(2, dmv.GetProperty("agreementVersion").GetInt32());
        Assert.Equal(15, dmv.GetProperty("plannedMax").GetInt32());
        var rsi = dmv.GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("organisation").GetString() == "rsi");
        Assert.Equal(1_700_000m, rsi.GetProperty("capital").GetDecimal());
        var bikuben = list.EnumerateArray().Single(i => i.GetProperty("key").GetString() == "housing-first")
            .GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("role").GetString() == "DeficitGuarantor");
        Assert.Equal(2_000_000m, bikuben.GetProperty("guarantee").GetDecimal());
    }

    [Fact]
    public async Task The_cli_counts_the_demo_proposals_as_the_2023_report_did()
    {
        _ = Factory.Services;
        var (exit, output, error) = await Factory.CliAsync("proposals", "stats", "--fund", "aarhus", "--as-of", "2023-12-31");
        Assert.True(exit == 0, error);
        var json = System.Text.Json.JsonDocument.Parse(output).RootElement;
        Assert.Equal([49, 18, 20, 1, 9, 1, 12, 2, 8],
            new[] { "ordinary", "directRejection", "rejectedAfterAssessment", "donation", "launched", "pending", "call", "callLaunched",
                "newThisYear" }
                .Select(key => json.GetProperty(key).GetInt32()));
        var csv = await Factory.CliAsync("proposals", "stats", "--fund", "aarhus", "--as-of", "2024-12-31", "--format", "csv");
        Assert.EndsWith("53,19,21,1,9,3,12,2,4", csv.Out.Trim());

        var page = await (await Login.AsAsync(Factory, Login.Email(Roles.CouncilMember))).GetStringAsync(
            "/Funds/aarhus/Proposals?asOf=2023-12-31", TestContext.Current.CancellationToken);
        Assert.Contains("<tr><th>Ordinære henvendelser i alt</th><td class=\"number\">49</td></tr>", page);
        Assert.Contains("<tr><td>– Afvist efter faglig belysning</td><td class=\"number\">20</td></tr>", page);
        Assert.Contains("Borgerhjælpen ved Fundamentet", page);
    }

    [Fact]
    public async Task The_overview_warns_that_ungifokus_is_behind_its_enrolment_plan()
    {
        var html = await (await Login.AsAsync(Factory, Login.Email(Roles.CouncilMember))).GetStringAsync("/Portfolio",
            TestContext.Current.CancellationToken);
        Assert.Contains("<span class=\"enrolment-warning\" data-testid=\"enrolment-ungifokus\">367 af 422 forventede – 13 % bagud</span>",
            html);
        Assert.DoesNotContain("data-testid=\"enrolment-diabetes\"", html); // ended early: not checked
    }

    [Fact]
    public async Task A_provider_sees_its_own_investment_and_is_denied_another()
    {
        var client = await Login.AsAsync(Factory, Login.Email(Roles.Provider));
        var list = await client.GetFromJsonAsync<JsonElement>("/api/investments", TestContext.Current.CancellationToken);
        Assert.Equal(["dialog-mod-vold"], list.EnumerateArray().Select(i => i.GetProperty("key").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden,
            (await client.GetAsync("/api/investments/ungifokus", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await client.GetAsync("/api/investments/no-such-thing", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Investment_page_shows_parties_and_both_agreement_versions()
    {
        var client = await Login.AsAsync(Factory, Login.Email(Roles.CouncilMember));
        var html = await client.GetStringAsync("/Investments/dialog-mod-vold", TestContext.Current.CancellationToken);
        Assert.Contains("1.700.000 kr.", html);
        Assert.Contains("2.500.000 kr.", html);
        Assert.Contains("25 → 15", html);
        Assert.Contains("2.500.000 kr. → 1.700.000 kr.", html);
        var diff = await client.GetStringAsync("/Investments/dialog-mod-vold/Versions/2", TestContext.Current.CancellationToken);
        Assert.Contains("<del class=\"diff\">25</del>", diff);
        Assert.Contains("<ins class=\"diff\">15</ins>", diff);
    }

    [Fact]
    public async Task An_edit_is_audited_and_a_stale_form_is_refused_with_who_and_when()
    {
        var client = await Login.AsAsync(Factory, Login.Email(Roles.Secretariat));
        var version = Factory.With(db => db.Investments.Single(i => i.Key == "ungifokus").Version);
        var form = await EditFormAsync(client, "Ny statusnote", version);
        var response = await client.PostAsync("/Investments/ungifokus/Edit", form, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var audit = Factory.With(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "Investment" && a.Field == "StatusNote" && a.Action == AuditAction.Changed).ToList());
        var entry = Assert.Single(audit);
        Assert.Equal(Login.Email(Roles.Secretariat), entry.User);
        Assert.Equal("Udløber ved udgangen af 2025.", entry.OldValue);
        Assert.Equal("Ny statusnote", entry.NewValue);

        var stale = await client.PostAsync("/Investments/ungifokus/Edit", await EditFormAsync(client, "Overskriver", version),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains($"Posten er ændret af {Login.Email(Roles.Secretariat)}", html);
        Assert.Equal("Ny statusnote", Factory.With(db => db.Investments.Single(i => i.Key == "ungifokus").StatusNote));
    }

    [Fact]
    public async Task A_revision_adds_a_version_with_its_changes()
    {
        var client = await Login.AsAsync(Factory, Login.Email(Roles.Secretariat));
        var token = await Login.TokenAsync(client, "/Investments/diabetes/Revise");
        var version = Factory.With(db => db.Investments.Single(i => i.Key == "diabetes").Version);
        var response = await client.PostAsync("/Investments/diabetes/Revise", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["EffectiveOn"] = "2024-06-01", ["Reason"] = "Afsluttes før tid", ["PlannedParticipants"] = "138",
            ["Capital[rsi]"] = "5.500.000", ["Version"] = version.ToString(), ["__RequestVerificationToken"] = token,
        }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var changes = Factory.With(db => db.AgreementVersions.Include(v => v.Changes).AsNoTracking()
            .Single(v => v.Number == 3 && db.Investments.Any(i => i.Key == "diabetes" && i.Id == v.InvestmentId)).Changes
            .Select(c => (c.Field, c.OldValue, c.NewValue)).OrderBy(c => c.Field).ToList());
        Assert.Equal([("capital:rsi", "5950000", "5500000"), ("plannedParticipants", "300", "138")], changes);
    }

    [Fact]
    public async Task A_malformed_portfolio_is_rejected_whole_and_changes_nothing()
    {
        var before = Factory.With(db => (db.Investments.Count(), db.Organisations.Count(), db.AuditEntries.Count()));
        const string json = """
            {"format":"bundlinje-portfolio/1",
             "organisations":[{"key":"new-org","name":"Ny","kind":"provider"}],
             "investments":[{"key":"dialog-mod-vold","fund":"aarhus","name":"Ændret navn"},
                            {"key":"new-one","fund":"aarhus","name":"Ny","parties":[{"organisation":"ghost","role":"provider"}]}]}
            """;
        var e = await Assert.ThrowsAsync<Refused>(() =>
            Factory.WithAsync(db => new PortfolioImporter(db).ImportAsync(json)));
        Assert.Equal(["$.investments[1].parties[0].organisation: ukendt organisation 'ghost'."], e.DaProblems());
        Assert.Equal(before, Factory.With(db => (db.Investments.Count(), db.Organisations.Count(), db.AuditEntries.Count())));
        Assert.Equal("Dialog mod Vold", Factory.With(db => db.Investments.Single(i => i.Key == "dialog-mod-vold").Name));
    }

    [Fact]
    public async Task Export_then_import_round_trips_the_portfolio()
    {
        var exported = await Factory.WithAsync(db => new PortfolioExporter(db).ExportAsync("aarhus"));
        var json = PortfolioJson.Write(exported);
        var demo = PortfolioJson.Read(PortfolioJson.ReadDemo());
        demo.About = null;
        Assert.Equal(PortfolioJson.Write(demo), json);
        await Factory.WithAsync(db => new PortfolioImporter(db).ImportAsync(json));
        Assert.Equal(json, PortfolioJson.Write(await Factory.WithAsync(db => new PortfolioExporter(db).ExportAsync("aarhus"))));
    }

    [Fact]
    public async Task The_database_refuses_to_change_the_audit_log()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => Factory.WithAsync(db =>
            db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"User\" = 'someone else'")));
        await Assert.ThrowsAnyAsync<Exception>(() => Factory.WithAsync(db =>
            db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\"")));
    }

    [Fact]
    public async Task The_demo_ledger_reproduces_the_2024_reports_accounts_totals()
    {
        var entries = await Factory.WithAsync(db => db.LedgerPostings.AsNoTracking().Include(p => p.Investment)
            .Where(p => p.Fund!.Key == "aarhus").ToListAsync());
        var table = EconomicsTable.Build(entries.Select(p => p.ToEntry()).ToList(), new(LastActualYear: 2024, LaterFrom: 2029));
        Assert.Equal([322m, 3_725m, 12_885m, 14_804m, 564m], table.Total.Take(5).Select(t => decimal.Round(t / 1000m, 0)));
        Assert.Equal(23_068_000m, table.Balance[2]);
    }

    [Fact]
    public async Task The_economics_csv_has_the_councils_rows_and_reconciles_against_the_2024_report()
    {
        var report = await Factory.WithAsync(db => new FundEconomics(db, TimeProvider.System).BuildAsync("aarhus"));
        var lines = report.ToCsv().Split('\n');
        Assert.Equal("1.000 DKK,R 2020,R 2021,R 2022,R 2023,R 2024,B 2025,B 2026,B 2027,B 2028,Efterfølgende år i alt", lines[0]);
        Assert.Contains("UngiFokus,0,900,3600,3600,3600,2700,0,0,0,0", lines);
        Assert.Contains("'- Resultatbetaling,0,0,0,-700,-1665,-1361,-1390,-1680,-1970,-4028", lines);
        Assert.StartsWith("I alt,322,3725,12885,14804,564,", lines.Single(l => l.StartsWith("I alt")));
        Assert.StartsWith("Restbeløb i Fonden ult. året (80% effekt),39678,35953,23068,", lines.Single(l => l.StartsWith("Restbeløb")));

        var differences = Reconciliation.Compare(report.Table!,
            [new("I alt", "R 2021", 3724), new("I alt", "R 2022", 12844), new("UngiFokus", "R 2022", 3600)]);
        Assert.Equal(("I alt", "R 2022", 12844m, 12885m), Assert.Single(differences) is var d ? (d.Row, d.Column, d.Published, d.Computed)
            : default);
    }

    [Fact]
    public async Task Reconciling_the_published_2024_totals_lists_what_differs_and_nothing_that_agrees()
    {
        var csv = await File.ReadAllTextAsync(
            Path.Combine(Web.TranslationTests.RepositoryRoot(), "src", "Bundlinje", "Fund", "aarhus-published-2024.csv"),
                TestContext.Current.CancellationToken);
        var report = await Factory.WithAsync(db => new FundEconomics(db, TimeProvider.System).BuildAsync("aarhus"));
        var differences = Reconciliation.Compare(report.Table!, PublishedTable.ReadCsv(csv));
        var accountsYears = differences.Where(d => d.Column.StartsWith("R ")).Select(d => (d.Row[..5], d.Column, d.Published, d.Computed));
        Assert.Equal([("I alt", "R 2022", 12844m, 12885m), ("Restb", "R 2022", 23148m, 23068m),
                      ("Restb", "R 2023", 8345m, 8264m), ("Restb", "R 2024", 7781m, 7700m)], accountsYears);
    }

    [Fact]
    public async Task The_ledger_is_append_only()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => Factory.WithAsync(async db =>
        {
            // The properties are init-only (the compiler refuses posting.Amount += 1); a change made behind their back, through
            // the change tracker, is still refused when saved.
            var posting = await db.LedgerPostings.FirstAsync();
            db.Entry(posting).Property(p => p.Amount).CurrentValue += 1m;
            return await db.SaveChangesAsync();
        }));
        Assert.Contains("append-only", e.Message);
        await Assert.ThrowsAnyAsync<Exception>(() => Factory.WithAsync(db =>
            db.Database.ExecuteSqlRawAsync("DELETE FROM \"LedgerPostings\"")));
    }

    [Fact]
    public async Task A_ledger_file_with_bad_rows_is_rejected_whole()
    {
        var before = Factory.With(db => db.LedgerPostings.Count());
        const string json = """
            {"format":"bundlinje-ledger/1","fund":"aarhus","entries":[
              {"fiscalYear":2025,"kind":"disbursement","basis":"budget","amount":100,"investment":"ungifokus"},
              {"fiscalYear":2025,"kind":"disbursement","basis":"budget","amount":100,"investment":"ghost"},
              {"fiscalYear":2025,"kind":"runningCost","basis":"budget","amount":100}]}
            """;
        var e = await Assert.ThrowsAsync<Refused>(() =>
            Factory.WithAsync(db => new LedgerImporter(db, new FixedUser("test"), TimeProvider.System).ImportAsync(json)));
        Assert.Equal(["$.entries[1].investment: ukendt investering 'ghost' i fonden.",
            "$.entries[2].category: en driftsudgift skal have en kategori."], e.DaProblems());
        Assert.Equal(before, Factory.With(db => db.LedgerPostings.Count()));
    }

    [Fact]
    public async Task Corrections_are_reversing_postings_and_a_closed_year_is_refused()
    {
        Ledger LedgerOf(Data.BundlinjeDb db) => new(db, new FixedUser("bogholder@aarhus.dk"), TimeProvider.System);
        var line = new LedgerLine
        {
            FiscalYear = 2025, Kind = LedgerKind.RunningCost, Basis = LedgerBasis.Actual, Amount = 12_345m,
            Category = "Øvrig drift af Rådet"
        };
        var posted = await Factory.WithAsync(db => LedgerOf(db).PostAsync("aarhus", line));
        var reversal = await Factory.WithAsync(db => LedgerOf(db).ReverseAsync(posted.Id, "Forkert beløb"));
        Assert.Equal(-12_345m, reversal.Amount);
        Assert.Equal(posted.Id, reversal.Reverses);
        Assert.Equal(0m, Factory.With(db => db.LedgerPostings.Where(p => p.FiscalYear == 2025 && p.Basis == LedgerBasis.Actual)
            .Select(p => p.Amount).ToList().Sum()));
        var twice = await Assert.ThrowsAsync<Refused>(() => Factory.WithAsync(db => LedgerOf(db).ReverseAsync(posted.Id, "igen")));
        Assert.Contains("allerede tilbageført", twice.Da());

        await Factory.WithAsync(async db => { await LedgerOf(db).CloseYearAsync("aarhus", 2025); return 0; });
        var closed = await Assert.ThrowsAsync<Refused>(() => Factory.WithAsync(db =>
            LedgerOf(db).PostAsync("aarhus",
                new LedgerLine
                {
                    FiscalYear = 2025, Kind = LedgerKind.RunningCost, Basis = LedgerBasis.Actual, Amount = 1m,
                    Category = "x"
                })));
        Assert.StartsWith("Regnskabsåret 2025 blev lukket af bogholder@aarhus.dk", closed.Da());
        var year2024 = Factory.With(db => db.LedgerPostings.First(p => p.FiscalYear == 2024 && p.Basis == LedgerBasis.Actual).Id);
        await Assert.ThrowsAsync<Refused>(() => Factory.WithAsync(db => LedgerOf(db).ReverseAsync(year2024, "for sent")));

        var audit = Factory.With(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "LedgerPosting" && a.EntityId == posted.Id && a.Field == "Amount").ToList());
        Assert.Equal("12345", Assert.Single(audit).NewValue); // the audit log holds the posting; PostedBy names the poster
        Assert.Equal("bogholder@aarhus.dk", posted.PostedBy);
    }

    private static async Task<FormUrlEncodedContent> EditFormAsync(HttpClient client, string statusNote, int version)
    {
        var token = await Login.TokenAsync(client, "/Investments/ungifokus/Edit");
        return new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = "UngiFokus", ["Input.Status"] = "Active", ["Input.StatusNote"] = statusNote,
            ["Input.AgreedOn"] = "2021-06-01", ["Input.Version"] = version.ToString(), ["__RequestVerificationToken"] = token,
        });
    }
}

public sealed class SqlitePortfolioWebTests : PortfolioWebTests
{
    protected override Task<BundlinjeFactory?> CreateFactoryAsync() => Task.FromResult<BundlinjeFactory?>(BundlinjeFactory.Sqlite());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresPortfolioWebTests(PostgresCluster cluster) : PortfolioWebTests
{
    protected override async Task<BundlinjeFactory?> CreateFactoryAsync()
    {
        if (cluster.Unavailable is { } reason) { Requirement.Missing(reason); return null; }
        return BundlinjeFactory.Postgres(await cluster.CreateDatabaseAsync());
    }
}
