using Bundlinje.Common;
using Bundlinje.Security;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Fund;

/// <summary>What-if parameters for the table; nulls take the fund's defaults.</summary>
public sealed record EconomicsQuery(int? EffectPercent = null, int? LaterFrom = null, DateOnly? CountedInUntil = null);

/// <summary>Builds a fund's economics table from its stored ledger. With an <see cref="EconomicsCache"/> (as registered in
/// the apps), the postings are read and the fund-wide table computed once per change of the fund's books
/// (<see cref="EconomicsFingerprint"/>), not per request.</summary>
public sealed class FundEconomics(IBundlinjeStore store, TimeProvider clock, EconomicsCache? cache = null)
{
    /// <param name="viewer">Null or fund-wide: the whole table. Others get only their own investments' rows
    /// (<see cref="EconomicsReport.Scoped"/>), without totals and balance, which they could not trace.</param>
    public async Task<EconomicsReport> BuildAsync(string fundKey, EconomicsQuery? query = null, Viewer? viewer = null,
        CancellationToken ct = default)
    {
        var fund = await store.Funds.AsNoTracking().FirstOrDefaultAsync(f => f.Key == fundKey, ct)
            ?? throw new Refused("fund.unknown", fundKey);
        return await BuildAsync(fund, query, viewer, ct);
    }

    /// <summary>For a caller that has loaded the fund (a page of the fund's route): the fund is not looked up again.</summary>
    public async Task<EconomicsReport> BuildAsync(Fund fund, EconomicsQuery? query = null, Viewer? viewer = null,
        CancellationToken ct = default)
    {
        query ??= new();
        if (query.EffectPercent is < 0 or > 150) throw Refused.At("EffectPercent", "economics.effectRange");
        var fundKey = fund.Key;
        var books = await BooksAsync(fund.Id, ct);
        fund = books.Fund;
        var entries = books.Entries;
        // Accounts columns run to the last closed year: actual postings in an open year do not yet replace its budget.
        var lastActual = books.LastClosedYear
            ?? entries.Where(p => p.Basis == LedgerBasis.Actual && p.Pot == LedgerPot.InvestmentFund)
                .Select(p => p.FiscalYear).DefaultIfEmpty(entries.Select(e => e.FiscalYear).DefaultIfEmpty(clock.Today().Year).Min() - 1)
                    .Max();
        var laterFrom = query.LaterFrom ?? lastActual + 5;
        if (laterFrom <= lastActual) throw Refused.At("LaterFrom", "economics.laterFromAfterAccounts", lastActual);
        var scoped = viewer is not null && !(viewer.Roles.Any(Roles.ScopedToFund) && viewer.Scopes.Contains(fundKey));
        var options = new EconomicsOptions(lastActual, laterFrom, query.EffectPercent ?? fund.BudgetEffectPercent, query.CountedInUntil);
        EconomicsTable? table;
        if (scoped)
        {
            var readable = (await store.Investments.AsNoTracking().Where(viewer!.CanRead()).Select(i => i.Key).ToListAsync(ct)).ToHashSet();
            entries = entries.Where(e => e.Investment is { } key && readable.Contains(key)).ToList();
            table = Table(entries, options, books.InvestmentNames);
        }
        else table = cache is null ? Table(entries, options, books.InvestmentNames)
            : cache.Table(books, options, () => Table(entries, options, books.InvestmentNames));
        var firstYear = entries.Select(e => e.FiscalYear).DefaultIfEmpty(lastActual).Min();
        return new EconomicsReport(fund.Key, fund.Name, options, table, entries, books.InvestmentNames, scoped, firstYear
            + fund.HorizonYears - 1, fund.Currency);
    }

    private static EconomicsTable? Table(IReadOnlyList<LedgerEntry> entries, EconomicsOptions options,
        IReadOnlyDictionary<string, string> names) =>
        entries.Any(e => e.Pot == LedgerPot.InvestmentFund) ? EconomicsTable.Build(entries, options).WithInvestmentNames(names) : null;

    /// <summary>The fund's record, entries, investment names and last closed year: from the cache while the fund's
    /// fingerprint is unchanged, else from the database.</summary>
    public async Task<FundBooks> BooksAsync(int fundId, CancellationToken ct = default) =>
        cache is null ? await LoadBooksAsync(fundId, ct)
            : await cache.BooksAsync(fundId, await FingerprintAsync(fundId, ct), () => LoadBooksAsync(fundId, ct));

    /// <summary>One query: the fund's version and the count / highest id (and version sum) of its postings, investments and closed
    /// years.</summary>
    public Task<EconomicsFingerprint> FingerprintAsync(int fundId, CancellationToken ct = default) =>
        store.Funds.Where(f => f.Id == fundId).Select(f => new EconomicsFingerprint(
            f.Version,
            store.LedgerPostings.Count(p => p.FundId == fundId), store.LedgerPostings.Where(p => p.FundId == fundId).Max(p => (int?)p.Id)
                ?? 0,
            store.Investments.Count(i => i.FundId == fundId), store.Investments.Where(i => i.FundId == fundId).Max(i => (int?)i.Id) ?? 0,
            store.Investments.Where(i => i.FundId == fundId).Sum(i => (long)i.Version),
            store.ClosedFiscalYears.Count(c => c.FundId == fundId), store.ClosedFiscalYears.Where(c => c.FundId == fundId)
                .Max(c => (int?)c.Year) ?? 0))
            .FirstAsync(ct);

    private async Task<FundBooks> LoadBooksAsync(int fundId, CancellationToken ct)
    {
        var fund = await store.Funds.AsNoTracking().FirstAsync(f => f.Id == fundId, ct);
        var entries = await ReadEntriesAsync(fundId, ct);
        var lastClosed = await store.ClosedFiscalYears.Where(c => c.FundId == fundId).MaxAsync(c => (int?)c.Year, ct);
        var names = await store.Investments.AsNoTracking().Where(i => i.FundId == fundId).ToDictionaryAsync(i => i.Key, i => i.Name, ct);
        return new FundBooks(fund, entries, names, lastClosed);
    }

    /// <summary>The fund's entries in both pots, with the posting id as text-independent reference (from the cache while
    /// the fund's books are unchanged).</summary>
    public async Task<List<LedgerEntry>> LoadEntriesAsync(int fundId, CancellationToken ct = default) =>
        cache is null ? await ReadEntriesAsync(fundId, ct) : [.. (await BooksAsync(fundId, ct)).Entries];

    private async Task<List<LedgerEntry>> ReadEntriesAsync(int fundId, CancellationToken ct) =>
        await (from p in store.LedgerPostings.AsNoTracking()
               where p.FundId == fundId
               orderby p.Pot, p.FiscalYear, p.Id
               select new LedgerEntry(p.FiscalYear, p.Kind, p.Basis, p.Amount, p.Category, p.Investment!.Key, p.Text, p.EntryDate, p.Pot)
               { PostingId = p.Id, Metric = p.Metric }).ToListAsync(ct);
}
