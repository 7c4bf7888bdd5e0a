namespace Bundlinje.Web.Pages.Proposals;

/// <summary>The receipt after the public form: the reference number to quote.</summary>
[AllowAnonymous]
public sealed class ReceivedModel : PageModel
{
    [FromQuery] public string? Reference { get; set; }
}
