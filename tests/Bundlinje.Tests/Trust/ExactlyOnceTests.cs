using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Bundlinje.Fund;
using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Tests.Trust;

/// <summary>
/// Races through real HTTP on Kestrel: N sessions send the same money action at the same moment. The database's unique
/// indexes decide: exactly one effect, every other session gets a Danish refusal (a 200 page with the message, never a
/// 500 or "database is locked"), and for public proposals every one of N is stored with its own reference.
/// </summary>
public abstract class ExactlyOnceTests : TrustApp
{
    private const int N = 5;

    private async Task<List<HttpClient>> SecretariatSessionsAsync(int n) =>
        [.. await Task.WhenAll(Enumerable.Range(0, n).Select(_ => SignedInAsync(Roles.Secretariat)))];

    private void NoServerErrors(IEnumerable<(HttpStatusCode Status, string Body, Uri? Location)> responses) =>
        Assert.All(responses, r =>
        {
            var exception = Factory.Logs.LastOrDefault(l => l.Contains("Exception:"));
            Assert.True((int)r.Status < 500, $"{r.Status}: {exception?[..Math.Min(3000, exception.Length)]}");
            Assert.DoesNotContain("database is locked", r.Body);
        });

    [Fact]
    public async Task Simultaneous_reversals_of_one_posting_make_one_reversal_and_tell_the_others()
    {
        var posting = await Factory.WithAsync(async db => await db.LedgerPostings.AsNoTracking()
            .Where(p => p.Basis == LedgerBasis.Budget && p.Reverses == null).OrderBy(p => p.Id).FirstAsync());
        var sessions = await SecretariatSessionsAsync(N);
        var responses = await AllAtOnceAsync(sessions, "/Funds/aarhus/Ledger", "/Funds/aarhus/Ledger?handler=Reverse",
            (_, token) => Form(token, ("PostingId", posting.Id.ToString()), ("Reason", "Bogført to gange")));

        NoServerErrors(responses);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Single(responses, r => r.Body.Contains($"Postering {posting.Id} er tilbageført af postering"));
        Assert.Equal(N - 1, responses.Count(r => r.Body.Contains($"Posteringen {posting.Id} er allerede tilbageført")));
        Assert.Equal(1, await Factory.WithAsync(db => db.LedgerPostings.CountAsync(p => p.Reverses == posting.Id)));
    }

    [Fact]
    public async Task Simultaneous_approvals_make_one_approval_and_one_set_of_obligations_and_simultaneous_payments_one_posting()
    {
        var runId = await RunFollowUpAsync();
        var sessions = await SecretariatSessionsAsync(N);
        const string page = "/Investments/ungifokus/FollowUp";
        var approvals = await AllAtOnceAsync(sessions, page, $"{page}/Runs?handler=Approve",
            (i, token) => Form(token, ("RunId", runId.ToString()), ("Decision", $"Styregruppemøde, pkt. {i}")));

        NoServerErrors(approvals);
        Assert.All(approvals, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Single(approvals, r => r.Body.Contains($"Kørsel {runId} er godkendt"));
        Assert.Equal(N - 1, approvals.Count(r => r.Body.Contains($"Kørsel {runId} er allerede godkendt")));
        Assert.Equal(1, await Factory.WithAsync(db => db.FollowUpApprovals.CountAsync(a => a.RunId == runId)));
        var obligations = await Factory.WithAsync(db => db.PaymentObligations.AsNoTracking().Where(o => o.RunId == runId)
            .OrderBy(o => o.Payer).ToListAsync());
        Assert.Equal([("Beskæftigelse", 24_000m), ("SFB", 16_000m)], obligations.Select(o => (o.Payer, o.Amount)));

        var payments = await AllAtOnceAsync(sessions, page, $"{page}/Runs?handler=Pay",
            (_, token) => Form(token, ("ObligationId", obligations[0].Id.ToString()), ("PaidOn", "2025-03-01")));
        NoServerErrors(payments);
        Assert.All(payments, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Single(payments, r => r.Body.Contains("Betalingen er bogført i fondens regnskab"));
        Assert.Equal(N - 1, payments.Count(r => r.Body.Contains($"allerede betalt")));
        var postings = await Factory.WithAsync(db => db.LedgerPostings.AsNoTracking().Where(p => p.Source == LedgerSource.FollowUp)
            .ToListAsync());
        Assert.Equal((24_000m, $"run:{runId}/obligation:{obligations[0].Id}"),
            (Assert.Single(postings).Amount, postings[0].SourceReference));
        var paid = await Factory.WithAsync(db => db.PaymentObligations.AsNoTracking().SingleAsync(o => o.Id == obligations[0].Id));
        Assert.Equal((new DateOnly(2025, 3, 1), postings[0].Id), (paid.PaidOn, paid.LedgerPostingId));
    }

    [Fact]
    public async Task Simultaneous_final_settlements_post_the_guarantee_payment_once_and_tell_the_others()
    {
        // Lær for Livet: 17.400.000 kr. drawn, nothing back; Lauritzen Fonden's guarantee of 4.000.000 kr. is paid.
        var sessions = await SecretariatSessionsAsync(N);
        const string page = "/Investments/laer-for-livet/FollowUp/Settlement?AsOf=2025-12-31";
        var responses = await AllAtOnceAsync(sessions, page, page, (_, token) => Form(token, ("AsOf", "2025-12-31")));

        NoServerErrors(responses);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        var bodies = responses.Select(r => System.Net.WebUtility.HtmlDecode(r.Body)).ToList();
        Assert.Single(bodies, b => b.Contains("Garantibetalingen er bogført i fondens regnskab"));
        Assert.Equal(N - 1, bodies.Count(b => b.Contains("Slutopgørelsen for laer-for-livet er allerede bogført")));
        var postings = await Factory.WithAsync(db => db.LedgerPostings.AsNoTracking().Where(p => p.Kind == LedgerKind.GuaranteePayment)
            .ToListAsync());
        Assert.Equal((4_000_000m, "settlement:laer-for-livet/guarantor:lauritzen-fonden"),
            (Assert.Single(postings).Amount, postings[0].SourceReference));
    }

    [Fact]
    public async Task Simultaneous_public_proposals_are_all_stored_with_distinct_references()
    {
        var visitors = Enumerable.Range(0, N + 1).Select(_ => Anonymous()).ToList();
        var before = await Factory.WithAsync(db => db.Proposals.CountAsync());
        var responses = await AllAtOnceAsync(visitors, "/Proposals/New", "/Proposals/New", (i, token) => new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("Ngo"), "ProposerType" },
            { new StringContent($"Forening {i}"), "Proposer" }, { new StringContent($"kontakt{i}@example.dk"), "Contact" },
            { new StringContent($"Forslag nummer {i}"), "Title" }, { new StringContent("Unge falder fra."), "Problem" },
            { new StringContent("Unge 16-24 år"), "TargetGroup" }, { new StringContent("Mentorer"), "Intervention" },
        });

        NoServerErrors(responses);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.Status));
        var references = responses.Select(r => Uri.UnescapeDataString(r.Location!.OriginalString.Split("reference=")[1])).ToList();
        Assert.Equal(N + 1, references.Distinct().Count());
        var stored = await Factory.WithAsync(db => db.Proposals.AsNoTracking().Where(p => p.Title.StartsWith("Forslag nummer "))
            .ToListAsync());
        Assert.Equal(N + 1, stored.Count);
        Assert.Equal(references.Order(), stored.Select(p => p.Reference).Order());
        Assert.Equal(before + N + 1, await Factory.WithAsync(db => db.Proposals.CountAsync()));
    }

    [Fact]
    public async Task Of_two_runs_computed_against_the_same_approvals_approved_at_the_same_moment_only_one_is_approved()
    {
        var first = await RunFollowUpAsync();
        var (exit, _, error) = await Factory.CliAsync("followup", "run", "--investment", "ungifokus", "--as-of", "2024-01-31");
        Assert.True(exit == 0, error);
        var second = await Factory.WithAsync(db => db.FollowUpRuns.MaxAsync(r => r.Id));
        var sessions = await SecretariatSessionsAsync(N + 1);
        const string page = "/Investments/ungifokus/FollowUp";
        var approvals = await AllAtOnceAsync(sessions, page, $"{page}/Runs?handler=Approve",
            (i, token) => Form(token, ("RunId", (i % 2 == 0 ? first : second).ToString()), ("Decision", $"Styregruppemøde, pkt. {i}")));

        NoServerErrors(approvals);
        Assert.Single(approvals, r => r.Body.Contains("er godkendt; betalingsforpligtelserne er oprettet."));
        Assert.Equal(1, await Factory.WithAsync(db => db.FollowUpApprovals.CountAsync(a => a.RunId == first || a.RunId == second)));
        var paid = await Factory.WithAsync(db => db.PaymentObligations.AsNoTracking().Where(o => o.RunId == first || o.RunId == second)
            .Select(o => o.Amount).ToListAsync());
        Assert.Equal(40_000m, paid.Sum()); // the same outcomes are paid once, not twice
    }

    [Fact]
    public async Task Many_simultaneous_writers_all_get_through_without_database_is_locked()
    {
        const int writers = 10;
        var sessions = await SecretariatSessionsAsync(writers);
        var before = await Factory.WithAsync(db => db.LedgerPostings.CountAsync());
        var responses = await AllAtOnceAsync(sessions, "/Funds/aarhus/Ledger/Post", "/Funds/aarhus/Ledger/Post", (i, token) => Form(token,
            ("Line.Pot", "InvestmentFund"), ("Line.Kind", "RunningCost"), ("Line.Basis", "Actual"), ("Line.FiscalYear", "2025"),
            ("AmountText", $"{1000 + i},50"), ("Line.Category", "Øvrig drift af Rådet"), ("Line.Text", $"Samtidig skriver {i}")));

        NoServerErrors(responses);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.Status));
        Assert.Equal(before + writers, await Factory.WithAsync(db => db.LedgerPostings.CountAsync()));
    }

    /// <summary>Participants, register data and a payment model for UngiFokus through the `bundlinje` command, and one run
    /// (40.000 kr. payable, 60/40 between two payers).</summary>
    private async Task<int> RunFollowUpAsync()
    {
        var folder = Directory.CreateTempSubdirectory("bundlinje-race-").FullName;
        try
        {
            string Write(string name, string text) { var path = Path.Combine(folder, name); File.WriteAllText(path, text); return path; }
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
            foreach (var args in new[]
            {
                new[] { "participants", "import", "--investment", "ungifokus", Write("deltagere.csv", participants.ToString()) },
                ["register", "import", Write("udtraek.csv", register.ToString())],
                ["payments", "model", "import", Write("model.json", """
                    { "format": "bundlinje-payment-model/1", "model": { "investment": "ungifokus", "agreementVersion": 1, "metrics": [
                      { "key": "overforsel", "name": "Overførselsindkomst mod kontrolgruppe", "kind": "treatmentVsControl", "measure": "transfer-income",
                        "payers": [ { "payer": "Beskæftigelse", "share": 0.6 }, { "payer": "SFB", "share": 0.4 } ],
                        "fromMonth": 0, "toMonth": 12, "share": 0.5 } ] } }
                    """)],
                ["followup", "run", "--investment", "ungifokus", "--as-of", "2024-01-31"],
            })
            {
                var (exit, _, error) = await Factory.CliAsync(args);
                Assert.True(exit == 0, $"bundlinje {string.Join(' ', args)}: {error}");
            }
        }
        finally { Directory.Delete(folder, recursive: true); }
        return await Factory.WithAsync(db => db.FollowUpRuns.Select(r => r.Id).SingleAsync());
    }
}

public sealed class SqliteExactlyOnceTests : ExactlyOnceTests
{
    protected override Task<BundlinjeFactory?> CreateFactoryAsync() => Task.FromResult<BundlinjeFactory?>(BundlinjeFactory.Sqlite());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresExactlyOnceTests(PostgresCluster cluster) : ExactlyOnceTests
{
    protected override async Task<BundlinjeFactory?> CreateFactoryAsync()
    {
        if (cluster.Unavailable is { } reason) { Requirement.Missing(reason); return null; }
        return BundlinjeFactory.Postgres(await cluster.CreateDatabaseAsync());
    }
}
