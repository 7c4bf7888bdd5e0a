using Microsoft.EntityFrameworkCore.Migrations;

namespace Bundlinje.Data.Migrations;

/// <summary>Triggers that make the database itself refuse UPDATE and DELETE on a table, per provider.</summary>
internal static class AppendOnly
{
    public static void Sqlite(MigrationBuilder b, string table, string message)
    {
        b.Sql($"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} BEGIN SELECT RAISE(ABORT, '{message}'); END;");
        b.Sql($"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} BEGIN SELECT RAISE(ABORT, '{message}'); END;");
    }

    public static void DropSqlite(MigrationBuilder b, string table)
    {
        b.Sql($"DROP TRIGGER {table}_no_update;");
        b.Sql($"DROP TRIGGER {table}_no_delete;");
    }

    public static void Postgres(MigrationBuilder b, string table, string message)
    {
        var name = $"{table.ToLowerInvariant()}_append_only";
        b.Sql($"""
            CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{message}'; END; $$;
            CREATE TRIGGER {name} BEFORE UPDATE OR DELETE ON "{table}" FOR EACH ROW EXECUTE FUNCTION {name}();
            """);
    }

    public static void DropPostgres(MigrationBuilder b, string table)
    {
        var name = $"{table.ToLowerInvariant()}_append_only";
        b.Sql($"""DROP TRIGGER {name} ON "{table}"; DROP FUNCTION {name}();""");
    }
}
