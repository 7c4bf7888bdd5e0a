using System.CommandLine;
using Bundlinje.Common;
using Bundlinje.Data;
using Bundlinje.FollowUps;
using Bundlinje.Participants;
using Bundlinje.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Cli;

/// <summary>`bundlinje participants|register|payments|followup …`: the outcome payment engine's inputs and runs.</summary>
public static class FollowUpCommands
{
    private static Argument<FileInfo> FileArgument(string description) => new("FILE") { Description = description };
    private static Option<string> InvestmentOption() =>
        new("--investment") { Required = true, Description = "Investment key, e.g. ungifokus." };

    public static Command Participants()
    {
        var file = FileArgument("CSV or XLSX: cpr, cohort, group, enrolled[, status, statusDate].");
        var investment = InvestmentOption();
        var import = new Command("import", "Import participants (pseudonymised on reading), all or nothing.") { investment, file };
        import.SetAction((parse, ct) => CliHost.RunAsync(async sp =>
        {
            var path = CliHost.Existing(parse.GetValue(file));
            await using var stream = path.OpenRead();
            var result = await sp.GetRequiredService<ParticipantImporter>().ImportAsync(parse.GetValue(investment)!, path.Name, stream, ct);
            return $"Added {result.Added} and updated {result.Updated} participant(s).";
        }));
        return new Command("participants", "Participants, known by pseudonym.") { import };
    }

    public static Command Register()
    {
        var file = FileArgument("CSV or Parquet: cpr, measure, from, to, value, unit (docs/register-data.md).");
        var investment = new Option<string?>(
            "--investment")
        { Description = "Check measure codes against this investment's fund's catalogue (default: any fund's)." };
        var import = new Command("import", "Load a register extract into the DuckDB store, pseudonymised, all or nothing.") { file,
            investment };
        import.SetAction((parse, ct) => CliHost.RunAsync(async sp =>
        {
            var path = CliHost.Existing(parse.GetValue(file));
            var rows = await sp.GetRequiredService<RegisterImports>().ImportAsync(path.FullName, parse.GetValue(investment), ct);
            return $"Loaded {rows} observation(s).";
        }));
        return new Command("register", "Register data.") { import };
    }

    public static Command Payments()
    {
        var file = FileArgument("Payment model JSON (docs/payment-models.md).");
        var import = new Command("import", "Store a payment model for its investment's current agreement version.") { file };
        import.SetAction(CliHost.ImportFile<BundlinjeDb>(file, async (db, json, ct) =>
        {
            var model = await PaymentModelFile.StoreAsync(db, json, ct: ct);
            return $"Stored the payment model of {model.Investment} ({model.Metrics.Count} metric(s)).";
        }));
        var investment = InvestmentOption();
        var target = FileArgument("Where to write the model JSON.");
        var export = new Command("export", "Write an investment's current payment model in the import format.") { investment, target };
        export.SetAction((parse, ct) => CliHost.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<BundlinjeDb>();
            var key = parse.GetValue(investment)!;
            var stored = await (from m in db.PaymentModels join i in db.Investments on m.InvestmentId equals i.Id
                                where i.Key == key orderby m.Id descending select m).FirstOrDefaultAsync(ct)
                ?? throw new Refused("followUp.noPaymentModel", key);
            await File.WriteAllTextAsync(parse.GetValue(target)!.FullName, stored.Json, ct);
            return $"Wrote the payment model of {key} to {parse.GetValue(target)!.FullName}.";
        }));
        return new Command("payments", "Payment models.") { new Command("model", "Payment models.") { import, export } };
    }

    public static Command FollowUp()
    {
        var investment = InvestmentOption();
        var asOf = new Option<DateOnly>("--as-of") { Required = true, Description = "Follow-up date (yyyy-mm-dd)." };
        var format = new Option<string>("--format") { Description = "json or csv.", DefaultValueFactory = _ => "json" };
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file instead of standard output." };
        var run = new Command("run",
            "Run the investment's payment model over its participants and register data; the run is stored.") { investment, asOf, format,
                output };
        run.SetAction((parse, ct) => CliHost.RunAsync(async sp =>
        {
            var stored = await sp.GetRequiredService<FollowUpRunner>().RunAsync(parse.GetValue(investment)!, parse.GetValue(asOf), ct: ct);
            var result = RunResult.FromJson(stored.ResultJson);
            var text = parse.GetValue(format) switch
            {
                "json" => stored.ResultJson,
                "csv" => result.ToCsv(),
                var other => throw new ArgumentException($"--format must be json or csv, not '{other}'."),
            };
            var overpaid = result.Overpaid > 0
                ? $", overpaid by approved runs {Kroner.Format(result.Overpaid)} (for the steering group, not offset)" : "";
            var summary = $"Run {stored.Id}: payable {Kroner.Format(result.Payable)}{overpaid}, result hash {stored.ResultHash}.";
            if (parse.GetValue(output) is not { } file) return text.TrimEnd('\n') + "\n" + summary;
            await File.WriteAllTextAsync(file.FullName, text, ct);
            return summary;
        }));
        var runId = new Option<int>("--run") { Required = true, Description = "Run id." };
        var decision = new Option<string>("--decision") { Required = true, Description = "The steering group's decision reference." };
        var approve = new Command("approve", "Approve a run: one payment obligation per payer.") { runId, decision };
        approve.SetAction((parse, ct) => CliHost.RunAsync(async sp =>
        {
            await sp.GetRequiredService<FollowUpRunner>().ApproveAsync(parse.GetValue(runId), parse.GetValue(decision)!, ct);
            return $"Run {parse.GetValue(runId)} approved.";
        }));
        var obligation = new Option<int>("--obligation") { Required = true, Description = "Payment obligation id." };
        var paidOn = new Option<DateOnly>("--paid-on") { Required = true, Description = "Payment date (yyyy-mm-dd)." };
        var pay = new Command("pay", "Record that an obligation was paid: posts the result payment to the fund's ledger.") { obligation,
            paidOn };
        pay.SetAction((parse, ct) => CliHost.RunAsync(async sp =>
        {
            var paid = await sp.GetRequiredService<FollowUpRunner>()
                .RecordPaymentAsync(parse.GetValue(obligation), parse.GetValue(paidOn), ct);
            return $"Obligation {paid.Id} paid; ledger posting {paid.LedgerPostingId}.";
        }));
        var post = new Option<bool>("--post") { Description = "Post each deficit guarantor's payment to the fund's ledger (once)." };
        var settleInvestment = InvestmentOption();
        var settleAsOf = new Option<DateOnly>("--as-of") { Required = true, Description = "Settlement date (yyyy-mm-dd)." };
        var settle = new Command("settle",
            "Final settlement: per investor capital drawn, received, guarantee paid, gain/loss, multiple and IRR.") { settleInvestment,
                settleAsOf, post };
        settle.SetAction((parse, ct) => CliHost.RunAsync(async sp =>
        {
            var settlements = sp.GetRequiredService<FinalSettlements>();
            var date = parse.GetValue(settleAsOf);
            var investment = await settlements.InvestmentAsync(parse.GetValue(settleInvestment)!, ct);
            var text = FinalStatementText.Write(await settlements.StatementAsync(investment, date, ct));
            if (!parse.GetValue(post)) return text.TrimEnd('\n');
            var postings = await settlements.PostAsync(investment, date, ct);
            return text + string.Join("\n",
                postings.Select(p =>
                    $"Posted guarantee payment {p.Payer}: {Kroner.Exact(p.Amount)} (ledger posting {p.Id}, {p.SourceReference})."));
        }));
        return new Command("followup", "Follow-up runs.") { run, approve, pay, settle };
    }
}
