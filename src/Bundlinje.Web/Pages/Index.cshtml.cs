
namespace Bundlinje.Web.Pages;

[AllowAnonymous]
public sealed class IndexModel : PageModel
{
    public void OnGet() { }
}
