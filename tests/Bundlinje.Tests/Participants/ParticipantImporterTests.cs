using System.Text;
using Bundlinje.Common;
using Bundlinje.Data;
using Bundlinje.Participants;
using Bundlinje.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Tests.Participants;

/// <summary>The participant import on a real SQLite database, with a file larger than one save chunk (10.000 rows).</summary>
public sealed class ParticipantImporterTests : IAsyncLifetime
{
    private BundlinjeFactory factory = null!;
    public ValueTask InitializeAsync() { factory = BundlinjeFactory.Sqlite(); return ValueTask.CompletedTask; }
    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    private static string Csv(int rows, string lastStatus = "active") =>
        "cpr,cohort,group,enrolled,status\n" + string.Concat(Enumerable.Range(0, rows).Select(i =>
            $"{1_000_000_000L + i},2023,{(i % 2 == 0 ? "treatment" : "control")},2023-01-01,{(i == rows - 1 ? lastStatus : "active")}\n"));

    private Task<ParticipantImportResult> ImportAsync(string csv) => factory.WithAsync(db =>
    {
        var user = new FixedUser("test");
        return new ParticipantImporter(db, new ParticipantStore(db, user, TimeProvider.System), new Pseudonymiser(PseudonymiserTests.Key),
            new Bundlinje.Data.Spreadsheets.MiniExcelSheets(), user, TimeProvider.System)
            .ImportAsync("ungifokus", "deltagere.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv)));
    });

    private int Count() =>
        factory.With(db => db.Participants.Count(p => db.Investments.Any(i => i.Id == p.InvestmentId && i.Key == "ungifokus")));

    [Fact]
    public async Task A_file_of_more_rows_than_one_save_is_stored_whole_once_and_a_later_file_only_updates_status()
    {
        var before = Count();
        Assert.Equal(new ParticipantImportResult(10_001, 0), await ImportAsync(Csv(10_001)));
        Assert.Equal(before + 10_001, Count());
        Assert.Equal(1, factory.With(db => db.ParticipantImports.Count(i => i.Added == 10_001)));

        // The same people again, the last one completed: nothing added, one status updated.
        Assert.Equal(new ParticipantImportResult(0, 1), await ImportAsync(Csv(10_001, lastStatus: "completed")));
        Assert.Equal(before + 10_001, Count());

        // 4.999 new people and one known person with another cohort: the file is refused whole, none of the new people is stored.
        var refused = await Assert.ThrowsAsync<Refused>(() => ImportAsync(Csv(15_000).Replace("1000010000,2023,", "1000010000,2024,")));
        Assert.Equal(["Række 10002: personen er allerede indskrevet med en anden kohorte, gruppe eller indskrivningsdato; kun status kan " +
            "ændres."], refused.DaProblems());
        Assert.Equal(before + 10_001, Count());
        Assert.Equal(2, factory.With(db => db.ParticipantImports.AsNoTracking().Count(i => i.FileName == "deltagere.csv")));
    }
}
