using Microsoft.EntityFrameworkCore;

namespace Bundlinje.BusinessCases;

/// <summary>The demo's business cases (embedded <c>BusinessCases/Demo/*.json</c>): MSB's "Økonomi – frem til 2030" for
/// Havnen, Hjem, Job og Helhed, Dialog mod Vold, Lær for Livet and UngiFokus, and the IPS investments' expected municipal
/// proceeds. Where the sources give only totals, each file's assumptions say what the demo assumed.</summary>
public sealed class DemoBusinessCases(Common.IBundlinjeStore store, BusinessCases cases)
{
    public static IReadOnlyList<string> Files => typeof(DemoBusinessCases).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith("Bundlinje.BusinessCases.Demo.", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

    public static string Read(string resource)
    {
        using var stream = typeof(DemoBusinessCases).Assembly.GetManifestResourceStream(resource)!;
        return new StreamReader(stream).ReadToEnd();
    }

    /// <summary>Saves each demo case whose investment exists in fund 'aarhus' and has no case yet.</summary>
    public async Task LoadAsync(CancellationToken ct = default)
    {
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
