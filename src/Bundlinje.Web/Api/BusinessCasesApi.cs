using Bundlinje.BusinessCases;

namespace Bundlinje.Web.Api;

public sealed record BusinessCaseYearJson(int Year, decimal Cost, decimal Gross, decimal Repayment, decimal Net, decimal CumulativeNet);
public sealed record BusinessCaseHolderJson(string Key, string Department, bool Decentral, PublicLevel Level, CeilingType Ceiling,
    bool Repays, decimal Gross, decimal Repayment, decimal Net);
public sealed record BusinessCaseJson(
    int Id, int AgreementVersion, string? Part, int Revision, string Title, string SavedBy, DateTimeOffset SavedAt, string Hash,
    int? BreakEvenYear, decimal NetPresentValue, DiscountRates DiscountRates, IReadOnlyList<BusinessCaseYearJson> Years,
    IReadOnlyList<BusinessCaseHolderJson> Holders, IReadOnlyList<SensitivityRow> Sensitivity, IReadOnlyList<string> Assumptions)
{
    public static BusinessCaseJson From(ComputedCase c, DiscountRates rates) => new(
        c.Stored.Id, c.Stored.AgreementVersion, c.Case.Part, c.Stored.Revision, c.Case.Title, c.Stored.SavedBy, c.Stored.SavedAt,
        c.Stored.Hash, c.Result.BreakEvenYear, c.Result.NetPresentValue, rates,
        c.Result.Years.Select(y => new BusinessCaseYearJson(y.Year, y.Cost, y.Gross, y.Repayment, y.Net, y.CumulativeNet)).ToList(),
        c.Case.Holders.Select(h =>
        {
            var (gross, repayment, net) = c.Result.Holders(x => x.Key == h.Key);
            return new BusinessCaseHolderJson(h.Key, h.Department, h.Decentral, h.Level, h.Ceiling, h.Repays, gross, repayment, net);
        }).ToList(),
        c.Sensitivity, c.Case.Assumptions);
}

public static class BusinessCasesApi
{
    public static void MapBusinessCasesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/investments").RequireAuthorization(Policies.Reader).WithTags("Business cases");

        api.MapGet("/{key}/business-cases", async (string key, RouteResources route, BusinessCases.BusinessCases cases,
            CancellationToken ct) =>
        {
            var investment = (await route.InvestmentAsync(key, ct))!; // loaded and authorized by RequireRouteInvestment
            var computed = new List<BusinessCaseJson>();
            foreach (var stored in await cases.CurrentAsync(investment, ct))
                computed.Add(BusinessCaseJson.From(await cases.ComputeAsync(investment, stored, ct), investment.Fund!.DiscountRates));
            return computed;
        }).RequireRouteInvestment(nameof(Operations.Read)).WithName("GetBusinessCases")
          .WithSummary("The investment's current business cases (one per agreement version and part), computed: per year cost, gross " +
              "savings, repayment, net and cumulative net in kr., per budget holder, break-even year, net present value at the " +
              "fund's discount rates and the sensitivity table.");
    }
}
