using Bundlinje.Peers;
using Bundlinje.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Tests.Peers;

/// <summary>`bundlinje indigo import` of the full public INDIGO export, on SQLite and PostgreSQL.</summary>
public abstract class PeerImportTests : AppTests
{
    private Task<Dictionary<PeerTable, int>> CurrentAsync() => Factory.WithAsync(async db =>
        (await db.PeerRecords.GroupBy(r => new { r.Table, r.Key }).Select(g => g.Key.Table).ToListAsync(
            TestContext.Current.CancellationToken)).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count()));

    private Task<int> StoredAsync() => Factory.WithAsync(db => db.PeerRecords.CountAsync(TestContext.Current.CancellationToken));

    [Fact]
    public async Task The_full_export_is_imported_with_every_row_of_every_table_and_a_second_import_changes_nothing()
    {
        if (Factory is null) return;
        var folder = IndigoExport.Required();
        var (exit, output, error) = await Factory.CliAsync("indigo", "import", folder);
        Assert.True(exit == 0, error);
        Assert.Contains("Imported the INDIGO export", output);

        var current = await CurrentAsync();
        foreach (var (table, _) in PeerTables.Files)
        {
            var rows = IndigoExport.Rows(folder, table);
            Assert.True(rows > 0, $"{table}: no rows in the export");
            Assert.Equal(rows, current.GetValueOrDefault(table));
        }
        // The counts the export's README gives, as a check on the independent count itself.
        Assert.Equal(319, current[PeerTable.Project]);
        Assert.Equal(2232, current[PeerTable.OutcomePayment]);
        var projects = await Factory.WithAsync(db => db.PeerProjects.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(current[PeerTable.Project], projects);

        var (records, audit) = (await StoredAsync(), await Factory.WithAsync(db => db.AuditEntries.CountAsync()));
        (exit, output, error) = await Factory.CliAsync("indigo", "import", folder);
        Assert.True(exit == 0, error);
        Assert.Contains("Nothing changed", output);
        Assert.Equal(records, await StoredAsync());
        Assert.Equal(audit, await Factory.WithAsync(db => db.AuditEntries.CountAsync()));
        Assert.Equal(1, await Factory.WithAsync(db => db.PeerImports.CountAsync()));
    }

    [Fact]
    public async Task A_changed_cell_gets_a_new_revision_the_old_one_is_kept_and_a_row_gone_is_withdrawn()
    {
        if (Factory is null) return;
        var copy = IndigoExport.Copy(IndigoExport.Required());
        try
        {
            Assert.Equal(0, (await Factory.CliAsync("indigo", "import", copy)).Exit);
            var projects = Path.Combine(copy, PeerTables.File(PeerTable.Project));
            const string before = "Vulnerable citizens with type 2 diabetes";
            var text = await File.ReadAllTextAsync(projects, TestContext.Current.CancellationToken);
            Assert.Single(text.Split(before)[1..]);
            await File.WriteAllTextAsync(projects, text.Replace(before, before + " (edited)"), TestContext.Current.CancellationToken);
            // The last result row of the file goes.
            var results = Path.Combine(copy, PeerTables.File(PeerTable.Result));
            var resultRows = IndigoExport.Rows(copy, PeerTable.Result);
            var lastResult = await Factory.WithAsync(db => db.PeerRecords.Where(r => r.Table == PeerTable.Result)
                .OrderByDescending(r => r.Row).FirstAsync());
            var resultText = await File.ReadAllTextAsync(results, TestContext.Current.CancellationToken);
            var cut = resultText.LastIndexOf("\n" + lastResult.ProjectId + ",", StringComparison.Ordinal);
            await File.WriteAllTextAsync(results, resultText[..(cut + 1)], TestContext.Current.CancellationToken);
            Assert.Equal(resultRows - 1, IndigoExport.Rows(copy, PeerTable.Result));

            var (exit, output, error) = await Factory.CliAsync("indigo", "import", copy);
            Assert.True(exit == 0, error);
            Assert.Matches(@"Project\s+319\s+0\s+1\s+0\s+318", output);

            var revisions = await Factory.WithAsync(db => db.PeerRecords.Where(r => r.Key == "INDIGO-POJ-0266")
                .OrderBy(r => r.Revision).ToListAsync());
            Assert.Equal([1, 2], revisions.Select(r => r.Revision));
            Assert.Equal(before, revisions[0].Parsed().Value(PeerProjectFacts.TargetPopulation));
            Assert.Equal(before + " (edited)", revisions[1].Parsed().Value(PeerProjectFacts.TargetPopulation));
            var project = await Factory.WithAsync(db => db.PeerProjects.SingleAsync(p => p.IndigoId == "INDIGO-POJ-0266"));
            Assert.Equal((2, before + " (edited)"), (project.Revision, project.TargetPopulation));

            var withdrawn = await Factory.WithAsync(db => db.PeerRecords.Where(r => r.Table == PeerTable.Result && r.Key == lastResult.Key)
                .OrderBy(r => r.Revision)
                .ToListAsync());
            Assert.Equal([(1, false), (2, true)], withdrawn.Select(r => (r.Revision, r.Withdrawn)));
            Assert.Equal(withdrawn[0].Fields, withdrawn[1].Fields);
        }
        finally { Directory.Delete(copy, recursive: true); }
    }

    [Fact]
    public async Task A_broken_export_is_refused_naming_each_file_and_row_and_nothing_is_written()
    {
        if (Factory is null) return;
        var copy = IndigoExport.Copy(IndigoExport.Required());
        try
        {
            // An investment row of an unknown project: the first data row (row 2) names one that does not exist.
            var investments = Path.Combine(copy, PeerTables.File(PeerTable.Investment));
            var lines = (await File.ReadAllLinesAsync(investments, TestContext.Current.CancellationToken)).ToList();
            Assert.StartsWith("INDIGO-POJ-0001,", lines[1]);
            lines[1] = "INDIGO-POJ-9999," + lines[1]["INDIGO-POJ-0001,".Length..];
            await File.WriteAllLinesAsync(investments, lines, TestContext.Current.CancellationToken);
            // A quote inside an unquoted cell of the funds file's row 3.
            var funds = Path.Combine(copy, PeerTables.File(PeerTable.Fund));
            var fundLines = (await File.ReadAllLinesAsync(funds, TestContext.Current.CancellationToken)).ToList();
            var at = fundLines[2].IndexOf(',', StringComparison.Ordinal);
            fundLines[2] = fundLines[2][..(at + 1)] + "Bad \"quote" + fundLines[2][(at + 1)..];
            await File.WriteAllLinesAsync(funds, fundLines, TestContext.Current.CancellationToken);

            var (exit, _, error) = await Factory.CliAsync("indigo", "import", copy);
            Assert.Equal(1, exit);
            Assert.Contains("INDIGO-eksporten er afvist", error);
            Assert.Contains("original_funds.csv, række 3: citationstegn midt i et felt uden citationstegn", error);
            Assert.Equal(0, await StoredAsync());

            // With the funds file mended, the unknown project is the one problem left.
            File.Copy(Path.Combine(IndigoExport.Required(), PeerTables.File(PeerTable.Fund)), funds, overwrite: true);
            (exit, _, error) = await Factory.CliAsync("indigo", "import", copy);
            Assert.Equal(1, exit);
            Assert.Contains("original_projects_investments.csv, række 2: ukendt projekt-id 'INDIGO-POJ-9999'", error);
            Assert.Equal(0, await StoredAsync());
            Assert.Equal(0, await Factory.WithAsync(db => db.PeerProjects.CountAsync()));
            Assert.Equal(0, await Factory.WithAsync(db => db.PeerImports.CountAsync()));
        }
        finally { Directory.Delete(copy, recursive: true); }
    }
}

public sealed class SqlitePeerImportTests : PeerImportTests
{
    protected override Task<BundlinjeFactory?> CreateFactoryAsync() => Task.FromResult<BundlinjeFactory?>(BundlinjeFactory.Sqlite());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresPeerImportTests(PostgresCluster cluster) : PeerImportTests
{
    protected override async Task<BundlinjeFactory?> CreateFactoryAsync()
    {
        if (cluster.Unavailable is { } reason) { Requirement.Missing(reason); return null; }
        return BundlinjeFactory.Postgres(await cluster.CreateDatabaseAsync());
    }
}
