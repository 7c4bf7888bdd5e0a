using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Bundlinje.Data;

/// <summary>
/// SQLite under concurrent writers: every connection is put in WAL mode (readers never block the writer and the writer never
/// blocks readers) with a busy timeout, so a writer waits its turn instead of failing with "database is locked". Writes are
/// serialised by Microsoft.Data.Sqlite's transactions, which begin IMMEDIATE (the write lock is taken at BEGIN, so two
/// transactions cannot both read and then deadlock on upgrading to write); unique indexes decide who wins a race.
/// Both settings belong to the native connection (WAL even to the file), and Microsoft.Data.Sqlite pools native
/// connections: the PRAGMAs run when a native connection is first opened, not on every open from the pool.
/// </summary>
internal sealed class SqliteConcurrency : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 30000; PRAGMA journal_mode = WAL;";

    /// <summary>The native connections (sqlite3 handles) that have had the PRAGMAs; a handle closed for good is collected.</summary>
    private static readonly ConditionalWeakTable<object, object> Prepared = new();

    private static bool IsNew(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || Prepared.TryAdd(handle, Prepared);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!IsNew(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (!IsNew(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
