using System.Text.Json;
using Bundlinje.Portfolio;

namespace Bundlinje.BusinessCases;

/// <summary>A fund's unit-price catalogue and price index as a file ("bundlinje-unit-prices/1"): the demo's
/// (<c>BusinessCases/aarhus-unit-prices.json</c>), or an analyst's.</summary>
public sealed record UnitPriceFile(string? Format, string? About, IReadOnlyList<UnitPriceFile.IndexRow> PriceIndex,
    IReadOnlyList<UnitPriceFile.PriceRow> UnitPrices)
{
    public const string CurrentFormat = "bundlinje-unit-prices/1";

    public sealed record IndexRow(int Year, decimal Value);

    public sealed record PriceRow(string Code, string Service, string Unit, decimal Price, int PriceYear, string Source, string? Department,
        PublicLevel Level);

    public static UnitPriceFile ReadDemo()
    {
        using var stream = typeof(UnitPriceFile).Assembly.GetManifestResourceStream("Bundlinje.BusinessCases.aarhus-unit-prices.json")
            ?? throw new InvalidOperationException("The demo unit prices are not embedded in the assembly.");
        return JsonSerializer.Deserialize<UnitPriceFile>(stream, PortfolioJson.Options)!;
    }

    public List<UnitPrice> Prices(int fundId) => UnitPrices.Select(p => new UnitPrice
    {
        FundId = fundId, Code = p.Code, Service = p.Service, Unit = p.Unit, Price = p.Price, PriceYear = p.PriceYear, Source = p.Source,
        Department = p.Department, Level = p.Level,
    }).ToList();

    public Dictionary<int, decimal> Index => PriceIndex.ToDictionary(r => r.Year, r => r.Value);
}
