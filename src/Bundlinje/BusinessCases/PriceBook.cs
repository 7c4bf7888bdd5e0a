using Bundlinje.Common;

namespace Bundlinje.BusinessCases;

/// <summary>
/// The unit price of every consequence of a case at the case's price year: the case's own price (an override, with its
/// reason) or the catalogue's, moved from its price year by the fund's index (price × index(case year) / index(price
/// year), rounded to øre). A code not in the catalogue or a year not in the index is a refusal at the consequence's path.
/// </summary>
public sealed class PriceBook
{
    private readonly decimal[][] prices;

    private PriceBook(decimal[][] prices) => this.prices = prices;

    public decimal this[int outcome, int consequence] => prices[outcome][consequence];

    /// <summary>Where each price came from, for the page and the Excel sheet: "catalogue:herberg-doegn (2023 → 2024)",
    /// "override: reason" or "case".</summary>
    public IReadOnlyList<IReadOnlyList<string>> Sources { get; private init; } = [];

    public static PriceBook Resolve(BusinessCase c, IReadOnlyCollection<UnitPrice> catalogue, IReadOnlyDictionary<int, decimal> index)
    {
        var byCode = catalogue.ToDictionary(p => p.Code, StringComparer.Ordinal);
        var problems = new List<Refusal>();
        var prices = new decimal[c.Outcomes.Count][];
        var sources = new List<IReadOnlyList<string>>();
        foreach (var (o, i) in c.Outcomes.Select((x, i) => (x, i)))
        {
            prices[i] = new decimal[o.Consequences.Count];
            var outcomeSources = new List<string>();
            foreach (var (q, j) in o.Consequences.Select((x, j) => (x, j)))
            {
                var at = $"$.case.outcomes[{i}].consequences[{j}]";
                if (q.UnitPrice is { } own)
                {
                    prices[i][j] = own;
                    outcomeSources.Add(q.PriceCode is null ? "case" : $"override: {q.OverrideReason}");
                    continue;
                }
                if (!byCode.TryGetValue(q.PriceCode!, out var listed))
                {
                    problems.Add(Refusal.At($"{at}.priceCode", "businessCase.unknownPriceCode", q.PriceCode));
                    outcomeSources.Add("");
                    continue;
                }
                if (listed.PriceYear == c.PriceYear)
                {
                    prices[i][j] = listed.Price;
                    outcomeSources.Add($"catalogue:{listed.Code} ({listed.PriceYear})");
                    continue;
                }
                var missing = new[] { listed.PriceYear, c.PriceYear }.Where(y => !index.ContainsKey(y)).ToList();
                foreach (var year in missing)
                    problems.Add(Refusal.At($"{at}.priceCode", "businessCase.noPriceIndex", year, listed.PriceYear, c.PriceYear));
                if (missing.Count == 0)
                    prices[i][j] = decimal.Round(listed.Price * index[c.PriceYear] / index[listed.PriceYear], 2,
                        MidpointRounding.AwayFromZero);
                outcomeSources.Add($"catalogue:{listed.Code} ({listed.PriceYear} → {c.PriceYear})");
            }
            sources.Add(outcomeSources);
        }
        if (problems.Count > 0) throw BusinessCaseFile.Rejected(problems);
        return new PriceBook(prices) { Sources = sources };
    }
}
