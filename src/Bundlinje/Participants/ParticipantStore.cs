using Bundlinje.Common;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Participants;

/// <summary>
/// The way to participant rows. Reads by a person go through <see cref="ReadAsync"/>, which writes an access-log entry
/// in the same call; <see cref="Of"/> is for system processes (imports, follow-up runs), which are recorded as such.
/// </summary>
public sealed class ParticipantStore(IBundlinjeStore store, ICurrentUser user, TimeProvider clock)
{
    public IQueryable<Participant> Of(int investmentId) => store.Participants.Where(p => p.InvestmentId == investmentId);

    public void Add(IEnumerable<Participant> added) => store.Participants.AddRange(added);

    /// <summary>Records that a person saw participant-level rows read elsewhere (e.g. a run's rows in the register store).</summary>
    public async Task LogReadAsync(int investmentId, string what, int rows, CancellationToken ct = default)
    {
        store.ParticipantAccesses.Add(
            new ParticipantAccess { At = clock.GetUtcNow(), User = user.Name, InvestmentId = investmentId, What = what, Rows = rows });
        await store.SaveChangesAsync(ct);
    }

    /// <summary>Participant rows for a person to see; logs who read which investment's rows, what and how many.</summary>
    public async Task<List<Participant>> ReadAsync(int investmentId, string what,
        Func<IQueryable<Participant>, IQueryable<Participant>> query, CancellationToken ct = default)
    {
        var rows = await query(Of(investmentId).AsNoTracking()).ToListAsync(ct);
        await LogReadAsync(investmentId, what, rows.Count, ct);
        return rows;
    }
}
