using Bundlinje.Fund;

namespace Bundlinje.Web.Api;

public static class FundsApi
{
    public static void MapFundsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/funds").RequireAuthorization(Policies.Reader).WithTags("Funds");

        api.MapGet("/{key}/economics", async Task<IResult> (string key, string? format, int? effect, int? laterFrom, DateOnly? countedIn,
            RouteResources route, FundEconomics economics, IEconomicsWorkbook workbook, HttpContext http,
            CancellationToken ct) =>
        {
            var fund = (await route.FundAsync(key, ct))!; // loaded and authorized by RequireRouteFund
            EconomicsReport report;
            try { report = await economics.BuildAsync(fund, new(effect, laterFrom, countedIn), http.User.ToViewer(), ct); }
            catch (Refused e) { return RefusalModelState.Problem(e); }
            try
            {
                var (content, contentType, fileName) = report.Export(format ?? "json", workbook);
                return format is null or "json" ? TypedResults.Bytes(content, contentType)
                    : TypedResults.File(content, contentType, fileName);
            }
            catch (Refused e) { return RefusalModelState.Problem(e); }
        }).RequireRouteFund(nameof(Operations.Read)).WithName("GetFundEconomics")
          .WithSummary("The council's economics table (json in kr.; csv and xlsx in 1.000 kr.) at an effect %, with later years folded " +
              "from laterFrom; rows limited to the caller's investments unless fund-wide.");
    }
}
