using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Common;

/// <summary>
/// Recognises the database refusing a save because a unique index or a CHECK constraint says no, on SQLite (error 19,
/// "UNIQUE constraint failed" / "CHECK constraint failed") and PostgreSQL (SQLSTATE 23505 / 23514). Services turn these into
/// Danish refusals: the constraint decides who wins a race, the loser is told what happened.
/// </summary>
public static class StoreConflict
{
    public static bool IsUniqueViolation(DbUpdateException e) =>
        e.InnerException is DbException db && (db.SqlState == "23505" || SqliteExtendedCode(db) is SqliteUnique or SqlitePrimaryKey);

    public static bool IsCheckViolation(DbUpdateException e) =>
        e.InnerException is DbException db && (db.SqlState == "23514" || SqliteExtendedCode(db) == SqliteCheck);

    private const int SqliteUnique = 2067, SqlitePrimaryKey = 1555, SqliteCheck = 275;

    /// <summary>SqliteException.SqliteExtendedErrorCode, read without tying the domain to the SQLite provider.</summary>
    private static int? SqliteExtendedCode(DbException db) =>
        db.GetType().GetProperty("SqliteExtendedErrorCode")?.GetValue(db) as int?;

    /// <summary>Saves what a unique index guards (a revision, a number, an approval): when two saves race, the index lets
    /// one through; the other's additions are forgotten and it is refused with <paramref name="refusal"/>.</summary>
    public static async Task SaveOnceAsync(this IBundlinjeStore store, Refusal refusal, CancellationToken ct)
    {
        try { await store.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            ForgetAdded(store);
            throw new Refused(refusal);
        }
    }

    /// <summary>Forgets what a failed save added, so the same unit of work can go on (or try again) without it.</summary>
    public static void ForgetAdded(IBundlinjeStore store)
    {
        foreach (var entry in store.ChangeTracker.Entries().Where(x => x.State == EntityState.Added).ToList())
            entry.State = EntityState.Detached;
    }
}
