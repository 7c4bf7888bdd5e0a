using Bundlinje.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;

namespace Bundlinje.Web.Pages;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; } = 500;
    /// <summary>What went wrong in words, when it is something the visitor can act on (too large a file, try again later).</summary>
    public string? Explanation { get; private set; }

    /// <summary>Called by the view, so it runs for every method: a failed form post is re-executed here as a POST (there is
    /// no POST handler, and the form is not read again).</summary>
    public void Describe()
    {
        Code = int.TryParse(Request.Query["code"], out var code) ? code : 500;
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        var error = failure?.Error;
        var endpoint = failure?.Endpoint ?? HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.Endpoint;
        // Kestrel's request limit (raised or lowered per page with [RequestSizeLimit]) and the form reader's multipart limit.
        var formLimit = endpoint?.Metadata.GetMetadata<RequestFormLimitsAttribute>()?.MultipartBodyLengthLimit
            ?? HttpContext.RequestServices
                .GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Features.FormOptions>>()
                .Value.MultipartBodyLengthLimit;
        var limit = Math.Min(HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? long.MaxValue, formLimit);
        // The form reader fails on too large a body, in the antiforgery check (a 400) or in model binding (an exception).
        if ((error is not null && TooLarge(error)) || Request.ContentLength > limit)
        {
            Code = StatusCodes.Status413PayloadTooLarge;
            var field = FieldNames.Of(UploadField(endpoint) ?? "Upload");
            var mb = limit < long.MaxValue ? $" {limit / 1_000_000}" : "";
            Explanation = FieldNames.English
                ? $"{field}: the file is too large to be received" + (mb == "" ? "." : $" (at most{mb} MB in all).")
                    + " Nothing was saved; go back and choose a smaller file."
                : $"{field}: filen er for stor til at blive modtaget" + (mb == "" ? "." : $" (højst{mb} MB i alt).")
                    + " Intet er gemt; gå tilbage og vælg en mindre fil.";
        }
        else if (error is not null && StorageFault.Is(error))
        {
            Code = StatusCodes.Status503ServiceUnavailable;
            Explanation = FieldNames.English
                ? "The system cannot save right now because of a technical fault. Nothing was saved – please try again in a little while."
                : "Systemet kan ikke gemme lige nu på grund af en teknisk fejl. Intet er gemt – prøv igen om lidt.";
        }
        else return;
        Response.StatusCode = Code;
    }

    /// <summary>Kestrel's request-size limit (413) or the form reader's multipart limit, however wrapped.</summary>
    private static bool TooLarge(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
            if (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                || e is InvalidDataException && e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }

    /// <summary>The page's file field, so the message can name it.</summary>
    private static string? UploadField(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<CompiledPageActionDescriptor>()?.HandlerTypeInfo.GetProperties()
            .FirstOrDefault(p => typeof(IFormFile).IsAssignableFrom(p.PropertyType)
                || typeof(IEnumerable<IFormFile>).IsAssignableFrom(p.PropertyType))?.Name;
}
