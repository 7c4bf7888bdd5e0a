using System.CommandLine;
using System.Text.Json;
using Bundlinje.Data;
using Bundlinje.Proposals;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Cli;

/// <summary>`bundlinje proposals stats`: the council's proposals table at a date.</summary>
public static class ProposalCommands
{
    public static Command Proposals()
    {
        var fund = new Option<string>("--fund") { Required = true, Description = "Fund key, e.g. aarhus." };
        var asOf = new Option<DateOnly>("--as-of")
        {
            Required = true,
            Description = "Count the proposals as they stood on this date (yyyy-mm-dd)."
        };
        var format = new Option<string>("--format") { Description = "json or csv.", DefaultValueFactory = _ => "json" };
        var stats = new Command("stats", "Ordinary proposals by outcome, call proposals and new this year, as of a date.") { fund, asOf,
            format };
        stats.SetAction((parse, ct) => CliHost.RunAsync(async sp =>
        {
            var s = await ProposalFile.StatisticsAsync(sp.GetRequiredService<BundlinjeDb>(), parse.GetValue(fund)!, parse.GetValue(asOf),
                ct);
            return parse.GetValue(format) switch
            {
                "json" => JsonSerializer.Serialize(s, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }),
                "csv" => "ordinary,directRejection,rejectedAfterAssessment,donation,launched,pending,call,callLaunched,newThisYear\n" +
                         $"{s.Ordinary},{s.DirectRejection},{s.RejectedAfterAssessment},{s.Donation},{s.Launched},{s.Pending}," +
                         $"{s.Call},{s.CallLaunched},{s.NewThisYear}",
                var other => throw new ArgumentException($"--format must be json or csv, not '{other}'."),
            };
        }));
        return new Command("proposals", "Proposals and calls.") { stats };
    }
}
