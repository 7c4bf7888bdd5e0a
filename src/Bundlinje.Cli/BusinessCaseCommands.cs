using System.CommandLine;
using System.Text;
using Bundlinje.BusinessCases;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Cli;

/// <summary>`bundlinje businesscase export|import|show`: business cases as XLSX workbooks or JSON case files, and the
/// yearly table (docs/business-cases.md, "Excel and CLI").</summary>
public static class BusinessCaseCommands
{
    public static Command BusinessCase() => new("businesscase", "Business cases: export, import and the yearly table.")
    {
        Export(), Import(), Show(),
    };

    private sealed record Which(Option<string> Investment, Option<int?> Version, Option<string?> Part)
    {
        public static Which Options() => new(
            new("--investment") { Required = true, Description = "Investment key, e.g. housing-first." },
            new("--version") { Description = "Agreement version (default: the newest with a business case)." },
            new("--part") { Description = "The part (sub-project), when the investment has a case per part, e.g. Havnen." });

        public async Task<(Investments.Investment Investment, int? Version, string? Part)> LoadAsync(ParseResult parse,
            BusinessCaseExchange exchange, CancellationToken ct) =>
            (await exchange.InvestmentAsync(parse.GetValue(Investment)!, ct), parse.GetValue(Version), parse.GetValue(Part));
    }

    private static Command Export()
    {
        var which = Which.Options();
        var output = new Option<FileInfo>("--out")
        {
            Required = true, Description = "FILE.xlsx (the workbook) or FILE.json (the case file, bundlinje-business-case/1).",
        };
        var export = new Command("export", "Write an investment's current business case as an Excel workbook or a JSON case file.")
        {
            which.Investment, which.Version, which.Part, output,
        };
        export.SetAction((parse, ct) => CliHost.RunAsync(async sp =>
        {
            var exchange = sp.GetRequiredService<BusinessCaseExchange>();
            var (investment, version, part) = await which.LoadAsync(parse, exchange, ct);
            var file = parse.GetValue(output)!;
            var format = file.Extension.ToLowerInvariant() switch
            {
                ".xlsx" => "xlsx",
                ".json" => "json",
                _ => throw new ArgumentException("--out must end in .xlsx or .json."),
            };
            var exported = await exchange.ExportAsync(investment, format, version, part, ct);
            await File.WriteAllBytesAsync(file.FullName, exported.Content, ct);
            return $"Wrote the business case of {investment.Key} to {file.FullName}.";
        }));
        return export;
    }

    private static Command Import()
    {
        var file = new Argument<FileInfo>("FILE")
        {
            Description = "FILE.xlsx (the workbook layout) or FILE.json (bundlinje-business-case/1); the case names its investment.",
        };
        var import = new Command("import", "Store a business case as the next revision of its investment's case, all or nothing.")
        {
            file,
        };
        import.SetAction((parse, ct) => CliHost.RunAsync(async sp =>
        {
            var path = CliHost.Existing(parse.GetValue(file));
            await using var stream = path.OpenRead();
            var result = await sp.GetRequiredService<BusinessCaseExchange>().ImportAsync(path.Name, stream, ct);
            var stored = result.Stored;
            var which = $"agreement version {stored.AgreementVersion}" + (stored.Part == "" ? "" : $", part {stored.Part}");
            return result.Unchanged
                ? $"Unchanged: the file holds revision {stored.Revision} of the business case ({which}); nothing stored."
                : $"Stored revision {stored.Revision} of the business case ({which}).";
        }));
        return import;
    }

    private static Command Show()
    {
        var which = Which.Options();
        var format = new Option<string>("--format") { Description = "json or csv.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv");
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file instead of standard output." };
        var show = new Command("show", "The yearly table (cost, gross, repayment, net, cumulative), break-even and net present value.")
        {
            which.Investment, which.Version, which.Part, format, output,
        };
        show.SetAction((parse, ct) => CliHost.RunAsync(async sp =>
        {
            var exchange = sp.GetRequiredService<BusinessCaseExchange>();
            var (investment, version, part) = await which.LoadAsync(parse, exchange, ct);
            var computed = await exchange.ComputeAsync(investment, version, part, ct);
            var text = parse.GetValue(format) == "csv" ? BusinessCaseExchange.ToCsv(computed)
                : BusinessCaseExchange.ToJson(computed, investment.Fund!.DiscountRates);
            if (parse.GetValue(output) is not { } file) return text.TrimEnd('\n');
            await File.WriteAllTextAsync(file.FullName, text, Encoding.UTF8, ct);
            return BusinessCaseExchange.Summary(computed);
        }));
        return show;
    }
}
