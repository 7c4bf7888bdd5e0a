using Microsoft.AspNetCore.Identity;

namespace Bundlinje.Data;

/// <summary>A local account. Roles are Identity roles; scope keys are claims of type <c>bundlinje:scope</c>.</summary>
public sealed class BundlinjeUser : IdentityUser
{
    public string? DisplayName { get; set; }
}
