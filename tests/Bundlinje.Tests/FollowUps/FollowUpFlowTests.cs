using System.Text;
using Bundlinje.FollowUps;
using Bundlinje.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Bundlinje.Tests.FollowUps;

/// <summary>Participants, register data, a payment model, runs, approval and payment, through the `bundlinje` command, on each
/// database.</summary>
public abstract class FollowUpFlowTests : IAsyncLifetime
{
    protected BundlinjeFactory Factory { get; private set; } = null!;
    private readonly string folder = Directory.CreateTempSubdirectory("bundlinje-followup-").FullName;
    protected abstract Task<BundlinjeFactory?> CreateFactoryAsync();
    protected virtual IEnumerable<string> StoredFiles() => [];
    protected virtual Task FlushAsync() => Task.CompletedTask;

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

    // Four young people in treatment and four in the randomised control group; CPRs of both shapes, one failing modulus 11.
    private static readonly string[] Treated = ["0101951234", "020295-1111", "0303951112", "0404951113"];
    private static readonly string[] Controls = ["0505951114", "0606951115", "0707951116", "0808951117"];

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private async Task<string> Cli(params string[] args)
    {
        var (exit, output, error) = await Factory.CliAsync(args);
        Assert.True(exit == 0, $"bundlinje {string.Join(' ', args)} failed: {error}");
        Output.Append(output).Append(error);
        return output;
    }

    private StringBuilder Output { get; } = new();

    [Fact]
    public async Task A_run_is_reproducible_approved_paid_into_the_ledger_and_no_cpr_is_stored_or_logged()
    {
        var participants = new StringBuilder("cpr,cohort,group,enrolled\n");
        foreach (var cpr in Treated) participants.Append($"{cpr},2023,treatment,2023-01-01\n");
        foreach (var cpr in Controls) participants.Append($"{cpr},2023,control,2023-01-01\n");
        Assert.Contains("Added 8",
            await Cli("participants", "import", "--investment", "ungifokus", Write("deltagere.csv", participants.ToString())));

        // Transfer income per quarter in 2023: treatment 90.000 kr. per person on average, control 110.000 kr.
        var register = new StringBuilder("cpr,measure,from,to,value,unit\n");
        foreach (var (cpr, i) in Treated.Select((c, i) => (c, i))) register.Append(
            $"{cpr},transfer-income,2023-0{i + 1}-01,2023-0{i + 1}-28,{80_000 + i * 6_000 + (i == 3 ? 2_000 : 0)},kr.\n");
        foreach (var (cpr, i) in Controls.Select((c, i) => (c, i))) register.Append(
            $"{cpr},transfer-income,2023-0{i + 1}-01,2023-0{i + 1}-28,{100_000 + i * 6_000 + (i == 3 ? 2_000 : 0)},kr.\n");
        Assert.Contains("Loaded 8", await Cli("register", "import", Write("udtraek.csv", register.ToString())));

        var models = Factory.With(db => db.PaymentModels.Count());
        var (refusedExit, _, refused) = await Factory.CliAsync("payments", "model", "import", Write("negativ.json", """
            { "format": "bundlinje-payment-model/1", "model": { "investment": "ungifokus", "agreementVersion": 1, "metrics": [
              { "key": "overforsel", "name": "Overførselsindkomst mod kontrolgruppe", "kind": "treatmentVsControl", "measure": "transfer-income",
                "price": 50000, "payers": [ { "payer": "Beskæftigelse", "share": 1.5 }, { "payer": "SFB", "share": -0.5 } ], "share": 0.5 } ] } }
            """));
        Assert.Equal(1, refusedExit);
        Assert.Contains("Betalingsmodellen er afvist (3 fejl): $.model.metrics[0].price: feltet bruges ikke af treatmentVsControl",
            refused);
        Assert.Contains("$.model.metrics[0].payers[1].share: skal ligge over 0 og højst være 1, ikke -0,5.", refused);
        Assert.Equal(models, Factory.With(db => db.PaymentModels.Count())); // nothing stored, no negative obligation possible

        await Cli("payments", "model", "import", Write("model.json", """
            { "format": "bundlinje-payment-model/1", "model": { "investment": "ungifokus", "agreementVersion": 1, "metrics": [
              { "key": "overforsel", "name": "Overførselsindkomst mod kontrolgruppe", "kind": "treatmentVsControl", "measure": "transfer-income",
                "payers": [ { "payer": "Beskæftigelse", "share": 0.6 }, { "payer": "SFB", "share": 0.4 } ],
                "fromMonth": 0, "toMonth": 12, "share": 0.5 } ] } }
            """));

        var exported = Path.Combine(folder, "exported.json");
        await Cli("payments", "model", "export", "--investment", "ungifokus", exported);
        Assert.Equal("overforsel", Bundlinje.Payments.PaymentModelFile.Read(File.ReadAllText(exported)).Metrics.Single().Key);

        var first = await Cli("followup", "run", "--investment", "ungifokus", "--as-of", "2024-01-31");
        var second = await Cli("followup", "run", "--investment", "ungifokus", "--as-of", "2024-01-31");
        var runs = Factory.With(db => db.FollowUpRuns.AsNoTracking().OrderBy(r => r.Id).ToList());
        Assert.Equal(2, runs.Count);
        Assert.Equal(runs[0].ResultHash, runs[1].ResultHash);
        Assert.Equal(40_000m, runs[0].Payable); // (110.000 − 90.000) × 4 treated × 50 %
        Assert.Contains("payable 40.000 kr.", first);

        await Cli("register", "import",
            Write("rettelse.csv", $"cpr,measure,from,to,value,unit\n{Controls[0]},transfer-income,2023-06-01,2023-06-30,4000,kr.\n"));
        await Cli("followup", "run", "--investment", "ungifokus", "--as-of", "2024-01-31");
        var changed = Factory.With(db => db.FollowUpRuns.AsNoTracking().OrderBy(r => r.Id).Last());
        Assert.NotEqual(runs[0].ResultHash, changed.ResultHash);
        Assert.NotEqual(runs[0].RegisterFingerprint, changed.RegisterFingerprint);
        Assert.Equal(42_000m, changed.Payable);

        await Cli("followup", "approve", "--run", changed.Id.ToString(), "--decision", "Styregruppemøde 2024-02-15, pkt. 3");
        var obligations = Factory.With(db => db.PaymentObligations.AsNoTracking().OrderBy(o => o.Payer).ToList());
        Assert.Equal([("Beskæftigelse", 25_200m), ("SFB", 16_800m)], obligations.Select(o => (o.Payer, o.Amount)));
        await Cli("followup", "pay", "--obligation", obligations[0].Id.ToString(), "--paid-on", "2025-03-01");
        var posting = Factory.With(db => db.LedgerPostings.AsNoTracking().Single(p => p.Source == Bundlinje.Fund.LedgerSource.FollowUp));
        Assert.Equal((25_200m, "Beskæftigelse", 2025, $"run:{changed.Id}/obligation:{obligations[0].Id}"),
            (posting.Amount, posting.Payer, posting.FiscalYear, posting.SourceReference));
        var (exit, _, error) =
            await Factory.CliAsync("followup", "pay", "--obligation", obligations[1].Id.ToString(), "--paid-on", "2024-06-01");
        Assert.Equal(1, exit);
        Assert.Contains("Regnskabsåret 2024 blev lukket", error); // the demo's 2024 accounts are closed: nothing is half-recorded
        Assert.Null(Factory.With(db => db.PaymentObligations.AsNoTracking().Single(o => o.Id == obligations[1].Id).PaidOn));

        await FlushAsync();
        var cprs = Treated.Concat(Controls).SelectMany(c => new[] { c.Replace("-", ""), c.Length == 10 ? c.Insert(6, "-") : c }).Distinct()
            .ToList();
        foreach (var file in StoredFiles().Append(Factory.RegisterStore).Where(File.Exists))
        {
            var bytes = File.ReadAllBytes(file);
            foreach (var cpr in cprs) Assert.True(bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(cpr)) < 0, $"{file} holds a CPR number");
        }
        foreach (var cpr in cprs) Assert.DoesNotContain(cpr, Output.ToString());
    }

    [Fact]
    public async Task A_run_after_an_approved_run_pays_only_the_new_outcomes_and_stays_reproducible()
    {
        var participants = new StringBuilder("cpr,cohort,group,enrolled\n");
        foreach (var cpr in Treated) participants.Append($"{cpr},2023,treatment,2023-01-01\n");
        await Cli("participants", "import", "--investment", "ungifokus", Write("deltagere.csv", participants.ToString()));
        await Cli("payments", "model", "import", Write("model.json", """
            { "format": "bundlinje-payment-model/1", "model": { "investment": "ungifokus", "agreementVersion": 1, "metrics": [
              { "key": "job", "name": "I beskæftigelse inden 12 måneder", "kind": "milestone", "measure": "employed", "threshold": 1,
                "price": 20000, "basis": "perParticipant", "payers": [ { "payer": "SFB", "share": 1 } ], "fromMonth": 0, "toMonth": 12 },
              { "key": "bolig", "name": "Højst 5 dage på forsorgshjem", "kind": "conditionInWindow", "measure": "shelter-days", "aggregate": "sum",
                "comparison": "atMost", "threshold": 5, "price": 10000, "basis": "perParticipant", "payers": [ { "payer": "SFB", "share": 1 } ], "fromMonth": 0, "toMonth": 6 } ] } }
            """));
        // Two of four young people employed in spring 2023; none in a shelter in the first half-year.
        await Cli("register", "import",
            Write("udtraek1.csv",
                $"cpr,measure,from,to,value,unit\n{Treated[0]},employed,2023-03-01,2023-03-31,1,\n{Treated[1]},employed,2023-04-01,2023-0" +
                    $"4-30,1,\n"));
        await Cli("followup", "run", "--investment", "ungifokus", "--as-of", "2024-01-31");
        var first = Factory.With(db => db.FollowUpRuns.AsNoTracking().OrderBy(r => r.Id).Last());
        Assert.Equal(80_000m, first.Payable); // job 2 × 20.000, bolig 4 × 10.000
        await Cli("followup", "approve", "--run", first.Id.ToString(), "--decision", "Styregruppemøde 2024-02-15, pkt. 3");

        // A later register delivery: a third young person was employed in September 2023. Only that outcome is payable.
        await Cli("register", "import",
            Write("udtraek2.csv", $"cpr,measure,from,to,value,unit\n{Treated[2]},employed,2023-09-01,2023-09-30,1,\n"));
        var output = await Cli("followup", "run", "--investment", "ungifokus", "--as-of", "2024-06-30");
        await Cli("followup", "run", "--investment", "ungifokus", "--as-of", "2024-06-30");
        var runs = Factory.With(db => db.FollowUpRuns.AsNoTracking().OrderBy(r => r.Id).ToList());
        var (second, again) = (runs[^2], runs[^1]);
        Assert.Contains("payable 20.000 kr.", output);
        Assert.Equal(20_000m, second.Payable);
        Assert.Equal(second.ResultHash, again.ResultHash); // same inputs, including the same approved runs: same result
        Assert.Equal([("job", 60_000m, 40_000m, 20_000m, 0m), ("bolig", 40_000m, 40_000m, 0m, 0m)],
            RunResult.FromJson(second.ResultJson).Metrics.Select(m => (m.Key, m.EntitledToDate, m.PaidBefore, m.PayableNow, m.Overpaid)));
        foreach (var field in new[] { "entitledToDate", "paidBefore", "payableNow", "overpaid" }) Assert.Contains($"\"{field}\":",
            second.ResultJson);
        Assert.Equal([first.Id], RunResult.FromJson(second.ResultJson).SettledAgainst);

        await Cli("followup", "approve", "--run", second.Id.ToString(), "--decision", "Styregruppemøde 2024-08-15, pkt. 2");
        // A run dated before an approved run would report the later outcomes as overpaid: refused.
        var backDated = await Factory.CliAsync("followup", "run", "--investment", "ungifokus", "--as-of", "2024-03-31");
        Assert.Equal(1, backDated.Exit);
        Assert.Contains($"Kørsel {second.Id} pr. 30-06-2024 er godkendt; en ny kørsel skal opgøres pr. samme eller en senere dato.",
            backDated.Error);

        // The repeated run was computed against run 1 only: approving it now would pay the third job again.
        var (exit, _, error) =
            await Factory.CliAsync("followup", "approve", "--run", again.Id.ToString(), "--decision", "Styregruppemøde 2024-08-15, pkt. 2");
        Assert.Equal(1, exit);
        Assert.Contains($"Kørsel {again.Id} er beregnet før kørsel {second.Id} blev godkendt", error);
        var obligations = Factory.With(db => db.PaymentObligations.AsNoTracking().OrderBy(o => o.RunId)
            .Select(o => new { o.RunId, o.Payer, o.Amount }).ToList());
        Assert.Equal([(first.Id, "SFB", 80_000m), (second.Id, "SFB", 20_000m)], obligations.Select(o => (o.RunId, o.Payer, o.Amount)));

        // A late shelter register delivery: the second young person spent 12 days in a shelter in February 2023. The housing
        // entitlement falls to 30.000 of the 40.000 paid: nothing payable, 10.000 overpaid for the steering group's decision.
        await Cli("register", "import",
            Write("forsinket.csv", $"cpr,measure,from,to,value,unit\n{Treated[1]},shelter-days,2023-02-01,2023-02-28,12,dage\n"));
        var corrected = await Cli("followup", "run", "--investment", "ungifokus", "--as-of", "2024-06-30");
        Assert.Contains("payable 0 kr., overpaid by approved runs 10.000 kr.", corrected);
        var third = Factory.With(db => db.FollowUpRuns.AsNoTracking().OrderBy(r => r.Id).Last());
        Assert.Equal((0m, 10_000m), (third.Payable, RunResult.FromJson(third.ResultJson).Overpaid));
        await Cli("followup", "approve", "--run", third.Id.ToString(), "--decision", "Styregruppemøde 2024-09-15, pkt. 1");
        Assert.Equal(0, Factory.With(db => db.PaymentObligations.Count(o => o.RunId == third.Id))); // never a negative obligation

        var client = await Login.AsAsync(Factory, Login.Email(Bundlinje.Security.Roles.Secretariat));
        var page = await client.GetStringAsync($"/Investments/ungifokus/FollowUp/Runs/{third.Id}", TestContext.Current.CancellationToken);
        Assert.Contains("Berettiget til dato", page);
        Assert.Contains("Betalt tidligere", page);
        Assert.Contains("Til betaling nu", page);
        Assert.Contains("id=\"overpayments\"", page);
        Assert.Contains("<td class=\"number\" id=\"overpaid\">10.000 kr.</td>", page);
    }

    [Fact]
    public async Task A_participant_corrected_away_is_shown_as_overpaid_while_another_participants_new_outcome_is_paid()
    {
        var participants = new StringBuilder("cpr,cohort,group,enrolled\n");
        foreach (var cpr in Treated) participants.Append($"{cpr},2023,treatment,2023-01-01\n");
        await Cli("participants", "import", "--investment", "ungifokus", Write("deltagere.csv", participants.ToString()));
        await Cli("payments", "model", "import", Write("model.json", """
            { "format": "bundlinje-payment-model/1", "model": { "investment": "ungifokus", "agreementVersion": 1, "metrics": [
              { "key": "bolig", "name": "Højst 5 dage på forsorgshjem", "kind": "conditionInWindow", "measure": "shelter-days", "aggregate": "sum",
                "comparison": "atMost", "threshold": 5, "price": 10000, "payers": [ { "payer": "SFB", "share": 1 } ], "fromMonth": 0, "toMonth": 6 } ] } }
            """));
        // The fourth young person spent 12 days in a shelter in March 2023; the other three met the condition.
        await Cli("register", "import",
            Write("udtraek1.csv", $"cpr,measure,from,to,value,unit\n{Treated[3]},shelter-days,2023-03-01,2023-03-31,12,dage\n"));
        await Cli("followup", "run", "--investment", "ungifokus", "--as-of", "2024-01-31");
        var first = Factory.With(db => db.FollowUpRuns.AsNoTracking().OrderBy(r => r.Id).Last());
        Assert.Equal(30_000m, first.Payable);
        await Cli("followup", "approve", "--run", first.Id.ToString(), "--decision", "Styregruppemøde 2024-02-15, pkt. 3");

        // A corrected delivery: the second young person spent 12 days in a shelter in February (loses the outcome), and the
        // fourth's March stay is reversed (a correction row of −12 days: gains it). The line is still entitled to 30.000 of the
        // 30.000 paid, but per participant the fourth is owed 10.000 and the second was paid 10.000 too much: not netted.
        await Cli("register", "import", Write("rettelse.csv",
            $"cpr,measure,from,to,value,unit\n{Treated[1]},shelter-days,2023-02-01,2023-02-28,12,dage\n{Treated[3]},shelter-days,2023-03-" +
                $"01,2023-03-31,-12,dage\n"));
        var output = await Cli("followup", "run", "--investment", "ungifokus", "--as-of", "2024-06-30");
        Assert.Contains("payable 10.000 kr., overpaid by approved runs 10.000 kr.", output);
        var second = Factory.With(db => db.FollowUpRuns.AsNoTracking().OrderBy(r => r.Id).Last());
        var result = RunResult.FromJson(second.ResultJson);
        Assert.Equal([("bolig", 30_000m, 30_000m, 10_000m, 10_000m)],
            result.Metrics.Select(m => (m.Key, m.EntitledToDate, m.PaidBefore, m.PayableNow, m.Overpaid)));
        Assert.Contains(result.Notes, n => n.Contains("1 deltager × vindue"));
        var client = await Login.AsAsync(Factory, Login.Email(Bundlinje.Security.Roles.Secretariat));
        var page = await client.GetStringAsync($"/Investments/ungifokus/FollowUp/Runs/{second.Id}", TestContext.Current.CancellationToken);
        Assert.Contains("<td class=\"number\" id=\"overpaid\">10.000 kr.</td>", page);
        await Cli("followup", "approve", "--run", second.Id.ToString(), "--decision", "Styregruppemøde 2024-08-15, pkt. 2");
        Assert.Equal([(first.Id, 30_000m), (second.Id, 10_000m)],
            Factory.With(db => db.PaymentObligations.AsNoTracking().OrderBy(o => o.RunId).Select(o => new { o.RunId, o.Amount }).ToList())
                .Select(o => (o.RunId, o.Amount)));

        // Nothing new: the fourth is paid once, the second stays overpaid (40.000 paid for an entitlement of 30.000).
        await Cli("followup", "run", "--investment", "ungifokus", "--as-of", "2024-07-31");
        var third = RunResult.FromJson(Factory.With(db => db.FollowUpRuns.AsNoTracking().OrderBy(r => r.Id).Last()).ResultJson);
        Assert.Equal([("bolig", 30_000m, 40_000m, 0m, 10_000m)],
            third.Metrics.Select(m => (m.Key, m.EntitledToDate, m.PaidBefore, m.PayableNow, m.Overpaid)));
    }

    [Fact]
    public async Task A_bad_participant_file_is_rejected_row_by_row_and_changes_nothing()
    {
        var file = Write("bad.csv",
            "cpr,cohort,group,enrolled\n0101951234,2023,treatment,2023-01-01\n010195123,2023,treatment,2023-01-01\n0101951234,2023,contro" +
                "l,2023-01-01\n0202951234,2023,placebo,2023-02-30\n");
        var (exit, _, error) = await Factory.CliAsync("participants", "import", "--investment", "ungifokus", file);
        Assert.Equal(1, exit);
        Assert.Contains("Række 3, cpr: skal være 10 cifre", error);
        Assert.Contains("Række 4, cpr: samme person som i række 2", error);
        Assert.Contains("Række 5, group: 'placebo' skal være treatment eller control", error);
        Assert.Contains("Række 5, enrolled: '2023-02-30' er ikke en dato", error);
        Assert.DoesNotContain("0101951234", error);
        var missing = await Factory.CliAsync("participants", "import", "--investment", "ungifokus",
            Write("missing.csv", "cpr,cohort,enrolled\n0101951234,2023,2023-01-01\n"));
        Assert.Contains("Række 1: kolonnen group mangler", missing.Error);
        Assert.Equal(0, Factory.With(db => db.Participants.Count()));
    }
}

public sealed class SqliteFollowUpFlowTests : FollowUpFlowTests
{
    protected override Task<BundlinjeFactory?> CreateFactoryAsync() => Task.FromResult<BundlinjeFactory?>(BundlinjeFactory.Sqlite());
    protected override IEnumerable<string> StoredFiles() => Directory.GetFiles(Factory.SqliteFolder!);
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresFollowUpFlowTests(PostgresCluster cluster) : FollowUpFlowTests
{
    protected override async Task<BundlinjeFactory?> CreateFactoryAsync()
    {
        if (cluster.Unavailable is { } reason) { Requirement.Missing(reason); return null; }
        return BundlinjeFactory.Postgres(await cluster.CreateDatabaseAsync());
    }

    protected override IEnumerable<string> StoredFiles() =>
        Directory.GetFiles(Path.Combine(cluster.Folder!, "data"), "*", SearchOption.AllDirectories)
            .Append(Path.Combine(cluster.Folder!, "log"));

    protected override async Task FlushAsync()
    {
        await using var connection = new NpgsqlConnection(Factory.DatabaseSettings["ConnectionStrings:Bundlinje"]);
        await connection.OpenAsync();
        await using var checkpoint = new NpgsqlCommand("CHECKPOINT", connection);
        await checkpoint.ExecuteNonQueryAsync();
    }
}
