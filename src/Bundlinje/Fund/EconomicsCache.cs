using System.Collections.Concurrent;

namespace Bundlinje.Fund;

/// <summary>A cheap summary of everything a fund's economics table is computed from: the fund's own record (defaults,
/// horizon, name), its postings (append-only, so their count and highest id change with every new posting or reversal),
/// its investments (a rename or new key bumps an investment's <c>Version</c>, so the sum moves) and its closed years.
/// Read in one query; when it is unchanged, the table is too.</summary>
public sealed record EconomicsFingerprint(
    int FundVersion, int Postings, int LastPosting, int Investments, int LastInvestment, long InvestmentVersions, int ClosedYears,
        int LastClosedYear);

/// <summary>What <see cref="FundEconomics"/> reads from the database for a fund, loaded once per fingerprint.</summary>
public sealed class FundBooks(Fund fund, IReadOnlyList<LedgerEntry> entries, IReadOnlyDictionary<string, string> names, int? lastClosedYear)
{
    public Fund Fund { get; } = fund;
    public IReadOnlyList<LedgerEntry> Entries { get; } = entries;
    public IReadOnlyDictionary<string, string> InvestmentNames { get; } = names;
    public int? LastClosedYear { get; } = lastClosedYear;
    /// <summary>Fund-wide tables already built from these books, per what-if parameters.</summary>
    internal ConcurrentDictionary<EconomicsOptions, EconomicsTable?> Tables { get; } = new();
}

/// <summary>One process-wide cache of each fund's books and fund-wide tables, keyed by the fund's
/// <see cref="EconomicsFingerprint"/>: a request that finds the fingerprint unchanged reuses the loaded postings and the
/// computed table; any posting, reversal, closed year, investment or fund edit changes the fingerprint, and the next
/// request loads afresh. One entry per fund (the newest), so memory stays bounded by the number of funds.</summary>
public sealed class EconomicsCache
{
    private readonly ConcurrentDictionary<int, (EconomicsFingerprint Fingerprint, FundBooks Books)> books = new();
    private int loads, builds;

    /// <summary>How many times books were read from the database (for tests and diagnostics).</summary>
    public int Loads => loads;
    /// <summary>How many fund-wide tables were computed (for tests and diagnostics).</summary>
    public int Builds => builds;

    internal async Task<FundBooks> BooksAsync(int fundId, EconomicsFingerprint fingerprint, Func<Task<FundBooks>> load)
    {
        if (books.TryGetValue(fundId, out var cached) && cached.Fingerprint == fingerprint) return cached.Books;
        Interlocked.Increment(ref loads);
        var loaded = await load();
        books[fundId] = (fingerprint, loaded);
        return loaded;
    }

    /// <summary>At most this many what-if variants are kept per fund; others are computed per request.</summary>
    private const int TablesPerFund = 64;

    internal EconomicsTable? Table(FundBooks books, EconomicsOptions options, Func<EconomicsTable?> build)
    {
        if (books.Tables.TryGetValue(options, out var table)) return table;
        Interlocked.Increment(ref builds);
        table = build();
        if (books.Tables.Count < TablesPerFund) books.Tables.TryAdd(options, table);
        return table;
    }
}
