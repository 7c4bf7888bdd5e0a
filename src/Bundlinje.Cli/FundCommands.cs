using System.CommandLine;
using System.Text.Json;
using Bundlinje.Data;
using Bundlinje.Fund;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Cli;

/// <summary>`bundlinje fund …` (issue #3, in progress): the economics table from the stored ledger.</summary>
public static class FundCommands
{
    public static Command Fund()
    {
        var fund = new Option<string>("--fund") { Required = true, Description = "Fund key, e.g. aarhus." };
        var effect = new Option<int?>("--effect") { Description = "Effect % for expected result payments (0-150); default the fund's." };
        var laterFrom = new Option<int?>("--later-from") { Description = "First year summed into 'Efterfølgende år i alt'." };
        var format = new Option<string>("--format") { Description = "csv or json.", DefaultValueFactory = _ => "csv" };
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file instead of standard output." };
        var economics = new Command("economics", "The council's economics table (1.000 kr.) from the ledger.") { fund, effect, laterFrom, format, output };
        economics.SetAction((parse, ct) => CliHost.RunAsync(async sp =>
        {
            if (parse.GetValue(effect) is < 0 or > 150) throw new ArgumentException("--effect must be between 0 and 150.");
            var report = await new FundEconomics(sp.GetRequiredService<BundlinjeDb>())
                .BuildAsync(parse.GetValue(fund)!, parse.GetValue(effect), parse.GetValue(laterFrom), ct);
            var text = parse.GetValue(format) switch
            {
                "csv" => report.ToCsv(),
                "json" => JsonSerializer.Serialize(new
                {
                    fund = report.FundKey, effectPercent = report.EffectPercent, unit = "kr.",
                    columns = report.Table.Columns.Select(c => c.Label),
                    rows = report.Table.RunningCosts.Concat(report.Table.Investments).Select(r => new { label = r.Label, indented = r.Indented, cells = r.Cells }),
                    total = report.Table.Total, balance = report.Table.Balance,
                }, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
                var other => throw new ArgumentException($"--format must be csv or json, not '{other}'."),
            };
            if (parse.GetValue(output) is not { } file) return text.TrimEnd('\n');
            await File.WriteAllTextAsync(file.FullName, text, ct);
            return $"Wrote the economics table of {report.FundKey} ({report.EffectPercent} % effect) to {file.FullName}.";
        }));
        var published = new Option<FileInfo>("--published") { Required = true, Description = "Published table as CSV: row,column,value (1.000 kr.)." };
        var tolerance = new Option<decimal>("--tolerance") { Description = "Rounding tolerance in 1.000 kr.", DefaultValueFactory = _ => 1m };
        var reconcile = new Command("reconcile", "List every published cell that differs from the computed table.") { fund, published, tolerance };
        reconcile.SetAction((parse, ct) => CliHost.RunAsync(async sp =>
        {
            var file = parse.GetValue(published)!;
            if (!file.Exists) throw new FileNotFoundException($"File not found: {file.FullName}");
            var cells = PublishedTable.ReadCsv(await File.ReadAllTextAsync(file.FullName, ct));
            var report = await new FundEconomics(sp.GetRequiredService<BundlinjeDb>()).BuildAsync(parse.GetValue(fund)!, ct: ct);
            var differences = Reconciliation.Compare(report.Table, cells, parse.GetValue(tolerance));
            return differences.Count == 0
                ? $"All {cells.Count} published cells agree within the tolerance."
                : string.Join('\n', differences.Select(d => $"{d.Row} | {d.Column}: published {d.Published:0}, computed {d.Computed:0}, difference {d.Difference:0}"))
                  + $"\n{differences.Count} of {cells.Count} published cells differ.";
        }));
        return new Command("fund", "Fund books.") { economics, reconcile };
    }
}
