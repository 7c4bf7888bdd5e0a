using Microsoft.EntityFrameworkCore;

namespace Bundlinje.BusinessCases;

/// <summary>The demo's business cases (embedded <c>BusinessCases/Demo/*.json</c>): MSB's "Økonomi – frem til 2030" for
/// Havnen, Hjem, Job og Helhed, Dialog mod Vold, Lær for Livet and UngiFokus, and the IPS investments' expected municipal
/// proceeds, priced from the fund's demo unit-price catalogue (<see cref="UnitPriceFile"/>). Where the sources give only
/// totals, each file's assumptions say what the demo assumed.</summary>
public sealed class DemoBusinessCases(Common.IBundlinjeStore store, BusinessCases cases)
{
    public static IReadOnlyList<string> Files => typeof(DemoBusinessCases).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith("Bundlinje.BusinessCases.Demo.", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

    public static string Read(string resource)
    {
        using var stream = typeof(DemoBusinessCases).Assembly.GetManifestResourceStream(resource)!;
        return new StreamReader(stream).ReadToEnd();
    }

    /// <summary>Loads the demo unit-price catalogue and index into fund 'aarhus' when it has none, then saves each demo case
    /// whose investment exists in the fund and has no case yet.</summary>
    public async Task LoadAsync(CancellationToken ct = default)
    {
        if (await store.Funds.FirstOrDefaultAsync(f => f.Key == "aarhus", ct) is { } aarhus
            && !await store.UnitPrices.AnyAsync(p => p.FundId == aarhus.Id, ct))
        {
            var file = UnitPriceFile.ReadDemo();
            store.UnitPrices.AddRange(file.Prices(aarhus.Id));
            if (!await store.PriceIndices.AnyAsync(p => p.FundId == aarhus.Id, ct))
                store.PriceIndices.AddRange(
                    file.PriceIndex.Select(r => new PriceIndex { FundId = aarhus.Id, Year = r.Year, Value = r.Value }));
            await store.SaveChangesAsync(ct);
        }
        foreach (var json in Files.Select(Read))
        {
            var c = BusinessCaseFile.Read(json);
            var investment = await store.Investments.AsNoTracking().Include(i => i.Fund)
                .FirstOrDefaultAsync(i => i.Key == c.Investment && i.Fund!.Key == "aarhus", ct);
            if (investment is null
                || await store.BusinessCases.AnyAsync(b => b.InvestmentId == investment.Id && b.Part == (c.Part ?? ""), ct))
                continue;
            await cases.SaveAsync(investment, c, ct);
        }
    }
}
