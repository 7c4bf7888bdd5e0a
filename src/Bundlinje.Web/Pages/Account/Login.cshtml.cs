using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;

namespace Bundlinje.Web.Pages.Account;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<BundlinjeUser> signIn, IAuthenticationSchemeProvider schemes) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }
    public bool SingleSignOn { get; private set; }

    public async Task OnGetAsync() =>
        SingleSignOn = await schemes.GetSchemeAsync(OpenIdConnectDefaults.AuthenticationScheme) is not null;

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Error = "Skriv både e-mail og adgangskode.";
            await OnGetAsync();
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/Portfolio");
        Error = result.IsLockedOut ? "Kontoen er midlertidigt spærret efter for mange forsøg." : "Forkert e-mail eller adgangskode.";
        await OnGetAsync();
        return Page();
    }

    public IActionResult OnPostSingleSignOn() =>
        Challenge(new AuthenticationProperties { RedirectUri = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/Portfolio" },
            OpenIdConnectDefaults.AuthenticationScheme);
}
