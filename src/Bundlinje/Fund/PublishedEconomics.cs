using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Bundlinje.Common;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Fund;

/// <summary>The economics table a fund published for a year (the council's annual report, "row,column,value" in 1.000 kr.),
/// kept so the year's annual report can say which published figures differ from the computed ones. A new row per save
/// (append-only); the highest <see cref="Revision"/> of a fund and year is the current one.</summary>
public sealed class PublishedEconomicsTable : Entity, IAppendOnly
{
    string IAppendOnly.Refusal => "A published table is kept as stored; store a new revision instead.";
    public int FundId { get; set; }
    public int Year { get; set; }
    public int Revision { get; set; }
    public required string FileName { get; set; }
    /// <summary>The cells as JSON (<see cref="PublishedCell"/>s).</summary>
    public required string Cells { get; set; }
    public required string Sha256 { get; set; }
    public required string StoredBy { get; set; }
    public DateTimeOffset StoredAt { get; set; }

    public IReadOnlyList<PublishedCell> Read() => JsonSerializer.Deserialize<List<PublishedCell>>(Cells) ?? [];
}

/// <summary>Storing and reading the tables a fund published.</summary>
public sealed class PublishedTables(IBundlinjeStore store, ICurrentUser user, TimeProvider clock)
{
    /// <summary>Stores the cells as the fund's published table of <paramref name="year"/> (a new revision; the same cells as
    /// the current revision store nothing and return it). Two stores at once: the unique index tells the second.</summary>
    public async Task<PublishedEconomicsTable> StoreAsync(Fund fund, int year, string fileName, IReadOnlyList<PublishedCell> cells,
        CancellationToken ct = default)
    {
        if (year is < 2000 or > 2100) throw Refused.At("Year", "report.yearRange", year);
        if (cells.Count == 0) throw Refused.At("Published", "published.empty");
        var json = JsonSerializer.Serialize(cells);
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        var current = await CurrentAsync(fund, year, ct);
        if (current?.Sha256 == sha) return current;
        var table = new PublishedEconomicsTable
        {
            FundId = fund.Id, Year = year, Revision = (current?.Revision ?? 0) + 1, FileName = fileName, Cells = json, Sha256 = sha,
            StoredBy = user.Name, StoredAt = clock.GetUtcNow(),
        };
        store.PublishedEconomicsTables.Add(table);
        await store.SaveOnceAsync(Refusal.Of("published.storedConcurrently"), ct);
        return table;
    }

    /// <summary>The current published table of the fund and year, or null when none is stored.</summary>
    public Task<PublishedEconomicsTable?> CurrentAsync(Fund fund, int year, CancellationToken ct = default) =>
        store.PublishedEconomicsTables.AsNoTracking().Where(t => t.FundId == fund.Id && t.Year == year)
            .OrderByDescending(t => t.Revision).FirstOrDefaultAsync(ct);

    /// <summary>The demo's published 2024 table (the council's annual report 2024, table 2, in 1.000 kr.), stored with the demo
    /// fund when none is stored for 2024.</summary>
    public async Task LoadDemoAsync(Fund fund, CancellationToken ct = default)
    {
        if (await CurrentAsync(fund, 2024, ct) is not null) return;
        using var stream = typeof(PublishedTables).Assembly.GetManifestResourceStream("Bundlinje.Fund.aarhus-published-2024.csv")
            ?? throw new InvalidOperationException("The demo's published table is not embedded in the assembly.");
        await StoreAsync(fund, 2024, "aarhus-published-2024.csv", PublishedTable.ReadCsv(new StreamReader(stream).ReadToEnd()), ct);
    }

    /// <summary>The years with a stored published table, newest first.</summary>
    public Task<List<int>> YearsAsync(Fund fund, CancellationToken ct = default) =>
        store.PublishedEconomicsTables.AsNoTracking().Where(t => t.FundId == fund.Id).Select(t => t.Year).Distinct()
            .OrderByDescending(y => y).ToListAsync(ct);
}
