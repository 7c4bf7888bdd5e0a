using Bundlinje.FollowUps;

namespace Bundlinje.Data.Migrations;

/// <summary>The SQL behind the "MeasureCatalogue" migration's data: every fund that exists when the migration runs gets the
/// seed catalogue (<see cref="Measures.Seed"/>); funds created later get it when they are created (BundlinjeDb).
/// The same statement works on SQLite and PostgreSQL.</summary>
internal static class MeasureSeedSql
{
    public static string Insert()
    {
        static string Text(string value) => "'" + value.Replace("'", "''") + "'";
        var rows = Measures.Seed.Select(s =>
            $"({Text(s.Code)}, {Text(s.NameDa)}, {Text(s.NameEn)}, {Text(s.Unit.ToString())}, {Text(s.ValueType.ToString())}, {s.Decimals}, {Text(s.Source.ToString())})");
        return $"""
            INSERT INTO "Measures" ("FundId", "Code", "NameDa", "NameEn", "Unit", "ValueType", "Decimals", "Source", "Version")
            SELECT f."Id", s.column1, s.column2, s.column3, s.column4, s.column5, s.column6, s.column7, 0
            FROM "Funds" AS f CROSS JOIN (VALUES {string.Join(",\n    ", rows)}) AS s
            """;
    }
}
