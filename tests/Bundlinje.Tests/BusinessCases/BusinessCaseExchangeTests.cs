using System.Globalization;
using System.Text;
using Bundlinje.BusinessCases;
using Bundlinje.Common;
using Bundlinje.Data.Texts;
using Bundlinje.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Tests.BusinessCases;

/// <summary>The demo app on SQLite, shared by the tests of a class (each test uses its own investments' cases).</summary>
public sealed class BusinessCaseApp : IAsyncLifetime
{
    public BundlinjeFactory Factory { get; } = BundlinjeFactory.Sqlite();
    public string Folder { get; } = Directory.CreateTempSubdirectory("bundlinje-businesscase-").FullName;

    public ValueTask InitializeAsync()
    {
        _ = Factory.Services; // migrates and loads the demo with its business cases
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}

/// <summary>Business cases exported and imported through <see cref="BusinessCaseExchange"/> and the `bundlinje
/// businesscase` command on a demo database: the round trip stores nothing new and computes the same, an analyst's edit
/// is the next revision, a hostile file is refused at its cell and stores nothing.</summary>
public sealed class BusinessCaseExchangeTests(BusinessCaseApp app) : IClassFixture<BusinessCaseApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<T> WithExchange<T>(Func<BusinessCaseExchange, Task<T>> use)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<BusinessCaseExchange>());
    }

    private Task<ComputedCase> ComputeAsync(string investment, string? part = null) =>
        WithExchange(async x => await x.ComputeAsync(await x.InvestmentAsync(investment, Ct), part: part, ct: Ct));

    private Task<byte[]> ExportAsync(string investment, string format = "xlsx", string? part = null) =>
        WithExchange(async x => (await x.ExportAsync(await x.InvestmentAsync(investment, Ct), format, part: part, ct: Ct)).Content);

    private Task<CaseImport> ImportAsync(string fileName, byte[] content) =>
        WithExchange(x => x.ImportAsync(fileName, new MemoryStream(content), Ct));

    private Task<int> RevisionsAsync(string investment) =>
        app.Factory.WithAsync(db => db.BusinessCases.CountAsync(b => db.Investments.Any(i => i.Id == b.InvestmentId && i.Key == investment),
            Ct));

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(app.Folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    [Fact]
    public async Task Havnen_goes_to_excel_and_back_unchanged_and_an_edited_price_is_the_next_revision_with_the_new_figures()
    {
        var before = await ComputeAsync("housing-first", "Havnen");
        var xlsx = await ExportAsync("housing-first", part: "Havnen");
        var revisions = await RevisionsAsync("housing-first");

        var same = await ImportAsync("havnen.xlsx", xlsx);
        Assert.True(same.Unchanged);
        Assert.Equal(before.Stored.Id, same.Stored.Id);
        Assert.Equal(before.Stored.Hash, same.Stored.Hash);
        Assert.Equal(revisions, await RevisionsAsync("housing-first"));
        var again = await ComputeAsync("housing-first", "Havnen");
        Assert.Equal(before.Result.Years, again.Result.Years);
        Assert.Equal(before.Result.NetPresentValue, again.Result.NetPresentValue);
        Assert.Equal(before.Result.BreakEvenYear, again.Result.BreakEvenYear);

        // The analyst replaces the catalogue's shelter night (1.044,11 kr. at 2024 prices) by a price of 500 kr. of the case's
        // own in Konsekvenser!F2, with the reason in H2.
        Assert.Null(Workbooks.Cell(xlsx, "Konsekvenser", "F2"));
        var edited = await ImportAsync("havnen.xlsx",
            Workbooks.Edit(Workbooks.Edit(xlsx, "Konsekvenser", "F2", 500), "Konsekvenser", "H2", "Aftalt pris"));
        Assert.False(edited.Unchanged);
        Assert.Equal(before.Stored.Revision + 1, edited.Stored.Revision);
        Assert.Equal("Havnen", edited.Stored.Part);
        Assert.Equal(revisions + 1, await RevisionsAsync("housing-first"));
        var after = await ComputeAsync("housing-first", "Havnen");
        Assert.Equal(edited.Stored.Id, after.Stored.Id);
        Assert.Equal(500m, after.Case.Outcomes[0].Consequences[0].UnitPrice);
        var (oldGross, newGross) = (before.Result.Years.Sum(y => y.Gross), after.Result.Years.Sum(y => y.Gross));
        Assert.Equal(500m / 1_044.11m, newGross / oldGross, 3); // each year rounds to øre
        Assert.Equal(before.Result.Years.Select(y => y.Cost), after.Result.Years.Select(y => y.Cost));
        Assert.NotEqual(before.Result.NetPresentValue, after.Result.NetPresentValue);
        // The other part's case is untouched.
        Assert.Equal(1, (await ComputeAsync("housing-first", "Hjem, Job og Helhed")).Stored.Revision);
    }

    [Fact]
    public async Task Hostile_workbooks_are_refused_at_their_cells_and_nothing_is_stored()
    {
        var xlsx = await ExportAsync("dialog-mod-vold");
        var revisions = await RevisionsAsync("dialog-mod-vold");
        async Task<string> RefusedAsync(byte[] content, string name = "dmv.xlsx") =>
            RefusalText.Message(await Assert.ThrowsAsync<Refused>(() => ImportAsync(name, content)), RefusalText.Danish);

        Assert.Contains("Ark 'Omkostninger', række 2, kolonne B: skal være et tal, ikke teksten 'gratis'.",
            await RefusedAsync(Workbooks.Edit(xlsx, "Omkostninger", "B2", "gratis")));
        Assert.Contains("Ark 'Omkostninger', række 2, kolonne B: beløbet",
            await RefusedAsync(Workbooks.Edit(xlsx, "Omkostninger", "B2", 9_999_999_999_999m)));
        Assert.Contains("arket 'Effekter' mangler", await RefusedAsync(Workbooks.RemoveSheet(xlsx, "Effekter")));
        Assert.Contains("filen er ikke en Excel-projektmappe", await RefusedAsync(Encoding.UTF8.GetBytes("<html>hej</html>")));
        Assert.Contains("filen fylder 10.485.760 bytes", await RefusedAsync(new byte[10 * 1024 * 1024]));
        // The checks that need the database name the cell too: the investment, its agreement versions and parts, the catalogue.
        Assert.Contains("Ark 'Inputs', række 3, kolonne B: Ukendt investering 'findes-ikke'.",
            await RefusedAsync(Workbooks.Edit(xlsx, "Inputs", "B3", "findes-ikke")));
        Assert.Contains("Ark 'Inputs', række 4, kolonne B: investeringen har ingen aftaleversion 9.",
            await RefusedAsync(Workbooks.Edit(xlsx, "Inputs", "B4", 9)));
        Assert.Contains("Ark 'Inputs', række 5, kolonne B: investeringen har ikke delprojektet 'Vest'",
            await RefusedAsync(Workbooks.Edit(xlsx, "Inputs", "B5", "Vest")));
        var unknownCode = Workbooks.Edit(Workbooks.Edit(xlsx, "Konsekvenser", "F2", null), "Konsekvenser", "G2", "ingen-saadan-kode");
        Assert.Contains("Ark 'Konsekvenser', række 2, kolonne G: 'ingen-saadan-kode' findes ikke i fondens enhedspriskatalog.",
            await RefusedAsync(unknownCode));
        Assert.Contains("'dmv.csv' er hverken en .xlsx- eller en .json-fil.", await RefusedAsync(xlsx, "dmv.csv"));

        Assert.Equal(revisions, await RevisionsAsync("dialog-mod-vold"));
    }

    [Fact]
    public async Task The_command_line_exports_imports_and_shows_a_case()
    {
        var xlsx = Path.Combine(app.Folder, "ungifokus.xlsx");
        var (exit, output, error) = await app.Factory.CliAsync("businesscase", "export", "--investment", "ungifokus", "--out", xlsx);
        Assert.True(exit == 0, error);
        Assert.Contains("Wrote the business case of ungifokus", output);

        (exit, output, error) = await app.Factory.CliAsync("businesscase", "import", xlsx);
        Assert.True(exit == 0, error);
        Assert.Contains("Unchanged: the file holds revision 1", output);

        var edited = Write("ungifokus-edited.xlsx", Workbooks.Edit(File.ReadAllBytes(xlsx), "Omkostninger", "B2", 1_000_000));
        (exit, output, error) = await app.Factory.CliAsync("businesscase", "import", edited);
        Assert.True(exit == 0, error);
        Assert.Contains("Stored revision 2 of the business case (agreement version 1)", output);

        (exit, output, error) = await app.Factory.CliAsync("businesscase", "show", "--investment", "ungifokus", "--format", "csv");
        Assert.True(exit == 0, error);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal("year,cost,gross,repayment,net,cumulativeNet", lines[0]);
        var c = Workbooks.Demo("ungifokus");
        var years = lines.Skip(1).TakeWhile(l => l != "")
            .Select(l => l.Split(',').Select(x => decimal.Parse(x, CultureInfo.InvariantCulture)).ToArray()).ToList();
        Assert.Equal(Enumerable.Range(c.StartYear, c.HorizonYears).Select(y => (decimal)y), years.Select(y => y[0]));
        Assert.Equal(1_000_000m, years[0][1]); // the edited first year's cost
        Assert.Equal(1_000_000m + c.Costs.Skip(1).Sum(x => x.Amount), years.Sum(y => y[1]));
        Assert.Equal(years.Sum(y => y[4]), years[^1][5]);
        Assert.All(years, y => Assert.Equal(y[2] - y[1], y[4]));
        Assert.StartsWith("breakEvenYear,", lines[^2]);
        Assert.Matches(@"^netPresentValue,-?\d+(\.\d+)?$", lines[^1]);

        (exit, output, error) = await app.Factory.CliAsync("businesscase", "show", "--investment", "ungifokus", "--format", "json");
        Assert.True(exit == 0, error);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal(2, json.RootElement.GetProperty("revision").GetInt32());
        Assert.Equal(c.HorizonYears, json.RootElement.GetProperty("years").GetArrayLength());
        Assert.Equal(years.Sum(y => y[4]), json.RootElement.GetProperty("years")[c.HorizonYears - 1].GetProperty("cumulativeNet")
            .GetDecimal());
        Assert.True(json.RootElement.TryGetProperty("netPresentValue", out _));
        Assert.Equal(0.035m, json.RootElement.GetProperty("discountRates").GetProperty("short").GetDecimal());
    }

    [Fact]
    public async Task The_command_line_imports_and_exports_the_json_case_file_too()
    {
        var file = Path.Combine(app.Folder, "laer-for-livet.json");
        var (exit, _, error) = await app.Factory.CliAsync("businesscase", "export", "--investment", "laer-for-livet", "--out", file);
        Assert.True(exit == 0, error);
        Assert.Equal(BusinessCaseFile.Hash(Workbooks.Demo("laer-for-livet")), BusinessCaseFile.Hash(BusinessCaseFile.Read(
            File.ReadAllText(file))));
        var (_, output, _) = await app.Factory.CliAsync("businesscase", "import", file);
        Assert.Contains("Unchanged", output);
        Assert.True((await ImportAsync("with-bom.json", [.. Encoding.UTF8.GetPreamble(), .. File.ReadAllBytes(file)])).Unchanged);
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"title\": \"", "\"title\": \"Revideret: "));
        (exit, output, error) = await app.Factory.CliAsync("businesscase", "import", file);
        Assert.True(exit == 0, error);
        Assert.Contains("Stored revision 2", output);
        Assert.StartsWith("Revideret: ", (await ComputeAsync("laer-for-livet")).Case.Title);
    }

    [Fact]
    public async Task The_command_line_renders_refusals_in_danish_or_english()
    {
        var xlsx = await ExportAsync("din-vej-i-job");
        var bad = Write("din-vej-i-job.xlsx", Workbooks.Edit(xlsx, "Kohorter", "B2", "tolv"));
        var revisions = await RevisionsAsync("din-vej-i-job");

        var (exit, _, error) = await app.Factory.CliAsync("businesscase", "import", bad);
        Assert.Equal(1, exit);
        Assert.Equal("bundlinje: Business casen er afvist (1 fejl): Ark 'Kohorter', række 2, kolonne B: skal være et tal, ikke teksten " +
            "'tolv'.", error.Trim());
        (exit, _, error) = await app.Factory.CliAsync("businesscase", "import", bad, "--lang", "en");
        Assert.Equal(1, exit);
        Assert.Contains("Sheet 'Kohorter', row 2, column B: must be a number, not the text 'tolv'.", error);
        Assert.Equal(revisions, await RevisionsAsync("din-vej-i-job"));

        (exit, _, error) = await app.Factory.CliAsync("businesscase", "show", "--investment", "housing-first", "--format", "csv");
        Assert.Equal(1, exit);
        Assert.Contains("Investeringen 'housing-first' har en business case pr. delprojekt; vælg et af: Havnen, Hjem, Job og Helhed.",
            error);
        (exit, _, error) = await app.Factory.CliAsync("businesscase", "show", "--investment", "housing-first", "--part", "Havnen",
            "--version", "4");
        Assert.Equal(1, exit);
        Assert.Contains("Investeringen 'housing-first' har ingen business case for aftaleversion 4 (har: 1).", error);
        (exit, _, error) = await app.Factory.CliAsync("businesscase", "show", "--investment", "findes-ikke", "--lang", "en");
        Assert.Equal(1, exit);
        Assert.Contains("Unknown investment 'findes-ikke'.", error);
    }

    [Fact]
    public void The_csv_is_written_in_the_invariant_culture_whatever_the_thread_culture()
    {
        var computed = Workbooks.Computed(Workbooks.Demo("havnen"));
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = RefusalText.Danish;
            var csv = BusinessCaseExchange.ToCsv(computed);
            Assert.Contains("\n2021,3200000,0,0,-3200000,-3200000\n", csv);
            Assert.Contains($"netPresentValue,{computed.Result.NetPresentValue.ToString(CultureInfo.InvariantCulture)}\n", csv);
        }
        finally { CultureInfo.CurrentCulture = previous; }
    }
}
