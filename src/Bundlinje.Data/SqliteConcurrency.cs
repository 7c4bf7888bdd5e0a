using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Bundlinje.Data;

/// <summary>
/// SQLite under concurrent writers: every connection is put in WAL mode (readers never block the writer and the writer never
/// blocks readers) with a busy timeout, so a writer waits its turn instead of failing with "database is locked". Writes are
/// serialised by Microsoft.Data.Sqlite's transactions, which begin IMMEDIATE (the write lock is taken at BEGIN, so two
/// transactions cannot both read and then deadlock on upgrading to write); unique indexes decide who wins a race.
/// </summary>
internal sealed class SqliteConcurrency : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 30000; PRAGMA journal_mode = WAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
