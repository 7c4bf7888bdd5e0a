using Microsoft.AspNetCore.Localization;

namespace Bundlinje.Web.Pages;

/// <summary>The language switch: stores the UI language in a cookie; numbers stay da-DK. The public pages switch with a link
/// (GET with <c>culture</c>): they carry no form, so their cached copies carry no antiforgery token.</summary>
[AllowAnonymous]
public sealed class LanguageModel(TimeProvider clock) : PageModel
{
    public IActionResult OnGet(string? culture, string? returnUrl) => culture is "da" or "en" ? OnPost(culture, returnUrl) : NotFound();

    public IActionResult OnPost(string culture, string? returnUrl)
    {
        var ui = culture == "en" ? "en" : "da-DK";
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture("da-DK", ui)),
            new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
