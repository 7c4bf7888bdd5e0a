using Bundlinje.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Bundlinje.Data;

// Used only by `dotnet ef migrations add`; no database is contacted.
internal sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteBundlinjeDb>
{
    public SqliteBundlinjeDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteBundlinjeDb>().UseSqlite("Data Source=design.db")
            .ReplaceService<Microsoft.EntityFrameworkCore.Migrations.IMigrationsSqlGenerator, Migrations.SqliteRebuildKeepsAppendOnly>()
                .Options, new FixedUser("design"), TimeProvider.System);
}

internal sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresBundlinjeDb>
{
    public PostgresBundlinjeDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresBundlinjeDb>().UseNpgsql("Host=localhost;Database=design").Options,
            new FixedUser("design"), TimeProvider.System);
}
