namespace Bundlinje.Data.Migrations;

/// <summary>
/// The hand-written SQL behind the "Trust" migration, kept here so the migration can be regenerated: the CHECK that bounds
/// every stored amount (|amount| ≤ 10^12 kr., at most two decimals; see Kroner.Max) and the append-only triggers that
/// SQLite loses when EF rebuilds a table to add a CHECK (put back by <see cref="SqliteRebuildKeepsAppendOnly"/>).
/// </summary>
internal static class TrustSql
{
    public const string MaxKroner = "1000000000000";

    /// <summary>The CHECK expression for a money column. SQLite keeps decimals as text ("12345.5"), so it compares the
    /// value as a number and counts the digits after the point; PostgreSQL's numeric(18,2) already has two decimals.</summary>
    public static string MoneyCheck(string column, bool sqlite) => sqlite
        ? $"\"{column}\" IS NULL OR (abs(CAST(\"{column}\" AS REAL)) <= {MaxKroner} AND (instr(CAST(\"{column}\" AS TEXT), '.') = 0 OR length(CAST(\"{column}\" AS TEXT)) - instr(CAST(\"{column}\" AS TEXT), '.') <= 2))"
        : $"\"{column}\" IS NULL OR abs(\"{column}\") <= {MaxKroner}";

    /// <summary>The tables the database keeps append-only (see AppendOnly), with the message their triggers raise.</summary>
    public static readonly IReadOnlyDictionary<string, string> AppendOnlyTables = new Dictionary<string, string>
    {
        ["AuditEntries"] = "the audit log is append-only",
        ["LedgerPostings"] = "the ledger is append-only",
        ["ParticipantAccesses"] = "the participant access log is append-only",
        ["FollowUpRuns"] = "a follow-up run is never changed",
        ["Approvals"] = "an approval records a signed decision and is never changed",
    };

    /// <summary>The SQLite append-only triggers of a table, created only where missing (after EF rebuilt the table).</summary>
    public static IEnumerable<string> SqliteAppendOnlyTriggers(string table)
    {
        var message = AppendOnlyTables[table];
        yield return $"CREATE TRIGGER IF NOT EXISTS {table}_no_update BEFORE UPDATE ON {table} BEGIN SELECT RAISE(ABORT, '{message}'); END;";
        yield return $"CREATE TRIGGER IF NOT EXISTS {table}_no_delete BEFORE DELETE ON {table} BEGIN SELECT RAISE(ABORT, '{message}'); END;";
    }
}
