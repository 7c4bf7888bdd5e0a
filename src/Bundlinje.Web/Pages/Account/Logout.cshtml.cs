using Microsoft.AspNetCore.Identity;

namespace Bundlinje.Web.Pages.Account;

[AllowAnonymous]
public sealed class LogoutModel(SignInManager<BundlinjeUser> signIn) : PageModel
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
