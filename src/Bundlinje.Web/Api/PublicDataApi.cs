using System.Globalization;
using System.Text;
using Bundlinje.Publication;

namespace Bundlinje.Web.Api;

/// <summary>Open data (anonymous): <c>/Offentlig/{fund}/data/{investments|results|payments}.{csv|json}</c>, the public pages'
/// data as files (<see cref="OpenData"/>), read from <see cref="PublicFunds"/> only and output-cached like the pages.</summary>
public static class PublicDataApi
{
    public static void MapPublicData(this IEndpointRouteBuilder app) =>
        app.MapGet("/Offentlig/{fund}/data/{file}", async (string fund, string file, PublicFunds funds, CancellationToken ct) =>
        {
            var (name, extension) = (Path.GetFileNameWithoutExtension(file), Path.GetExtension(file));
            if (!OpenData.Files.Contains(name) || extension is not (".csv" or ".json")) return Results.NotFound();
            var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "da";
            if (await funds.DataAsync(fund, language, ct) is not { } data) return Results.NotFound();
            var (text, type) = extension == ".csv" ? (OpenData.Csv(data, name)!, "text/csv; charset=utf-8")
                : (OpenData.Json(data, name)!, "application/json; charset=utf-8");
            var bytes = extension == ".csv" ? [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]
                : Encoding.UTF8.GetBytes(text);
            return Results.File(bytes, type, $"{fund}-{file}");
        }).AllowAnonymous().CacheOutput(PublicCache.Policy).WithTags("Open data").WithName("GetOpenData")
          .WithSummary("The fund's published investments, results or payments as CSV (UTF-8, ';', decimal comma) or JSON.");
}
