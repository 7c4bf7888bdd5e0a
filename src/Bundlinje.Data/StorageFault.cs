using Microsoft.Data.Sqlite;
using Npgsql;

namespace Bundlinje.Data;

/// <summary>Tells a database that cannot take writes right now (read-only file or database, disk full, locked, unreachable)
/// from a bug or a constraint violation: the first is worth "try again", the second is not.</summary>
public static class StorageFault
{
    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN
    private static readonly int[] SqliteCodes = [5, 6, 8, 10, 13, 14];

    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException sqlite when SqliteCodes.Contains(sqlite.SqliteErrorCode):
                    return true;
                // Connection problems (08), insufficient resources (53), shutdown (57P), read-only transaction (25006).
                case PostgresException postgres:
                    return postgres.SqlState.StartsWith("08") || postgres.SqlState.StartsWith("53") || postgres.SqlState.StartsWith("57P")
                        || postgres.SqlState == "25006";
                case NpgsqlException:
                    return true;
                case TimeoutException:
                    return true;
            }
        }
        return false;
    }
}
