using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Bundlinje.Data.Migrations;

/// <summary>
/// SQLite cannot ALTER a table to add a CHECK (or change a column), so EF copies the table into a new one and drops the
/// old, at the end of the migration; the old table's triggers go with it. After any migration that may have rebuilt an
/// append-only table, this puts its triggers back (only where missing), so migrations stay as EF generates them.
/// </summary>
internal sealed class SqliteRebuildKeepsAppendOnly(MigrationsSqlGeneratorDependencies dependencies, IRelationalAnnotationProvider annotations)
    : SqliteMigrationsSqlGenerator(dependencies, annotations)
{
    public override IReadOnlyList<MigrationCommand> Generate(IReadOnlyList<MigrationOperation> operations, IModel? model = null,
        MigrationsSqlGenerationOptions options = MigrationsSqlGenerationOptions.Default)
    {
        var commands = base.Generate(operations, model, options);
        var touched = operations
            .Where(o => o is not (CreateTableOperation or DropTableOperation or RenameTableOperation or CreateIndexOperation or DropIndexOperation
                or RenameIndexOperation or InsertDataOperation or UpdateDataOperation or DeleteDataOperation or SqlOperation))
            .OfType<ITableMigrationOperation>().Select(o => o.Table).Where(TrustSql.AppendOnlyTables.ContainsKey).Distinct().ToList();
        if (touched.Count == 0) return commands;
        var builder = new MigrationCommandListBuilder(Dependencies);
        foreach (var sql in touched.SelectMany(TrustSql.SqliteAppendOnlyTriggers)) builder.Append(sql).EndCommand();
        return [.. commands, .. builder.GetCommandList()];
    }
}
