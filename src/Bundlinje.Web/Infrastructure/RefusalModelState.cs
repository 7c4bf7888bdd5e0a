using Bundlinje.Common;
using Bundlinje.Data.Texts;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Bundlinje.Web.Infrastructure;

/// <summary>How a page shows a domain refusal: each reason rendered from resources in the request's UI culture
/// (<see cref="RefusalText"/>) and added to ModelState, which _Errors.cshtml and the fields' validation messages show.</summary>
public static class RefusalModelState
{
    /// <param name="key">The ModelState key of a reason's field (e.g. field => $"Input.{field}"); string.Empty (the form's
    /// summary) when null or when it gives null.</param>
    /// <param name="max">At most this many reasons (a file with thousands of bad rows shows the first ones).</param>
    public static void AddRefusal(this ModelStateDictionary modelState, Refused refused, Func<string?, string?>? key = null, int max = 30)
    {
        if (RefusalText.Heading(refused) is { } heading) modelState.AddModelError(string.Empty, heading + ":");
        foreach (var problem in refused.Problems.Take(max))
            modelState.AddModelError(key?.Invoke(problem.Field) ?? string.Empty, RefusalText.Render(problem));
    }

    /// <summary>One reason under a ModelState key, rendered in the request's UI culture.</summary>
    public static void AddRefusal(this ModelStateDictionary modelState, string key, Refusal refusal) =>
        modelState.AddModelError(key, RefusalText.Render(refusal));

    /// <summary>A refusal as problem details (400) for /api: the text in the request's UI culture, and per reason its
    /// stable code, field (or JSON path) and text, so a client can act on the code whatever the language.</summary>
    public static IResult Problem(Refused refused) => TypedResults.Problem(
        detail: RefusalText.Message(refused), statusCode: StatusCodes.Status400BadRequest,
        extensions: new Dictionary<string, object?>
        {
            ["code"] = refused.Code,
            ["errors"] = refused.Problems.Select(p => new { p.Code, p.Field, Message = RefusalText.Render(p) }).ToList(),
        });
}
