using Microsoft.AspNetCore.Mvc.Filters;

namespace Bundlinje.Web.Infrastructure;

/// <summary>The limit on uploads of participant and register files, which are held in memory and never buffered to disk.</summary>
public static class Uploads
{
    public const long MaxBytes = Bundlinje.Data.RegisterData.RegisterStore.MaxUploadBytes;
    public const string TooLargeQuery = "upload";

    public static string TooLargeMessage =>
        $"Fil: filen er større end {MaxBytes / 1024 / 1024} MB, som er grænsen for en upload; del den op eller brug kommandoen bundlinje.";
}

/// <summary>
/// Reads the form before antiforgery does (which would answer a bare 400); a form over the upload limit sends the user
/// back to the page with a Danish message naming the field instead. Nothing of the upload is kept.
/// </summary>
public sealed class UploadLimitAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public int Order => 950; // after RequestFormLimits has set the limits, before antiforgery (1000)

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (!request.HasFormContentType) return;
        try { await request.ReadFormAsync(context.HttpContext.RequestAborted); }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            context.Result = new RedirectResult($"{request.PathBase}{request.Path}?{Uploads.TooLargeQuery}=for-stor");
        }
    }
}
