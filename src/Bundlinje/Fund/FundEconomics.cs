using Bundlinje.Common;
using Bundlinje.Security;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Fund;

/// <summary>What-if parameters for the table; nulls take the fund's defaults.</summary>
public sealed record EconomicsQuery(int? EffectPercent = null, int? LaterFrom = null, DateOnly? CountedInUntil = null);

/// <summary>Builds a fund's economics table from its stored ledger.</summary>
public sealed class FundEconomics(IBundlinjeStore store, TimeProvider clock)
{
    /// <param name="viewer">Null or fund-wide: the whole table. Others get only their own investments' rows
    /// (<see cref="EconomicsReport.Scoped"/>), without totals and balance, which they could not trace.</param>
    /// <param name="postings">The fund's postings when the caller has them already (with their investments); else they are read.</param>
    public async Task<EconomicsReport> BuildAsync(string fundKey, EconomicsQuery? query = null, Viewer? viewer = null,
        CancellationToken ct = default,
        IReadOnlyList<LedgerPosting>? postings = null)
    {
        query ??= new();
        if (query.EffectPercent is < 0 or > 150) throw new ArgumentException("Effekten skal være mellem 0 og 150 %.");
        var fund = await store.Funds.AsNoTracking().FirstOrDefaultAsync(f => f.Key == fundKey, ct)
            ?? throw new ArgumentException($"Ukendt fond '{fundKey}'.");
        var entries = postings?.Select(p => p.ToEntry()).ToList() ?? await LoadEntriesAsync(fund.Id, ct);
        // Accounts columns run to the last closed year: actual postings in an open year do not yet replace its budget.
        var lastActual = await store.ClosedFiscalYears.Where(c => c.FundId == fund.Id).MaxAsync(c => (int?)c.Year, ct)
            ?? entries.Where(p => p.Basis == LedgerBasis.Actual && p.Pot == LedgerPot.InvestmentFund)
                .Select(p => p.FiscalYear).DefaultIfEmpty(entries.Select(e => e.FiscalYear).DefaultIfEmpty(clock.Today().Year).Min() - 1)
                    .Max();
        var laterFrom = query.LaterFrom ?? lastActual + 5;
        if (laterFrom <= lastActual)
            throw new ArgumentException($"'Efterfølgende år' skal begynde efter det sidste regnskabsår ({lastActual}).");
        var scoped = viewer is not null && !(viewer.Roles.Any(Roles.ScopedToFund) && viewer.Scopes.Contains(fundKey));
        if (scoped)
        {
            var readable = (await store.Investments.AsNoTracking().Where(viewer!.CanRead()).Select(i => i.Key).ToListAsync(ct)).ToHashSet();
            entries = entries.Where(e => e.Investment is { } key && readable.Contains(key)).ToList();
        }
        var options = new EconomicsOptions(lastActual, laterFrom, query.EffectPercent ?? fund.BudgetEffectPercent, query.CountedInUntil);
        var names = await store.Investments.AsNoTracking().Where(i => i.FundId == fund.Id).ToDictionaryAsync(i => i.Key, i => i.Name, ct);
        var table = entries.Any(e => e.Pot == LedgerPot.InvestmentFund) ? EconomicsTable.Build(entries, options).WithInvestmentNames(names)
            : null;
        var firstYear = entries.Select(e => e.FiscalYear).DefaultIfEmpty(lastActual).Min();
        return new EconomicsReport(fund.Key, fund.Name, options, table, entries, names, scoped, firstYear + fund.HorizonYears - 1,
            fund.Currency);
    }

    /// <summary>The fund's entries in both pots, with the posting id as text-independent reference.</summary>
    public async Task<List<LedgerEntry>> LoadEntriesAsync(int fundId, CancellationToken ct = default) =>
        (await LoadPostingsAsync(fundId, ct)).Select(p => p.ToEntry()).ToList();

    public Task<List<LedgerPosting>> LoadPostingsAsync(int fundId, CancellationToken ct = default) =>
        store.LedgerPostings.AsNoTracking().Include(p => p.Investment).Where(p => p.FundId == fundId)
            .OrderBy(p => p.Pot).ThenBy(p => p.FiscalYear).ThenBy(p => p.Id).ToListAsync(ct);
}
