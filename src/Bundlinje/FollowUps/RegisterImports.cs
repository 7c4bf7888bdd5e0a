using Bundlinje.Common;
using Bundlinje.Investments;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.FollowUps;

/// <summary>Loading a register extract into the register store, its measure codes checked against a fund's catalogue
/// (with their value types): from an investment's page (the route's investment) or from the CLI (a file, optionally
/// checked against an investment's fund; without one, against every fund's codes).</summary>
public sealed class RegisterImports(IBundlinjeStore store, IRegisterStore register, ICurrentUser user)
{
    public async Task<long> ImportAsync(Investment investment, Stream content, string fileName, CancellationToken ct = default) =>
        register.Import(content, fileName, user.Name, await MeasureCatalogue.ValueTypesAsync(store, investment.FundId, ct));

    public async Task<long> ImportAsync(string path, string? investmentKey, CancellationToken ct = default)
    {
        var known = investmentKey is null
            ? await MeasureCatalogue.AllValueTypesAsync(store, ct)
            : await MeasureCatalogue.ValueTypesAsync(store, await store.Investments.Where(i => i.Key == investmentKey)
                .Select(i => (int?)i.FundId).SingleOrDefaultAsync(ct) ?? throw new Refused("investment.unknown", investmentKey), ct);
        return register.Import(path, user.Name, known);
    }
}
