using Bundlinje.Common;
using Bundlinje.Security;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Data;

/// <summary>A department's assessors are the accounts with the analyst role scoped to that department.</summary>
public sealed class AssessorDirectory(BundlinjeDb db) : IAssessorDirectory
{
    public async Task<IReadOnlyList<string>> AddressesAsync(string organisationKey, CancellationToken ct = default)
    {
        var analysts = from claim in db.UserClaims
                       where claim.ClaimType == Roles.ScopeClaim && claim.ClaimValue == organisationKey
                       join userRole in db.UserRoles on claim.UserId equals userRole.UserId
                       join role in db.Roles on userRole.RoleId equals role.Id
                       where role.Name == Roles.DepartmentAnalyst
                       join user in db.Users on claim.UserId equals user.Id
                       where user.Email != null
                       select user.Email!;
        return await analysts.Distinct().OrderBy(e => e).ToListAsync(ct);
    }
}
