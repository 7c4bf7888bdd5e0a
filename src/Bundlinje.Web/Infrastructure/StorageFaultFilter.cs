using Microsoft.AspNetCore.Mvc.Filters;

namespace Bundlinje.Web.Infrastructure;

/// <summary>On a form that must not lose what was typed (the public proposal form): when the database cannot take the write
/// (<see cref="StorageFault"/>), the form is shown again with everything the visitor typed, a Danish "try again" message
/// and status 503. The write was one transaction, so nothing of it was stored.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class KeepFormOnStorageFaultAttribute : Attribute, IAsyncPageFilter
{
    public const string Message = "Vi kunne ikke gemme det lige nu, fordi systemet har en teknisk fejl. Intet er gemt. " +
        "Det du har skrevet, står stadig i formularen – prøv igen om lidt. Eventuelle bilag skal vælges igen.";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not { } error || executed.ExceptionHandled || !StorageFault.Is(error)) return;
        context.HttpContext.RequestServices.GetRequiredService<ILogger<KeepFormOnStorageFaultAttribute>>()
            .LogError("{Page}: the database could not take the write; the form was shown again with 503 ({Error}).",
                context.ActionDescriptor.ViewEnginePath, error.GetBaseException().GetType().Name + ": " + error.GetBaseException()
                    .Message.ReplaceLineEndings(" "));
        var page = (PageModel)context.HandlerInstance;
        page.ModelState.AddModelError(string.Empty, Message);
        executed.Result = new PageResult { StatusCode = StatusCodes.Status503ServiceUnavailable };
        executed.ExceptionHandled = true;
    }
}
