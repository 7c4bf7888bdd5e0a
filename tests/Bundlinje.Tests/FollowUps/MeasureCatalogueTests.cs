using System.Net;
using System.Text;
using Bundlinje.FollowUps;
using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Tests.FollowUps;

/// <summary>The fund's measure catalogue and currency over HTTP and the `bundlinje` command, on each database: the
/// secretariat edits it, others are refused, codes are unique per fund, codes in use stay, imports check it, runs and
/// exports print the currency and the catalogue's units.</summary>
public abstract class MeasureCatalogueTests : IAsyncLifetime
{
    protected BundlinjeFactory Factory { get; private set; } = null!;
    private readonly string folder = Directory.CreateTempSubdirectory("bundlinje-measures-").FullName;
    protected abstract Task<BundlinjeFactory?> CreateFactoryAsync();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Page = "/Funds/aarhus/Measures";

    public async ValueTask InitializeAsync()
    {
        Factory = (await CreateFactoryAsync())!;
        if (Factory is not null) _ = Factory.Services;
    }

    public async ValueTask DisposeAsync()
    {
        if (Factory is not null) await Factory.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    private static Dictionary<string, string> Measure(string code, string nameDa = "Dage i varetægt", string unit = "Days",
        int decimals = 1) => new()
        {
            ["Input.Code"] = code, ["Input.NameDa"] = nameDa, ["Input.NameEn"] = "Days in custody", ["Input.Unit"] = unit,
            ["Input.ValueType"] = "Decimal", ["Input.Decimals"] = decimals.ToString(), ["Input.Source"] = "Register",
        };

    private static async Task<(HttpStatusCode Status, string Html)> PostAsync(HttpClient client, string url,
        Dictionary<string, string> form, string? tokenPage = null)
    {
        var fields = new Dictionary<string, string>(
            form)
        { ["__RequestVerificationToken"] = await Login.TokenAsync(client, tokenPage ?? "/Portfolio") };
        var response = await client.PostAsync(url, new FormUrlEncodedContent(fields), Ct);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
    }

    private Measure? Stored(string code, string fund = "aarhus") =>
        Factory.With(db => db.Measures.AsNoTracking().SingleOrDefault(m => m.Fund!.Key == fund && m.Code == code));

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task The_secretariat_adds_edits_and_deletes_a_measure_and_each_change_is_audited()
    {
        if (Factory is null) return;
        var client = await Login.AsAsync(Factory, Login.Email(Roles.Secretariat));
        var list = await client.GetStringAsync(Page, Ct);
        Assert.Contains("<code>reconvictions</code>", list); // the seed, given to the demo fund when it was created
        Assert.Contains($"action=\"{Page}?handler=Delete\"", list);
        Assert.Contains($"<form method=\"post\" novalidate action=\"{Page}\"", list);

        var (status, html) = await PostAsync(client, Page, Measure("days-in-custody"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Målet 'days-in-custody' er tilføjet.", html);
        var added = Stored("days-in-custody")!;
        Assert.Equal((MeasureUnit.Days, 1, MeasureSource.Register), (added.Unit, added.Decimals, added.Source));

        var form = await client.GetStringAsync($"{Page}?id={added.Id}", Ct);
        Assert.Contains("value=\"Dage i varetægt\"", form);
        Assert.Contains($"action=\"{Page}?handler=Edit\"", form);
        (_, html) = await PostAsync(client, $"{Page}?handler=Edit",
            new(Measure("custody-days", "Dage i fængsel", "Days", 2))
            {
                ["MeasureId"] = added.Id.ToString(),
                ["Version"] = added.Version.ToString()
            });
        Assert.Contains("Målet 'custody-days' er gemt.", html);
        Assert.Null(Stored("days-in-custody"));
        Assert.Equal(("Dage i fængsel", 2), (Stored("custody-days")!.NameDa, Stored("custody-days")!.Decimals));

        // A form opened before that save is stale: nothing is overwritten.
        (_, html) = await PostAsync(client, $"{Page}?handler=Edit",
            new(Measure("custody-days", "Forældet")) { ["MeasureId"] = added.Id.ToString(), ["Version"] = added.Version.ToString() });
        Assert.Contains("Målet er ændret af en anden", html);
        Assert.Equal("Dage i fængsel", Stored("custody-days")!.NameDa);

        (_, html) = await PostAsync(client, $"{Page}?handler=Delete", new() { ["MeasureId"] = added.Id.ToString() });
        Assert.Contains("Målet 'custody-days' er slettet.", html);
        Assert.Null(Stored("custody-days"));

        var audit = Factory.With(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Measure) && a.EntityId == added.Id)
            .Select(a => new { a.Action, a.User, a.Field, a.NewValue }).ToList());
        Assert.Contains(audit, a => a.Action == Bundlinje.Common.AuditAction.Created);
        Assert.Contains(audit, a => a.Action == Bundlinje.Common.AuditAction.Changed && a.Field == "Code" && a.NewValue == "custody-days");
        Assert.Contains(audit, a => a.Action == Bundlinje.Common.AuditAction.Deleted);
        Assert.All(audit, a => Assert.Equal(Login.Email(Roles.Secretariat), a.User));
        // the fund's log shows its catalogue's changes
        var fundLog = WebUtility.HtmlDecode(await client.GetStringAsync($"/Audit/Fund/{added.FundId}", Ct));
        Assert.Contains($"Measure #{added.Id}", fundLog);
        Assert.Contains("custody-days", fundLog);
    }

    [Fact]
    public async Task A_council_member_reads_the_catalogue_but_cannot_change_it_and_bad_input_is_refused_with_a_danish_message()
    {
        if (Factory is null) return;
        var council = await Login.AsAsync(Factory, Login.Email(Roles.CouncilMember));
        var page = await council.GetStringAsync(Page, Ct);
        Assert.Contains("<code>reconvictions</code>", page);
        Assert.DoesNotContain("handler=Delete", page);
        var reconvictions = Stored("reconvictions")!;
        var (status, _) = await PostAsync(council, Page, Measure("days-in-custody"));
        Assert.True(status is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{status}");
        (status, _) = await PostAsync(council, $"{Page}?handler=Delete", new() { ["MeasureId"] = reconvictions.Id.ToString() });
        Assert.True(status is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{status}");
        Assert.Null(Stored("days-in-custody"));
        Assert.NotNull(Stored("reconvictions"));

        var secretariat = await Login.AsAsync(Factory, Login.Email(Roles.Secretariat));
        var (_, html) = await PostAsync(secretariat, Page, Measure("Dage I Varetægt"));
        Assert.Contains("Kode: små bogstaver, tal og bindestreg, højst 60 tegn", html);
        (_, html) = await PostAsync(secretariat, Page, Measure("days-in-custody", decimals: 9));
        Assert.Contains("Decimaler: 0–6.", html);
        Assert.Null(Stored("days-in-custody"));
    }

    [Fact]
    public async Task A_code_used_by_a_payment_model_or_by_register_data_cannot_be_deleted_or_renamed_but_its_name_can_change()
    {
        if (Factory is null) return;
        await Factory.WithAsync(db => Bundlinje.Payments.PaymentModelFile.StoreAsync(db, """
            { "format": "bundlinje-payment-model/1", "model": { "investment": "dialog-mod-vold", "agreementVersion": 1, "metrics": [
              { "key": "domme", "name": "Nye domme mod kontrolgruppe", "kind": "treatmentVsControl", "measure": "reconvictions",
                "payers": [ { "payer": "SFB", "share": 1 } ], "share": 0.5 } ] } }
            """));
        var (exit, _, error) =
            await Factory.CliAsync("register", "import",
                Write("krisecenter.csv", "cpr,measure,from,to,value,unit\n0101951234,womens-shelter,2024-01-01,2024-01-31,3,dage\n"));
        Assert.True(exit == 0, error);

        var client = await Login.AsAsync(Factory, Login.Email(Roles.Secretariat));
        var reconvictions = Stored("reconvictions")!;
        var (_, html) = await PostAsync(client, $"{Page}?handler=Delete", new() { ["MeasureId"] = reconvictions.Id.ToString() });
        Assert.Contains("Målet 'reconvictions' kan ikke slettes: det bruges af betalingsmodellen for 'dialog-mod-vold'.", html);
        (_, html) = await PostAsync(client, $"{Page}?handler=Edit",
            new(Measure("new-convictions", "Nye domme", "Events", 2))
            {
                ["MeasureId"] = reconvictions.Id.ToString(),
                ["Version"] = reconvictions.Version.ToString()
            });
        Assert.Contains("Koden 'reconvictions' kan ikke ændres: det bruges af betalingsmodellen for 'dialog-mod-vold'.", html);
        Assert.Equal("Antal nye domme", Stored("reconvictions")!.NameDa);

        var shelter = Stored("womens-shelter")!;
        (_, html) = await PostAsync(client, $"{Page}?handler=Delete", new() { ["MeasureId"] = shelter.Id.ToString() });
        Assert.Contains("Målet 'womens-shelter' kan ikke slettes: registerdata har 1 observationer af det.", html);
        Assert.NotNull(Stored("womens-shelter"));

        (_, html) = await PostAsync(client, $"{Page}?handler=Edit",
            new(Measure("reconvictions", "Domme (antal)", "Events", 2))
            {
                ["MeasureId"] = reconvictions.Id.ToString(),
                ["Version"] = reconvictions.Version.ToString()
            });
        Assert.Contains("Målet 'reconvictions' er gemt.", html);
        Assert.Equal(("Domme (antal)", 2), (Stored("reconvictions")!.NameDa, Stored("reconvictions")!.Decimals));
    }

    [Fact]
    public async Task Two_secretaries_adding_the_same_code_at_once_store_one_and_the_other_gets_a_message()
    {
        if (Factory is null) return;
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Login.AsAsync(Factory, Login.Email(Roles.Secretariat))));
        var forms = await Task.WhenAll(
            clients.Select(async c =>
                new Dictionary<string, string>(
                    Measure("days-in-custody"))
                { ["__RequestVerificationToken"] = await Login.TokenAsync(c, Page) }));
        var responses = await Task.WhenAll(clients.Select((c, i) => c.PostAsync(Page, new FormUrlEncodedContent(forms[i]), Ct)));
        var pages = await Task.WhenAll(responses.Select(async r => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync(Ct))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(pages, p => p.Contains("Målet 'days-in-custody' er tilføjet."));
        Assert.Equal(3, pages.Count(p => p.Contains("Koden 'days-in-custody' findes allerede i fondens målkatalog.")));
        Assert.Equal(1, Factory.With(db => db.Measures.Count(m => m.Code == "days-in-custody")));

        // The database decides a race the check before the save did not see: a second row with the code is refused by the unique index.
        var fundId = Stored("days-in-custody")!.FundId;
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => Factory.WithAsync(db =>
        {
            db.Measures.Add(new Measure { FundId = fundId, Code = "days-in-custody", NameDa = "Kopi", NameEn = "Copy" });
            return db.SaveChangesAsync();
        }));
        Assert.True(Bundlinje.Common.StoreConflict.IsUniqueViolation(refused));
    }

    [Fact]
    public async Task A_new_fund_starts_with_the_seed_catalogue_in_its_currency_and_a_bad_currency_is_refused()
    {
        if (Factory is null) return;
        var client = await Login.AsAsync(Factory, Login.Email(Roles.Secretariat));
        var form = new Dictionary<string, string>
        {
            ["NewKey"] = "nordfonden", ["Name"] = "Nordfonden", ["HorizonYears"] = "10",
            ["BudgetEffectPercent"] = "80", ["Currency"] = "euro"
        };
        var (status, html) = await PostAsync(client, "/Funds/Edit", form, "/Funds/Edit");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Valuta: 'EURO' er ikke en valutakode (tre store bogstaver efter ISO 4217, fx DKK, EUR, SEK).", html);
        Assert.Equal(0, Factory.With(db => db.Funds.Count(f => f.Key == "nordfonden")));

        form["Currency"] = "eur";
        (status, _) = await PostAsync(client, "/Funds/Edit", form, "/Funds/Edit");
        Assert.Equal(HttpStatusCode.Redirect, status);
        var fund = Factory.With(db => db.Funds.AsNoTracking().Single(f => f.Key == "nordfonden"));
        Assert.Equal("EUR", fund.Currency);
        Assert.Equal(Measures.Seed.Select(s => s.Code).Order(),
            Factory.With(db => db.Measures.Where(m => m.FundId == fund.Id).Select(m => m.Code).ToList()).Order());
        // the migration's default for existing funds
        Assert.Equal("DKK", Factory.With(db => db.Funds.Single(f => f.Key == "aarhus").Currency));

        var (exit, csv, error) = await Factory.CliAsync("fund", "economics", "--fund", "nordfonden", "--format", "csv");
        Assert.True(exit == 0, error);
        Assert.StartsWith("1.000 EUR", csv);
        var (_, aarhus, _) = await Factory.CliAsync("fund", "economics", "--fund", "aarhus", "--format", "json");
        Assert.Contains("\"currency\": \"DKK\"", aarhus);
    }

    [Fact]
    public async Task Register_and_payment_model_imports_refuse_codes_outside_the_fund_catalogue_and_list_the_known_codes()
    {
        if (Factory is null) return;
        const string followUp = "/Investments/dialog-mod-vold/FollowUp";
        var client = await Login.AsAsync(Factory, Login.Email(Roles.Secretariat));
        async Task<string> UploadAsync()
        {
            using var content = new MultipartFormDataContent
            {
                { new StringContent(await Login.TokenAsync(client, followUp)), "__RequestVerificationToken" },
                { new ByteArrayContent(
                    Encoding.UTF8.GetBytes(
                        "cpr,measure,from,to,value,unit\n0101951234,womens-shelter,2024-01-01,2024-01-31,3,dage\n0202951234,days-in-custo" +
                            "dy,2024-01-01,2024-01-31,4,dage\n")), "Upload", "udtraek.csv" },
            };
            return WebUtility.HtmlDecode(await (await client.PostAsync($"{followUp}/Register", content, Ct)).Content.ReadAsStringAsync(Ct));
        }
        var model = new Dictionary<string, string>
        {
            ["ModelJson"] = """
                { "format": "bundlinje-payment-model/1", "model": { "investment": "dialog-mod-vold", "agreementVersion": 1, "metrics": [
                  { "key": "domme", "name": "Nye domme", "kind": "treatmentVsControl", "measure": "reconvictions", "payers": [ { "payer": "SFB", "share": 1 } ], "share": 0.5 },
                  { "key": "varetaegt", "name": "Dage i varetægt", "kind": "treatmentVsControl", "measure": "days-in-custody", "payers": [ { "payer": "SFB", "share": 1 } ], "share": 0.5 } ] } }
                """,
        };

        var models = Factory.With(db => db.PaymentModels.Count());
        var html = await UploadAsync();
        Assert.Contains("Linje 3, measure: 'days-in-custody' er ikke et mål i fondens målkatalog (kendte mål: 'action-plan-progress', " +
            "'benefit-cost', 'camp-mentor',", html);
        Assert.Contains("'reconvictions', 'shelter-days', 'su-education', 'transfer-income', 'violence-ceased', 'womens-shelter', " +
            "'youth-education').", html);
        (_, html) = await PostAsync(client, $"{followUp}/Model", model, followUp);
        Assert.Contains("Betalingsmodellen er afvist (1 fejl):", html);
        Assert.Contains("$.model.metrics[1].measure: 'days-in-custody' er ikke et mål i fondens målkatalog (kendte mål: " +
            "'action-plan-progress',", html);
        Assert.Equal(models, Factory.With(db => db.PaymentModels.Count()));

        // Once the fund's secretariat adds the code, the same files are accepted.
        await PostAsync(client, Page, Measure("days-in-custody"));
        Assert.Contains("Registerdata: 2 observationer indlæst.", await UploadAsync());
        (_, html) = await PostAsync(client, $"{followUp}/Model", model, followUp);
        Assert.Contains("Betalingsmodellen er gemt (2 effektmål).", html);

        // The command line checks the investment's fund's catalogue too.
        var (exit, _, error) =
            await Factory.CliAsync("register", "import", "--investment", "ungifokus",
                Write("ukendt.csv", "cpr,measure,from,to,value,unit\n0101951234,no-such-measure,2024-01-01,2024-01-31,1,x\n"));
        Assert.Equal(1, exit);
        Assert.Contains("Linje 2, measure: 'no-such-measure' er ikke et mål i fondens målkatalog (kendte mål: 'action-plan-progress'",
            error);
    }

    [Fact]
    public async Task A_run_prints_the_fund_currency_in_its_page_json_and_csv_and_explains_in_the_catalogue_units()
    {
        if (Factory is null) return;
        string[] treated = ["0101951234", "0202951234", "0303951234", "0404951234"], controls =
            ["0505951234", "0606951234", "0707951234", "0808951234"];
        var participants = new StringBuilder("cpr,cohort,group,enrolled\n");
        foreach (var cpr in treated) participants.Append($"{cpr},2023,treatment,2023-01-01\n");
        foreach (var cpr in controls) participants.Append($"{cpr},2023,control,2023-01-01\n");
        Assert.Equal(0, (await Factory.CliAsync("participants", "import", "--investment", "ungifokus",
            Write("deltagere.csv", participants.ToString()))).Exit);
        // One new conviction for one treated person and three controls: 0,25 and 0,75 per person.
        var register = new StringBuilder("cpr,measure,from,to,value,unit\n");
        foreach (var cpr in new[] { treated[0], controls[0], controls[1], controls[2] }) register.Append(
            $"{cpr},reconvictions,2023-03-01,2023-03-01,1,domme\n");
        Assert.Equal(0, (await Factory.CliAsync("register", "import", "--investment", "ungifokus",
            Write("domme.csv", register.ToString()))).Exit);
        Assert.Equal(0, (await Factory.CliAsync("payments", "model", "import", Write("model.json", """
            { "format": "bundlinje-payment-model/1", "model": { "investment": "ungifokus", "agreementVersion": 1, "metrics": [
              { "key": "domme", "name": "Nye domme mod kontrolgruppe", "kind": "treatmentVsControl", "measure": "reconvictions",
                "payers": [ { "payer": "SFB", "share": 1 } ], "fromMonth": 0, "toMonth": 12, "share": 0.5 } ] } }
            """))).Exit);
        // This fund shows convictions with one decimal, and keeps its books in euro.
        await Factory.WithAsync(async db =>
        {
            (await db.Measures.SingleAsync(m => m.Fund!.Key == "aarhus" && m.Code == "reconvictions")).Decimals = 1;
            (await db.Funds.SingleAsync(f => f.Key == "aarhus")).Currency = "EUR";
            return await db.SaveChangesAsync();
        });

        var (exit, json, error) =
            await Factory.CliAsync("followup", "run", "--investment", "ungifokus", "--as-of", "2024-01-31", "--format", "json");
        Assert.True(exit == 0, error);
        var run = Factory.With(db => db.FollowUpRuns.AsNoTracking().OrderBy(r => r.Id).Last());
        var result = RunResult.FromJson(run.ResultJson);
        Assert.Equal("EUR", result.Currency);
        Assert.Contains("\"currency\":\"EUR\"", run.ResultJson);
        var explanation = Assert.Single(result.Metrics).Explanation;
        Assert.Contains("0,8 hændelser", explanation); // 0,75 to one decimal, half away from zero
        Assert.Contains("0,3 hændelser", explanation);
        Assert.Contains("forskel 0,5 hændelser", explanation);
        Assert.DoesNotContain("kr.", explanation);

        var (_, csv, _) = await Factory.CliAsync("followup", "run", "--investment", "ungifokus", "--as-of", "2024-01-31", "--format",
            "csv");
        var lines = csv.Trim().Split('\n');
        Assert.EndsWith(",overpaid,currency", lines.First(l => l.StartsWith("metric,")));
        Assert.EndsWith(",EUR", lines.First(l => l.StartsWith("domme,")));

        var client = await Login.AsAsync(Factory, Login.Email(Roles.Secretariat));
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/Investments/ungifokus/FollowUp/Runs/{run.Id}", Ct));
        Assert.Contains("<dd id=\"currency\">Beløb i EUR</dd>", page);
    }
}

public sealed class SqliteMeasureCatalogueTests : MeasureCatalogueTests
{
    protected override Task<BundlinjeFactory?> CreateFactoryAsync() => Task.FromResult<BundlinjeFactory?>(BundlinjeFactory.Sqlite());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresMeasureCatalogueTests(PostgresCluster cluster) : MeasureCatalogueTests
{
    protected override async Task<BundlinjeFactory?> CreateFactoryAsync()
    {
        if (cluster.Unavailable is { } reason) { Requirement.Missing(reason); return null; }
        return BundlinjeFactory.Postgres(await cluster.CreateDatabaseAsync());
    }
}
