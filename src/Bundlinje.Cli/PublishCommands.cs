using System.CommandLine;
using System.Text;
using Bundlinje.Common;
using Bundlinje.Publication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Cli;

/// <summary>`bundlinje publish status --fund KEY`: per investment, which field groups are approved public and which drafts
/// await review (docs/openness.md, "Publish by field").</summary>
public static class PublishCommands
{
    public static Command Publish()
    {
        var fund = new Option<string>("--fund") { Required = true, Description = "Fund key, e.g. aarhus." };
        var status = new Command("status", "Per investment: what is public and what awaits review.") { fund };
        status.SetAction((parse, ct) => CliHost.RunAsync(async sp =>
        {
            var key = parse.GetValue(fund)!;
            var loaded = await sp.GetRequiredService<IBundlinjeStore>().Funds.AsNoTracking().FirstOrDefaultAsync(f => f.Key == key, ct)
                ?? throw new Refused("fund.unknown", key);
            return Describe(await sp.GetRequiredService<Publications>().StatusAsync(loaded.Id, null, ct));
        }));
        return new Command("publish", "Publish by field: the publication records of the fund's investments.") { status };
    }

    public static string Describe(IReadOnlyList<InvestmentPublication> investments)
    {
        var text = new StringBuilder();
        foreach (var i in investments)
        {
            var pub = i.Public.ToList();
            text.AppendLine($"{i.Key}: public {(pub.Count == 0 ? "nothing" : string.Join(", ", pub))}");
            foreach (var f in i.AwaitingReview)
            {
                var draft = f.Pending!.Revision;
                text.AppendLine($"  awaiting review: {f.Field} -> {(draft.IsPublic ? "public" : "private")} (revision "
                    + $"{draft.Revision}, drafted by {draft.DraftedBy} {draft.DraftedAt:yyyy-MM-dd HH:mm})");
            }
        }
        var waiting = investments.Sum(i => i.AwaitingReview.Count());
        text.Append($"{investments.Count} investments, {investments.Count(i => i.Public.Any())} with public fields, {waiting} drafts "
            + "awaiting review.");
        return text.ToString();
    }
}
