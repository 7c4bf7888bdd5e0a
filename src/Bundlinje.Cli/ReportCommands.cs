using System.CommandLine;
using Bundlinje.Common;
using Bundlinje.Investments;
using Bundlinje.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Cli;

/// <summary>`bundlinje report annual|factsheet|department`: generates a report from the stored facts, keeps it in the
/// fund's report archive (with its inputs and output SHA-256) and writes the file (docs/reports.md, "CLI").</summary>
public static class ReportCommands
{
    public static Command Report() => new("report", "Reports: the annual report, an investment's fact sheet, a department's bundle.")
    {
        Annual(), FactSheet(), Department(),
    };

    private static readonly Option<FileInfo> Out = new("--out")
    {
        Required = true, Description = "FILE.docx (Word) or FILE.pdf (printed by headless Chromium).",
    };

    private static readonly Option<string> Language = new("--language")
    {
        DefaultValueFactory = _ => "da", Description = "da (default) or en: the language of the generated texts.",
    };

    private static readonly Option<DateOnly> AsOf = new("--as-of") { Required = true, Description = "The date, yyyy-MM-dd." };

    private static Command Annual()
    {
        var fund = new Option<string>("--fund") { Required = true, Description = "Fund key, e.g. aarhus." };
        var year = new Option<int>("--year") { Required = true, Description = "The year the report is about, e.g. 2024." };
        var command = new Command("annual", "The council's annual report to the city council for a year.") { fund, year, Out, Language };
        command.SetAction((parse, ct) => CliHost.RunAsync(async sp =>
        {
            var loaded = await FundAsync(sp, parse.GetValue(fund)!, ct);
            return await WriteAsync(parse, (format, language) => sp.GetRequiredService<ReportGenerator>()
                .IssueAnnualAsync(loaded, parse.GetValue(year), format, language, ct), ct);
        }));
        return command;
    }

    private static Command FactSheet()
    {
        var investment = new Option<string>("--investment") { Required = true, Description = "Investment key, e.g. ungifokus." };
        var command = new Command("factsheet", "An investment's one-page fact sheet as of a date.") { investment, AsOf, Out, Language };
        command.SetAction((parse, ct) => CliHost.RunAsync(async sp =>
        {
            var loaded = await sp.GetRequiredService<IBundlinjeStore>().InvestmentWithFundAsync(parse.GetValue(investment)!, ct);
            return await WriteAsync(parse, (format, language) => sp.GetRequiredService<ReportGenerator>()
                .IssueFactSheetAsync(loaded, parse.GetValue(AsOf), format, language, ct), ct);
        }));
        return command;
    }

    private static Command Department()
    {
        var fund = new Option<string>("--fund") { Required = true, Description = "Fund key, e.g. aarhus." };
        var department = new Option<string>("--department")
        {
            Required = true, Description = "The paying department's organisation key, e.g. msb.",
        };
        var command = new Command("department", "All fact sheets of one paying department's investments in one document.")
        {
            fund, department, AsOf, Out, Language,
        };
        command.SetAction((parse, ct) => CliHost.RunAsync(async sp =>
        {
            var loaded = await FundAsync(sp, parse.GetValue(fund)!, ct);
            return await WriteAsync(parse, (format, language) => sp.GetRequiredService<ReportGenerator>()
                .IssueDepartmentAsync(loaded, parse.GetValue(department)!, parse.GetValue(AsOf), format, language, ct), ct);
        }));
        return command;
    }

    private static async Task<Fund.Fund> FundAsync(IServiceProvider sp, string key, CancellationToken ct) =>
        await sp.GetRequiredService<IBundlinjeStore>().Funds.AsNoTracking().FirstOrDefaultAsync(f => f.Key == key, ct)
            ?? throw new Refused("fund.unknown", key);

    private static async Task<string> WriteAsync(ParseResult parse, Func<ReportFormat, string, Task<ReportRecord>> issue,
        CancellationToken ct)
    {
        var file = parse.GetValue(Out)!;
        var format = file.Extension.ToLowerInvariant() switch
        {
            ".docx" => ReportFormat.Docx,
            ".pdf" => ReportFormat.Pdf,
            _ => throw new ArgumentException("--out must end in .docx or .pdf."),
        };
        var language = parse.GetValue(Language) is "en" ? "en" : parse.GetValue(Language) is "da" ? "da"
            : throw new ArgumentException("--language must be da or en.");
        var record = await issue(format, language);
        await File.WriteAllBytesAsync(file.FullName, record.Content, ct);
        return $"Wrote {record.FileName} (issue {record.Number}, inputs {record.InputsSha256[..12]}…, file {record.OutputSha256[..12]}…) " +
            $"to "
            + $"{file.FullName}.";
    }
}
