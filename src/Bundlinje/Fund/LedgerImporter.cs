using Bundlinje.Common;
using Bundlinje.Portfolio;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Fund;

/// <summary>Appends a ledger file's postings to a fund, all or nothing; every problem names its JSON path.</summary>
public sealed class LedgerImporter(IBundlinjeStore store, ICurrentUser user, TimeProvider clock)
{
    public async Task<int> ImportAsync(string json, CancellationToken ct = default)
    {
        var file = LedgerFile.Read(json);
        var problems = new List<Refusal>();
        if (file.Format != LedgerFile.CurrentFormat) problems.Add(Refusal.At("$.format", "file.formatMustBe", LedgerFile.CurrentFormat));
        var fund = await store.Funds.FirstOrDefaultAsync(f => f.Key == file.Fund, ct);
        if (fund is null) problems.Add(Refusal.At("$.fund", "ledger.unknownFundInFile", file.Fund));
        var investments = await store.Investments.Where(i => fund != null && i.FundId == fund.Id).ToDictionaryAsync(i => i.Key, ct);
        var closed = await store.ClosedFiscalYears.AsNoTracking().Where(c => fund != null && c.FundId == fund.Id).ToListAsync(ct);
        for (var i = 0; i < file.Entries.Count; i++)
        {
            var e = file.Entries[i]; var p = $"$.entries[{i}]";
            problems.AddRange(LedgerRules.Check(e).Select(problem => problem.AtPath($"{p}.{problem.Field}")));
            if (e.Investment is { } key && !investments.ContainsKey(key)) problems.Add(
                Refusal.At($"{p}.investment", "ledger.unknownInvestmentInFile", key));
            if (e.Basis == LedgerBasis.Actual && closed.FirstOrDefault(c => c.Year == e.FiscalYear) is { } year) problems.Add(
                Ledger.Closed(year).AtPath($"{p}.fiscalYear"));
        }
        if (problems.Count > 0) throw PortfolioJson.Rejected(problems);

        var now = clock.GetUtcNow();
        foreach (var e in file.Entries)
            store.LedgerPostings.Add(new LedgerPosting
            {
                FundId = fund!.Id, Pot = e.Pot, FiscalYear = e.FiscalYear, EntryDate = e.EntryDate ?? new DateOnly(e.FiscalYear, 12, 31),
                Kind = e.Kind, Basis = e.Basis, Amount = e.Amount, Category = e.Category,
                InvestmentId = e.Investment is null ? null : investments[e.Investment].Id, Payer = e.Payer, Metric = e.Metric,
                Source = LedgerSource.Import, Text = e.Text, PostedBy = user.Name, PostedAt = now,
            });
        await store.SaveChangesAsync(ct);
        return file.Entries.Count;
    }
}
