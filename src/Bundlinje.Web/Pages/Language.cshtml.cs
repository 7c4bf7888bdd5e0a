using Microsoft.AspNetCore.Localization;

namespace Bundlinje.Web.Pages;

/// <summary>The language switch: stores the UI language in a cookie; numbers stay da-DK.</summary>
[AllowAnonymous]
public sealed class LanguageModel(TimeProvider clock) : PageModel
{
    public IActionResult OnGet() => NotFound();

    public IActionResult OnPost(string culture, string? returnUrl)
    {
        var ui = culture == "en" ? "en" : "da-DK";
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture("da-DK", ui)),
            new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
