using System.Security.Claims;
using Bundlinje.Security;
using Microsoft.AspNetCore.Identity;

namespace Bundlinje.Data;

public sealed class AccountRejected(string message) : Exception(message);

/// <summary>Creates local accounts with one role and its scope keys (fund keys or organisation keys).</summary>
public sealed class Accounts(UserManager<BundlinjeUser> users, RoleManager<IdentityRole> roles, BundlinjeDb db)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)));
    }

    public async Task<BundlinjeUser> AddAsync(string email, string role, IReadOnlyCollection<string> scopes, string password,
        string? displayName = null)
    {
        if (!Roles.All.Contains(role))
            throw new AccountRejected($"Unknown role '{role}'; use one of {string.Join(", ", Roles.All)}.");
        if (scopes.Count == 0)
            throw new AccountRejected(
                $"Role {role} needs at least one --scope ({(Roles.ScopedToFund(role) ? "a fund key" : "an organisation key")}).");
        var known = Roles.ScopedToFund(role)
            ? db.Funds.Select(f => f.Key).ToHashSet()
            : db.Organisations.Select(o => o.Key).ToHashSet();
        var unknown = scopes.Where(s => !known.Contains(s)).ToList();
        if (unknown.Count > 0)
            throw new AccountRejected($"Unknown scope key(s) for {role}: {string.Join(", ", unknown)}.");
        if (await users.FindByEmailAsync(email) is not null)
            throw new AccountRejected($"A user with e-mail {email} already exists.");

        await EnsureRolesAsync();
        var user = new BundlinjeUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName ?? email };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        Check(await users.AddClaimsAsync(user, scopes.Select(s => new Claim(Roles.ScopeClaim, s))));
        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new AccountRejected(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
