using Bundlinje.Common;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Fund;

/// <summary>Posting, reversing and closing years in a fund's ledger. Nothing is edited: corrections are reversing postings.</summary>
public sealed class Ledger(IBundlinjeStore store, ICurrentUser user, TimeProvider clock)
{
    public async Task<LedgerPosting> PostAsync(string fundKey, LedgerLine line, LedgerSource source = LedgerSource.Manual,
        CancellationToken ct = default) =>
        await PostAsync(await FundAsync(fundKey, ct), line, source, ct);

    /// <summary>For a caller that has loaded the fund (a page of the fund's route).</summary>
    public async Task<LedgerPosting> PostAsync(Fund fund, LedgerLine line, LedgerSource source = LedgerSource.Manual,
        CancellationToken ct = default)
    {
        var posting = await AddAsync(fund, line, source, null, ct);
        await store.SaveChangesAsync(ct);
        return posting;
    }

    /// <summary>Checks and adds a posting without saving, so a caller can save it together with what it belongs to.</summary>
    public async Task<LedgerPosting> AddAsync(string fundKey, LedgerLine line, LedgerSource source, string? sourceReference,
        CancellationToken ct = default) =>
        await AddAsync(await FundAsync(fundKey, ct), line, source, sourceReference, ct);

    public async Task<LedgerPosting> AddAsync(Fund fund, LedgerLine line, LedgerSource source, string? sourceReference,
        CancellationToken ct = default)
    {
        int? investmentId = null;
        if (line.Investment is { } key)
            investmentId = (await store.Investments.FirstOrDefaultAsync(i => i.Key == key && i.FundId == fund.Id, ct))?.Id
                ?? throw Refused.At("investment", "ledger.unknownInvestment", key);
        return await AddAsync(fund, investmentId, line, source, sourceReference, ct);
    }

    /// <summary>A posting of a loaded investment (with its fund) in its fund: the line names no other investment.</summary>
    public async Task<LedgerPosting> AddAsync(Investments.Investment investment, LedgerLine line, LedgerSource source,
        string? sourceReference, CancellationToken ct = default)
    {
        line.Investment = investment.Key;
        return await AddAsync(investment.Fund ?? throw new InvalidOperationException("Load the investment with its fund."),
            investment.Id, line, source, sourceReference, ct);
    }

    private async Task<LedgerPosting> AddAsync(Fund fund, int? investmentId, LedgerLine line, LedgerSource source,
        string? sourceReference, CancellationToken ct)
    {
        if (LedgerRules.Check(line).FirstOrDefault() is { } problem) throw new Refused(Refusal.Labelled(problem.Field!, problem));
        if (line.Basis == LedgerBasis.Actual) await RefuseIfClosedAsync(fund.Id, line.FiscalYear, ct);
        var posting = new LedgerPosting
        {
            FundId = fund.Id, Pot = line.Pot, FiscalYear = line.FiscalYear, EntryDate = line.EntryDate
                ?? new DateOnly(line.FiscalYear, 12, 31),
            Kind = line.Kind, Basis = line.Basis, Amount = line.Amount, Category = line.Category, InvestmentId = investmentId,
            Payer = line.Payer, Metric = line.Metric, Source = source, SourceReference = sourceReference, Text = line.Text,
            PostedBy = user.Name, PostedAt = clock.GetUtcNow(),
        };
        store.LedgerPostings.Add(posting);
        return posting;
    }

    /// <summary>Undoes a posting by a posting of the opposite amount that names it and the reason.</summary>
    public async Task<LedgerPosting> ReverseAsync(int postingId, string reason, CancellationToken ct = default) =>
        await ReverseAsync(await store.LedgerPostings.AsNoTracking().FirstOrDefaultAsync(p => p.Id == postingId, ct)
            ?? throw new Refused("ledger.postingNotFound", postingId), reason, ct);

    /// <summary>Reverses a posting of <paramref name="fund"/> (a page of the fund's route); another fund's posting is
    /// <see cref="NotFound"/>.</summary>
    public async Task<LedgerPosting> ReverseAsync(Fund fund, int postingId, string reason, CancellationToken ct = default) =>
        await ReverseAsync(await store.LedgerPostings.AsNoTracking().FirstOrDefaultAsync(p => p.Id == postingId && p.FundId == fund.Id, ct)
            ?? throw new NotFound("posting", postingId), reason, ct);

    private async Task<LedgerPosting> ReverseAsync(LedgerPosting original, string reason, CancellationToken ct)
    {
        var postingId = original.Id;
        if (string.IsNullOrWhiteSpace(reason)) throw Refused.At("reason", "ledger.reversalNeedsReason");
        if (original.Reverses is not null) throw new Refused("ledger.reversalOfReversal", postingId);
        if (await store.LedgerPostings.AnyAsync(p => p.Reverses == postingId, ct))
            throw new Refused("ledger.alreadyReversed", postingId);
        if (original.Basis == LedgerBasis.Actual) await RefuseIfClosedAsync(original.FundId, original.FiscalYear, ct);
        var reversal = AddReversal(original, reason);
        // The unique index on Reverses decides a race between two reversals of one posting; the loser is told.
        try { await store.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (StoreConflict.IsUniqueViolation(e))
        {
            StoreConflict.ForgetAdded(store);
            throw new Refused("ledger.reversedConcurrently", postingId);
        }
        return reversal;
    }

    /// <summary>Adds the reversal of a posting without saving, for a caller that saves it together with other postings
    /// (a budget booking) and has checked that the posting is neither a reversal nor reversed; the unique index on
    /// Reverses still decides a race.</summary>
    public LedgerPosting AddReversal(LedgerPosting original, string reason, LedgerSource source = LedgerSource.Manual,
        string? sourceReference = null)
    {
        var postingId = original.Id;
        var reversal = new LedgerPosting
        {
            FundId = original.FundId, Pot = original.Pot, FiscalYear = original.FiscalYear,
            EntryDate = original.Basis == LedgerBasis.Budget ? original.EntryDate : clock.Today(),
            Kind = original.Kind, Basis = original.Basis, Amount = -original.Amount, Category = original.Category,
            InvestmentId = original.InvestmentId, Payer = original.Payer, Metric = original.Metric, Source = source,
            SourceReference = sourceReference, Text = $"Tilbageførsel af postering {postingId}: {reason.Trim()}", Reverses = postingId,
            PostedBy = user.Name, PostedAt = clock.GetUtcNow(),
        };
        store.LedgerPostings.Add(reversal);
        return reversal;
    }

    public async Task CloseYearAsync(string fundKey, int year, CancellationToken ct = default) =>
        await CloseYearAsync(await FundAsync(fundKey, ct), year, ct);

    public async Task CloseYearAsync(Fund fund, int year, CancellationToken ct = default)
    {
        await RefuseIfClosedAsync(fund.Id, year, ct);
        store.ClosedFiscalYears.Add(
            new ClosedFiscalYear { FundId = fund.Id, Year = year, ClosedBy = user.Name, ClosedAt = clock.GetUtcNow() });
        try { await store.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (StoreConflict.IsUniqueViolation(e))
        {
            StoreConflict.ForgetAdded(store);
            throw new Refused("ledger.closedConcurrently", year);
        }
    }

    private async Task<Fund> FundAsync(string fundKey, CancellationToken ct) =>
        await store.Funds.FirstOrDefaultAsync(f => f.Key == fundKey, ct) ?? throw new Refused("fund.unknown", fundKey);

    public static Refusal Closed(ClosedFiscalYear closed) =>
        Refusal.At("fiscalYear", "ledger.closedYear", closed.Year, closed.ClosedBy, closed.ClosedAt);

    private async Task RefuseIfClosedAsync(int fundId, int year, CancellationToken ct)
    {
        var closed = await store.ClosedFiscalYears.AsNoTracking().FirstOrDefaultAsync(c => c.FundId == fundId && c.Year == year, ct);
        if (closed is not null) throw new Refused(Closed(closed));
    }
}
