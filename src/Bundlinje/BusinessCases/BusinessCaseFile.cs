using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Bundlinje.Common;
using Bundlinje.Portfolio;

namespace Bundlinje.BusinessCases;

/// <summary>The exchange format "bundlinje-business-case/1" (docs/business-cases.md): one business case, checked field by
/// field with every problem at its JSON path.</summary>
public sealed record BusinessCaseFile(string? Format, string? About, BusinessCase? Case)
{
    public const string CurrentFormat = "bundlinje-business-case/1";
    public const string Subject = "subject.businessCase";

    /// <summary>The longest horizon a case may have (SØM's frames run 10–20 years; the discount bands run to 70+).</summary>
    public const int MaxHorizon = 100;

    public static Refused Rejected(params IReadOnlyList<Refusal> problems) => PortfolioJson.Rejected(problems, Subject);

    public static BusinessCase Read(string json)
    {
        BusinessCaseFile? file;
        try { file = JsonSerializer.Deserialize<BusinessCaseFile>(json, PortfolioJson.Options); }
        catch (JsonException e) { throw Rejected(PortfolioJson.SyntaxProblem(e)); }
        var problems = new List<Refusal>();
        if (file?.Format != CurrentFormat) problems.Add(Refusal.At("$.format", "file.formatMustBe", CurrentFormat));
        if (file?.Case is not { } c) throw Rejected([.. problems, Refusal.At("$.case", "file.missing")]);
        problems.AddRange(Problems(c));
        if (problems.Count > 0) throw Rejected(problems);
        return c with { Part = string.IsNullOrWhiteSpace(c.Part) ? null : c.Part.Trim() };
    }

    public static string Write(BusinessCase c, string? about = null) =>
        JsonSerializer.Serialize(new BusinessCaseFile(CurrentFormat, about, c), PortfolioJson.Options);

    public static string Hash(BusinessCase c) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(c, PortfolioJson.Options))));

    /// <summary>Every problem of a case, at its JSON path (the same checks for a file, the Excel sheets and the form).</summary>
    public static IEnumerable<Refusal> Problems(BusinessCase c)
    {
        if (string.IsNullOrWhiteSpace(c.Investment)) yield return Refusal.At("$.case.investment", "file.required");
        if (string.IsNullOrWhiteSpace(c.Title)) yield return Refusal.At("$.case.title", "file.required");
        if (c.AgreementVersion < 1) yield return Refusal.At("$.case.agreementVersion", "businessCase.versionPositive", c.AgreementVersion);
        if (c.StartYear is < 1990 or > 2100) yield return Refusal.At("$.case.startYear", "businessCase.yearRange", c.StartYear);
        if (c.PriceYear is < 1990 or > 2100) yield return Refusal.At("$.case.priceYear", "businessCase.yearRange", c.PriceYear);
        if (c.HorizonYears is < 1 or > MaxHorizon)
            yield return Refusal.At("$.case.horizonYears", "businessCase.horizonRange", c.HorizonYears, MaxHorizon);
        var inHorizon = (int year) => year >= c.StartYear && year <= c.EndYear;
        foreach (var (p, i) in (c.Participants ?? []).Select((x, i) => (x, i)))
        {
            if (!inHorizon(p.Year))
                yield return Refusal.At($"$.case.participants[{i}].year", "businessCase.outsideHorizon", p.Year, c.StartYear, c.EndYear);
            if (p.Count is < 0 or > 1_000_000)
                yield return Refusal.At($"$.case.participants[{i}].count", "businessCase.countRange", p.Count);
        }
        foreach (var (cost, i) in (c.Costs ?? []).Select((x, i) => (x, i)))
        {
            if (!inHorizon(cost.Year))
                yield return Refusal.At($"$.case.costs[{i}].year", "businessCase.outsideHorizon", cost.Year, c.StartYear, c.EndYear);
            if (Kroner.RangeProblem(cost.Amount) is { } range) yield return range.AtPath($"$.case.costs[{i}].amount");
            if (string.IsNullOrWhiteSpace(cost.Payer)) yield return Refusal.At($"$.case.costs[{i}].payer", "file.required");
        }
        var holders = (c.Holders ?? []).Select(h => h.Key).ToList();
        foreach (var duplicate in holders.GroupBy(k => k).Where(g => g.Count() > 1))
            yield return Refusal.At("$.case.holders", "paymentModel.duplicateKey", duplicate.Key, duplicate.Count());
        foreach (var (h, i) in (c.Holders ?? []).Select((x, i) => (x, i)))
        {
            if (string.IsNullOrWhiteSpace(h.Key)) yield return Refusal.At($"$.case.holders[{i}].key", "file.required");
            if (string.IsNullOrWhiteSpace(h.Department)) yield return Refusal.At($"$.case.holders[{i}].department", "file.required");
        }
        if ((c.Outcomes ?? []).Count == 0) yield return Refusal.At("$.case.outcomes", "businessCase.noOutcomes");
        foreach (var duplicate in (c.Outcomes ?? []).GroupBy(o => o.Key).Where(g => g.Count() > 1))
            yield return Refusal.At("$.case.outcomes", "paymentModel.duplicateKey", duplicate.Key, duplicate.Count());
        foreach (var (o, i) in (c.Outcomes ?? []).Select((x, i) => (x, i)))
        {
            var at = $"$.case.outcomes[{i}]";
            if (string.IsNullOrWhiteSpace(o.Key)) yield return Refusal.At($"{at}.key", "file.required");
            if (string.IsNullOrWhiteSpace(o.Name)) yield return Refusal.At($"{at}.name", "file.required");
            if (o.SuccessRate is < 0 or > 1) yield return Refusal.At($"{at}.successRate", "businessCase.shareRange", o.SuccessRate);
            if (o.RepaymentShare is < 0 or > 1)
                yield return Refusal.At($"{at}.repaymentShare", "businessCase.shareRange", o.RepaymentShare);
            if (o.LagYears is < 0 or > MaxHorizon)
                yield return Refusal.At($"{at}.lagYears", "businessCase.yearsRange", o.LagYears, MaxHorizon);
            if (o.DurationYears is < 1 or > MaxHorizon)
                yield return Refusal.At($"{at}.durationYears", "businessCase.durationRange", o.DurationYears, MaxHorizon);
            if (o.RepaymentCap is { } cap && Kroner.RangeProblem(cap) is { } capRange) yield return capRange.AtPath($"{at}.repaymentCap");
            if ((o.Consequences ?? []).Count == 0) yield return Refusal.At($"{at}.consequences", "businessCase.noConsequences");
            foreach (var (q, j) in (o.Consequences ?? []).Select((x, j) => (x, j)))
            {
                var qat = $"{at}.consequences[{j}]";
                if (string.IsNullOrWhiteSpace(q.Service)) yield return Refusal.At($"{qat}.service", "file.required");
                if (!holders.Contains(q.Holder))
                    yield return Refusal.At($"{qat}.holder", "businessCase.unknownHolder", q.Holder, string.Join(", ", holders));
                if (Math.Abs(q.ChangePerYear) > 100_000)
                    yield return Refusal.At($"{qat}.changePerYear", "businessCase.changeRange", q.ChangePerYear);
                if (q.UnitPrice is null && string.IsNullOrWhiteSpace(q.PriceCode))
                    yield return Refusal.At($"{qat}.unitPrice", "businessCase.priceMissing");
                if (q.UnitPrice is { } price && Kroner.RangeProblem(price) is { } priceRange)
                    yield return priceRange.AtPath($"{qat}.unitPrice");
                if (q.UnitPrice is not null && !string.IsNullOrWhiteSpace(q.PriceCode) && string.IsNullOrWhiteSpace(q.OverrideReason))
                    yield return Refusal.At($"{qat}.overrideReason", "businessCase.overrideNeedsReason", q.PriceCode);
            }
        }
    }
}
