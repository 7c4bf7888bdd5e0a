using Microsoft.AspNetCore.Identity;

namespace Bundlinje.Web.Pages.Account;

/// <summary>"Log ud": a new security stamp ends every session of the account on the server (a saved cookie is dead
/// afterwards, see SessionCheck), then the cookie is removed from the browser.</summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<BundlinjeUser> signIn, UserManager<BundlinjeUser> users) : PageModel
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user) await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
