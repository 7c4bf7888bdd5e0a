using System.Text.Json;
using Bundlinje.Common;
using Bundlinje.Portfolio;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Proposals;

/// <summary>The demo/exchange format "bundlinje-proposals/1": a fund's call and proposals with their timelines.</summary>
public sealed record ProposalFile(string? Format, string? About, string? Fund, CallLine? Call, List<ProposalLine> Proposals)
{
    public const string CurrentFormat = "bundlinje-proposals/1";

    public static string ReadDemo()
    {
        using var stream = typeof(ProposalFile).Assembly.GetManifestResourceStream("Bundlinje.Proposals.aarhus-proposals.json")
            ?? throw new InvalidOperationException("The demo proposals are not embedded in the assembly.");
        return new StreamReader(stream).ReadToEnd();
    }

    /// <summary>Adds the file's call and proposals to its fund in one save; proposals already there (by reference) are skipped.</summary>
    public static async Task<int> ImportAsync(IBundlinjeStore store, string json, string by, CancellationToken ct = default)
    {
        var file = JsonSerializer.Deserialize<ProposalFile>(json, PortfolioJson.Options)
            ?? throw PortfolioJson.Rejected([Refusal.At("$", "file.emptyShort")]);
        if (file.Format != CurrentFormat) throw PortfolioJson.Rejected([Refusal.At("$.format", "file.formatMustBe", CurrentFormat)]);
        var fund = await store.Funds.FirstOrDefaultAsync(f => f.Key == file.Fund, ct)
            ?? throw PortfolioJson.Rejected([Refusal.At("$.fund", "ledger.unknownFundInFile", file.Fund)]);
        var investments = await store.Investments.Where(i => i.FundId == fund.Id).ToDictionaryAsync(i => i.Key, i => i.Id, ct);
        var known = (await store.Proposals.Where(p => p.FundId == fund.Id).Select(p => p.Reference).ToListAsync(ct)).ToHashSet();
        Call? call = null;
        if (file.Call is { } c)
        {
            call = await store.Calls.FirstOrDefaultAsync(x => x.FundId == fund.Id && x.Key == c.Key, ct);
            if (call is null) store.Calls.Add(
                call = new Call
                {
                    FundId = fund.Id, Key = c.Key, Title = c.Title, Theme = c.Theme, Text = c.Text, OpensOn = c.OpensOn,
                    ClosesOn = c.ClosesOn
                });
        }
        var problems = new List<Refusal>();
        var added = 0;
        for (var i = 0; i < file.Proposals.Count; i++)
        {
            var p = file.Proposals[i];
            if (known.Contains(p.Reference)) continue;
            int? investmentId = null;
            if (p.Investment is { } key && !investments.TryGetValue(key, out var id))
            {
                problems.Add(Refusal.At($"$.proposals[{i}].investment", "file.unknownInvestment", key));
                continue;
            }
            else if (p.Investment is { } k2) investmentId = investments[k2];
            if (p.Call && call is null) { problems.Add(Refusal.At($"$.proposals[{i}].call", "proposals.fileHasNoCall")); continue; }
            store.Proposals.Add(new Proposal
            {
                FundId = fund.Id, Reference = p.Reference, Title = p.Title, ProposerType = p.ProposerType, Proposer = p.Proposer,
                ReceivedOn = p.ReceivedOn,
                IsPlaceholder = p.Placeholder, InvestmentId = investmentId, Call = p.Call ? call : null,
                Events = p.Events.Select(e => new ProposalEvent { Step = e.Step, On = e.On, Note = e.Note, Amount = e.Amount, By = by })
                    .ToList(),
            });
            added++;
        }
        if (problems.Count > 0) throw PortfolioJson.Rejected(problems);
        await store.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>The council's table for a fund at a date, from the stored proposals and timelines.</summary>
    public static async Task<ProposalStatistics> StatisticsAsync(IBundlinjeStore store, string fundKey, DateOnly asOf,
        CancellationToken ct = default)
    {
        var fund = await store.Funds.AsNoTracking().FirstOrDefaultAsync(f => f.Key == fundKey, ct)
            ?? throw new Refused("fund.unknown", fundKey);
        var proposals = await store.Proposals.AsNoTracking().Include(p => p.Events).Where(p => p.FundId == fund.Id).ToListAsync(ct);
        return ProposalStatistics.At(proposals, asOf);
    }
}

public sealed record CallLine(string Key, string Title, string? Theme, string? Text, DateOnly OpensOn, DateOnly ClosesOn);

public sealed record ProposalLine(string Reference, string Title, ProposerType ProposerType, DateOnly ReceivedOn, bool Call,
    bool Placeholder,
    string? Investment, List<EventLine> Events, string? Proposer = null);

public sealed record EventLine(ProposalStep Step, DateOnly On, string? Note = null, decimal? Amount = null);
