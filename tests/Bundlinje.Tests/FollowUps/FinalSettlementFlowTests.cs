using System.Net;
using System.Text;
using Bundlinje.FollowUps;
using Bundlinje.Fund;
using Bundlinje.Investments;
using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Tests.FollowUps;

/// <summary>
/// UngiFokus with two investors (RSI 60.000 kr., DSI 40.000 kr.), a donor (10.000 kr.) and two deficit guarantors
/// (Bikubenfonden 30.000 kr., then Lauritzen Fonden 50.000 kr.): a run entitled to 40.000 kr. is written down by the
/// donation to 30.000 kr. (paid 60/40 to RSI and DSI), a second run uses no donation again, and the final settlement —
/// through the `bundlinje` command and over HTTP, on each database — has the guarantors cover the 70.000 kr. shortfall
/// (30.000 + 40.000) and posts it once.
/// </summary>
public abstract class FinalSettlementFlowTests : IAsyncLifetime
{
    protected BundlinjeFactory Factory { get; private set; } = null!;
    private readonly string folder = Directory.CreateTempSubdirectory("bundlinje-settle-").FullName;
    protected abstract Task<BundlinjeFactory?> CreateFactoryAsync();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

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

    private async Task<string> Cli(params string[] args)
    {
        var (exit, output, error) = await Factory.CliAsync(args);
        Assert.True(exit == 0, $"bundlinje {string.Join(' ', args)} failed: {error}");
        return output;
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task A_donation_writes_the_claim_down_once_and_the_guarantors_cover_the_shortfall_posted_once()
    {
        if (Factory is null) return;
        await SetUpPartiesAsync();
        await ImportAndRunAsync();
        var first = await Factory.WithAsync(db => db.FollowUpRuns.AsNoTracking().SingleAsync());
        var result = RunResult.FromJson(first.ResultJson);
        Assert.Equal((10_000m, 30_000m), (result.Donation, result.Payable));
        Assert.Equal([("Den Sociale Investeringsfond (DSI)", 12_000m), ("Rådet for Sociale Investeringer", 18_000m)],
            result.ByInvestor.Select(i => (i.Investor, i.Amount)));
        await Cli("followup", "approve", "--run", first.Id.ToString(), "--decision", "Styregruppen 1");
        var beskaeftigelse = await Factory.WithAsync(db => db.PaymentObligations.SingleAsync(o => o.Payer == "Beskæftigelse"));
        await Cli("followup", "pay", "--obligation", beskaeftigelse.Id.ToString(), "--paid-on", "2025-03-01");

        // The same outcomes again: nothing payable, and the donation approved run 1 used is not used again.
        await Cli("followup", "run", "--investment", "ungifokus", "--as-of", "2024-01-31");
        var second = RunResult.FromJson(
            await Factory.WithAsync(db => db.FollowUpRuns.OrderByDescending(r => r.Id).Select(r => r.ResultJson).FirstAsync()));
        Assert.Equal((0m, 0m), (second.Donation, second.Payable));

        var statement = await Cli("followup", "settle", "--investment", "ungifokus", "--as-of", "2026-01-01");
        Assert.Contains("Den Sociale Investeringsfond (DSI)\t40.000,00 kr.\t12.000,00 kr.\t28.000,00 kr.\t0,00 kr.\t1,0000\t", statement);
        Assert.Contains("Rådet for Sociale Investeringer\t60.000,00 kr.\t18.000,00 kr.\t42.000,00 kr.\t0,00 kr.\t1,0000\t", statement);
        Assert.Contains("Underskudsgarant Bikubenfonden: garanti 30.000,00 kr., betaler 30.000,00 kr.; til Den Sociale Investeringsfond " +
            "(DSI) 28.000,00 kr.; til Rådet for Sociale Investeringer 2.000,00 kr.", statement);
        Assert.Contains("Underskudsgarant Lauritzen Fonden: garanti 45.000,00 kr., betaler 40.000,00 kr.; til Rådet for Sociale " +
            "Investeringer 40.000,00 kr.", statement);
        Assert.Contains("Donor Lind Foundation: donation 10.000,00 kr., heraf brugt til at nedskrive kravet 10.000,00 kr.", statement);
        Assert.Equal(0, await GuaranteePostingsAsync());

        var posted = await Cli("followup", "settle", "--investment", "ungifokus", "--as-of", "2026-01-01", "--post");
        Assert.Contains("settlement:ungifokus/guarantor:bikubenfonden", posted);
        var again = await Factory.CliAsync("followup", "settle", "--investment", "ungifokus", "--as-of", "2026-01-01", "--post");
        Assert.Equal(1, again.Exit);
        Assert.Contains("Slutopgørelsen for ungifokus er allerede bogført", again.Error);
        var postings = await Factory.WithAsync(db => db.LedgerPostings.AsNoTracking().Where(p => p.Kind == LedgerKind.GuaranteePayment)
            .OrderBy(p => p.Id).ToListAsync());
        Assert.Equal([("Bikubenfonden", 30_000m, "settlement:ungifokus/guarantor:bikubenfonden"),
            ("Lauritzen Fonden", 40_000m, "settlement:ungifokus/guarantor:lauritzen-fonden")],
            postings.Select(p => (p.Payer, p.Amount, p.SourceReference)));
        Assert.All(postings, p =>
            Assert.Equal((new DateOnly(2026, 1, 1), LedgerBasis.Actual, LedgerSource.FollowUp), (p.EntryDate, p.Basis, p.Source)));

        // Over HTTP: the secretariat sees the statement and what was posted; posting again is a message, not a second posting.
        var secretariat = await Login.AsAsync(Factory, Login.Email(Roles.Secretariat));
        const string page = "/Investments/ungifokus/FollowUp/Settlement?AsOf=2026-01-01";
        var html = await secretariat.GetStringAsync(page, Ct);
        Assert.Contains("70.000 kr.", html);
        Assert.Contains("id=\"posted\"", html);
        Assert.Contains("/Investments/ungifokus/FollowUp/Settlement",
            await secretariat.GetStringAsync("/Investments/ungifokus/FollowUp", Ct));
        var response = await secretariat.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["AsOf"] = "2026-01-01", ["__RequestVerificationToken"] = await Login.TokenAsync(secretariat, page),
        }), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Slutopgørelsen for ungifokus er allerede bogført",
            WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(2, await GuaranteePostingsAsync());

        // The council reads the follow-up page, but neither sees the button nor opens the settlement.
        var council = await Login.AsAsync(Factory, Login.Email(Roles.CouncilMember));
        Assert.DoesNotContain("/FollowUp/Settlement", await council.GetStringAsync("/Investments/ungifokus/FollowUp", Ct));
        var refused = await council.GetAsync(page, Ct);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/Account/AccessDenied", refused.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_guarantee_payment_is_posted_over_http_by_the_secretariat()
    {
        if (Factory is null) return;
        // Lær for Livet: RSI and DSI drew 8.700.000 kr. each, nothing came back yet; Lauritzen Fonden guarantees 4.000.000 kr.
        var secretariat = await Login.AsAsync(Factory, Login.Email(Roles.Secretariat));
        const string page = "/Investments/laer-for-livet/FollowUp/Settlement?AsOf=2025-12-31";
        var html = WebUtility.HtmlDecode(await secretariat.GetStringAsync(page, Ct));
        Assert.Contains("Garantierne dækker 4.000.000,00 kr. af investorernes underskud på 17.400.000,00 kr.; 13.400.000,00 kr. er " +
            "investorernes tab.", html);
        // A settlement dated in a closed fiscal year (the demo closed 2020–2024) is refused with the ledger's message; nothing is posted.
        var closed = await Factory.CliAsync("followup", "settle", "--investment", "laer-for-livet", "--as-of", "2024-06-30", "--post");
        Assert.Equal(1, closed.Exit);
        Assert.Contains("Regnskabsåret 2024 blev lukket", closed.Error);
        Assert.Equal(0, await GuaranteePostingsAsync());
        var response = await secretariat.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["AsOf"] = "2025-12-31", ["__RequestVerificationToken"] = await Login.TokenAsync(secretariat, page),
        }), Ct);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Garantibetalingen er bogført i fondens regnskab: Lauritzen Fonden 4.000.000 kr.", body);
        var posting = await Factory.WithAsync(db => db.LedgerPostings.AsNoTracking()
            .SingleAsync(p => p.Kind == LedgerKind.GuaranteePayment));
        Assert.Equal((4_000_000m, "settlement:laer-for-livet/guarantor:lauritzen-fonden", "laer-for-livet"),
            (posting.Amount, posting.SourceReference,
                await Factory.WithAsync(db => db.Investments.Where(i => i.Id == posting.InvestmentId).Select(i => i.Key).SingleAsync())));
        // A date before the capital was drawn is refused with the field named.
        var early = WebUtility.HtmlDecode(
            await secretariat.GetStringAsync("/Investments/laer-for-livet/FollowUp/Settlement?AsOf=2020-01-01", Ct));
        Assert.Contains("Opgørelsesdato: 01-01-2020 ligger før kapitalen blev trukket (01-05-2022).", early);
    }

    private Task<int> GuaranteePostingsAsync() =>
        Factory.WithAsync(db => db.LedgerPostings.CountAsync(p => p.Kind == LedgerKind.GuaranteePayment));

    private async Task SetUpPartiesAsync() => await Factory.WithAsync(async db =>
    {
        var investment = await db.Investments.Include(i => i.Parties).SingleAsync(i => i.Key == "ungifokus");
        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Key, o => o.Id);
        investment.Parties.Single(p => p.Role == PartyRole.Investor).Capital = 60_000m;
        investment.Parties.Add(new Party { OrganisationId = organisations["dsi"], Role = PartyRole.Investor, Capital = 40_000m });
        investment.Parties.Add(new Party { OrganisationId = organisations["lind-foundation"], Role = PartyRole.Donor, Donation = 10_000m });
        investment.Parties.Add(
            new Party { OrganisationId = organisations["bikubenfonden"], Role = PartyRole.DeficitGuarantor, Guarantee = 30_000m });
        await db.SaveChangesAsync();
        // The lower of 50.000 kr. and 45 % of the 100.000 kr. drawn: 45.000 kr.
        investment.Parties.Add(
            new Party
            {
                OrganisationId = organisations["lauritzen-fonden"], Role = PartyRole.DeficitGuarantor, Guarantee = 50_000m,
                GuaranteeShare = 0.45m
            });
        return await db.SaveChangesAsync();
    });

    /// <summary>Four treated and four controls; the treated used 40.000 kr. less transfer income each on average… in all 80.000 kr.
    /// less, at share 0,5: 40.000 kr., 60/40 between two payers (as in the exactly-once tests).</summary>
    private async Task ImportAndRunAsync()
    {
        string[] treated = ["0101951234", "0202951111", "0303951112", "0404951113"], controls =
            ["0505951114", "0606951115", "0707951116", "0808951117"];
        var participants = new StringBuilder("cpr,cohort,group,enrolled\n");
        foreach (var cpr in treated) participants.Append($"{cpr},2023,treatment,2023-01-01\n");
        foreach (var cpr in controls) participants.Append($"{cpr},2023,control,2023-01-01\n");
        var register = new StringBuilder("cpr,measure,from,to,value,unit\n");
        foreach (var (cpr, i) in treated.Select((c, i) => (c, i))) register.Append(
            $"{cpr},transfer-income,2023-0{i + 1}-01,2023-0{i + 1}-28,{80_000 + i * 6_000 + (i == 3 ? 2_000 : 0)},kr.\n");
        foreach (var (cpr, i) in controls.Select((c, i) => (c, i))) register.Append(
            $"{cpr},transfer-income,2023-0{i + 1}-01,2023-0{i + 1}-28,{100_000 + i * 6_000 + (i == 3 ? 2_000 : 0)},kr.\n");
        await Cli("participants", "import", "--investment", "ungifokus", Write("deltagere.csv", participants.ToString()));
        await Cli("register", "import", Write("udtraek.csv", register.ToString()));
        await Cli("payments", "model", "import", Write("model.json", """
            { "format": "bundlinje-payment-model/1", "model": { "investment": "ungifokus", "agreementVersion": 1, "metrics": [
              { "key": "overforsel", "name": "Overførselsindkomst mod kontrolgruppe", "kind": "treatmentVsControl", "measure": "transfer-income",
                "payers": [ { "payer": "Beskæftigelse", "share": 0.6 }, { "payer": "SFB", "share": 0.4 } ],
                "fromMonth": 0, "toMonth": 12, "share": 0.5 } ] } }
            """));
        await Cli("followup", "run", "--investment", "ungifokus", "--as-of", "2024-01-31");
    }
}

public sealed class SqliteFinalSettlementFlowTests : FinalSettlementFlowTests
{
    protected override Task<BundlinjeFactory?> CreateFactoryAsync() => Task.FromResult<BundlinjeFactory?>(BundlinjeFactory.Sqlite());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresFinalSettlementFlowTests(PostgresCluster cluster) : FinalSettlementFlowTests
{
    protected override async Task<BundlinjeFactory?> CreateFactoryAsync()
    {
        if (cluster.Unavailable is { } reason) { Requirement.Missing(reason); return null; }
        return BundlinjeFactory.Postgres(await cluster.CreateDatabaseAsync());
    }
}
