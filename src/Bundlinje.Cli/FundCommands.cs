using System.CommandLine;
using Bundlinje.Common;
using Bundlinje.Data;
using Bundlinje.Fund;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Cli;

/// <summary>`bundlinje fund …`: the economics table, reconciliation, ledger import and closing years.</summary>
public static class FundCommands
{
    public static Command Fund()
    {
        var fund = new Option<string>("--fund") { Required = true, Description = "Fund key, e.g. aarhus." };
        return new Command("fund", "Fund books.") { Economics(fund), Reconcile(fund), Ledger(), Close(fund),
            Simulate(fund) };
    }

    private static Command Economics(Option<string> fund)
    {
        var effect = new Option<int?>("--effect") { Description = "Effect % for expected result payments (0-150); default the fund's." };
        var laterFrom = new Option<int?>("--later-from") { Description = "First year summed into 'Efterfølgende år i alt'." };
        var countedIn = new Option<DateOnly?>(
            "--counted-in")
        { Description = "Count in expected result payments dated up to this date (yyyy-mm-dd)." };
        var format = new Option<string>("--format")
        {
            Description = "csv, json or xlsx (xlsx needs --out).", DefaultValueFactory = _ =>
            "csv"
        };
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file instead of standard output." };
        var economics = new Command("economics", "The council's economics table (1.000 kr.) from the ledger.") { fund, effect, laterFrom,
            countedIn, format, output };
        economics.SetAction((parse, ct) => CliHost.RunAsync(async sp =>
        {
            var query = new EconomicsQuery(parse.GetValue(effect), parse.GetValue(laterFrom), parse.GetValue(countedIn));
            var report = await sp.GetRequiredService<FundEconomics>().BuildAsync(parse.GetValue(fund)!, query, ct: ct);
            var file = parse.GetValue(output);
            if (parse.GetValue(format) == "xlsx" && file is null) throw new ArgumentException("--format xlsx needs --out FILE.");
            var content = parse.GetValue(format) == "csv" ? System.Text.Encoding.UTF8.GetBytes(report.ToCsv())
                : report.Export(parse.GetValue(format)!, sp.GetRequiredService<IEconomicsWorkbook>()).Content;
            if (file is null) return System.Text.Encoding.UTF8.GetString(content).TrimEnd('\n');
            await File.WriteAllBytesAsync(file.FullName, content, ct);
            return $"Wrote the economics table of {report.FundKey} ({report.EffectPercent} % effect) to {file.FullName}.";
        }));
        return economics;
    }

    private static Command Simulate(Option<string> fund)
    {
        var scenarios = new Option<int>("--scenarios")
        {
            Description = "Number of scenarios (1-200.000).", DefaultValueFactory = _ =>
            10_000
        };
        var seed = new Option<long>("--seed") { Description = "Seed: the same seed gives the same numbers.", DefaultValueFactory = _ => 1 };
        var confidence = new Option<int>("--confidence")
        {
            Description = "Confidence % for the room under uncertainty (50-99).", DefaultValueFactory = _ => 90
        };
        var reserved = new Option<decimal?>(
            "--reserved")
        { Description = "Amount reserved for new investments (kr.); default today's room." };
        var output = new Option<FileInfo?>("--out") { Description = "Write the result as JSON to this file." };
        var simulate = new Command("simulate", "Monte Carlo of the fund's balance (docs/forecasts.md).") { fund, scenarios, seed,
            confidence, reserved, output };
        simulate.SetAction((parse, ct) => CliHost.RunAsync(async sp =>
        {
            var request = new Forecasts.Simulation.SimulationRequest(parse.GetValue(scenarios), parse.GetValue(seed),
                parse.GetValue(confidence) / 100.0, parse.GetValue(reserved));
            var report = await sp.GetRequiredService<Forecasts.Simulation.FundSimulations>().RunAsync(parse.GetValue(fund)!, request, ct);
            var text = Forecasts.Simulation.SimulationExport.Text(report);
            if (parse.GetValue(output) is not { } file) return text;
            await File.WriteAllTextAsync(file.FullName, Forecasts.Simulation.SimulationExport.Json(report), ct);
            return text + $"\nWrote the simulation to {file.FullName}.";
        }));
        return simulate;
    }

    private static Command Reconcile(Option<string> fund)
    {
        var published = new Option<FileInfo>("--published")
        {
            Required = true,
            Description = "Published table as CSV or XLSX: row,column,value (1.000 kr.)."
        };
        var tolerance = new Option<decimal>("--tolerance")
        {
            Description = "Rounding tolerance in 1.000 kr.", DefaultValueFactory = _ =>
            1m
        };
        var reconcile = new Command("reconcile", "List every published cell that differs from the computed table.") { fund, published,
            tolerance };
        reconcile.SetAction((parse, ct) => CliHost.RunAsync(async sp =>
        {
            var file = parse.GetValue(published)!;
            if (!file.Exists) throw new FileNotFoundException($"File not found: {file.FullName}");
            await using var stream = file.OpenRead();
            var cells = PublishedTable.Read(file.Name, stream, sp.GetRequiredService<ISheetReader>());
            var report = await sp.GetRequiredService<FundEconomics>().BuildAsync(parse.GetValue(fund)!, ct: ct);
            var differences = Reconciliation.Compare(report.Table ?? throw new ArgumentException("The fund has no postings."), cells,
                parse.GetValue(tolerance));
            return differences.Count == 0
                ? $"All {cells.Count} published cells agree within the tolerance."
                : string.Join('\n', differences.Select(d => d.Missing is { } missing
                    ? $"{d.Row} | {d.Column}: published {d.Published:0}, {missing}"
                    : $"{d.Row} | {d.Column}: published {d.Published:0}, computed {d.Computed:0}, difference {d.Difference:0}"))
                  + $"\n{differences.Count} of {cells.Count} published cells differ.";
        }));
        return reconcile;
    }

    private static Command Ledger()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Ledger JSON file (docs/ledger.md), format bundlinje-ledger/1." };
        var import = new Command("import", "Append a ledger file's postings to its fund, all or nothing.") { file };
        import.SetAction(CliHost.ImportFile<LedgerImporter>(file,
            async (importer, json, ct) => $"Posted {await importer.ImportAsync(json, ct)} entries."));
        return new Command("ledger", "The fund's ledger.") { import };
    }

    private static Command Close(Option<string> fund)
    {
        var year = new Option<int>("--year") { Required = true, Description = "The fiscal year whose accounts are final." };
        var close = new Command("close", "Close a fiscal year: its actual postings can no longer change.") { fund, year };
        close.SetAction((parse, ct) => CliHost.RunAsync(async sp =>
        {
            await sp.GetRequiredService<Ledger>()
                .CloseYearAsync(parse.GetValue(fund)!, parse.GetValue(year), ct);
            return $"Fiscal year {parse.GetValue(year)} is closed.";
        }));
        return close;
    }
}
