using System.IO.Compression;
using Bundlinje.BusinessCases;
using Bundlinje.Common;
using Bundlinje.Data.Spreadsheets;
using Bundlinje.Data.Texts;

namespace Bundlinje.Tests.BusinessCases;

/// <summary>The business case workbook (docs/business-cases.md, "Excel"): every demo case survives export and import
/// unchanged; an analyst's edit is read; hostile files are refused naming sheet, row and column.</summary>
public sealed class BusinessCaseWorkbookTests
{
    private static readonly BusinessCaseXlsx Workbook = new();

    private static byte[] Export(string file) => Workbook.Write(Workbooks.Computed(Workbooks.Demo(file)), DiscountRates.Ministry2021);

    private static WorkbookCase Read(byte[] xlsx) => Workbook.Read(new MemoryStream(xlsx));

    private static Refused Refused(byte[] xlsx) => Assert.Throws<Refused>(() => Read(xlsx));

    private static string Danish(Refused refused) => RefusalText.Message(refused, RefusalText.Danish);

    private static string English(Refused refused) => RefusalText.Message(refused, RefusalText.English);

    [Theory]
    [InlineData("havnen")]
    [InlineData("hjem-job-og-helhed")]
    [InlineData("dialog-mod-vold")]
    [InlineData("laer-for-livet")]
    [InlineData("ungifokus")]
    [InlineData("din-vej-i-job")]
    [InlineData("ips-plus")]
    public void Every_demo_case_comes_back_from_its_workbook_unchanged(string file)
    {
        var c = Workbooks.Demo(file);
        var read = Read(Export(file));
        Assert.Equal(BusinessCaseFile.Hash(c), BusinessCaseFile.Hash(read.Case));
        Assert.Equal(BusinessCaseFile.Write(c), BusinessCaseFile.Write(read.Case));
        Assert.Equal(BusinessCaseFile.Hash(c), BusinessCaseFile.Hash(Read(Workbooks.AsExcelSaves(Export(file))).Case));
    }

    [Fact]
    public void The_workbook_has_the_documented_sheets_and_the_computed_figures()
    {
        var computed = Workbooks.Computed(Workbooks.Demo("havnen"));
        var xlsx = Workbook.Write(computed, DiscountRates.Ministry2021);
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(xlsx), false))
            Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken)
                .Select(e => $"{e.Path?.XPath}: {e.Description}"));
        Assert.Equal(["Inputs", "Kohorter", "Omkostninger", "Budgetholdere", "Effekter", "Konsekvenser", "Antagelser", "Resultat",
            "Budgetholdere pr. år", "Følsomhed", "Priser"], Workbooks.SheetNames(xlsx));
        Assert.Equal("housing-first", Workbooks.Cell(xlsx, "Inputs", "B3"));
        Assert.Equal("3200000", Workbooks.Cell(xlsx, "Omkostninger", "B2"));
        Assert.Null(Workbooks.Cell(xlsx, "Konsekvenser", "F2")); // no price of its own: the catalogue's
        Assert.Equal("herberg-doegn", Workbooks.Cell(xlsx, "Konsekvenser", "G2"));
        // Resultat: title, note, header, then one row per year (2021 in row 4).
        var first = computed.Result.Years[0];
        Assert.Equal("2021", Workbooks.Cell(xlsx, "Resultat", "A4"));
        Assert.Equal(first.Cost.ToString(System.Globalization.CultureInfo.InvariantCulture), Workbooks.Cell(xlsx, "Resultat", "B4"));
        var last = computed.Result.Years[^1];
        Assert.Equal(last.CumulativeNet.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Workbooks.Cell(xlsx, "Resultat", $"F{3 + computed.Result.Years.Count}"));
        var npvRow = 3 + computed.Result.Years.Count + 4; // total, blank, break-even, NPV
        Assert.Equal("Nutidsværdi (netto)", Workbooks.Cell(xlsx, "Resultat", $"A{npvRow}"));
        Assert.Equal(computed.Result.NetPresentValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Workbooks.Cell(xlsx, "Resultat", $"B{npvRow}"));
        Assert.Equal(["Enhedspriser", "Rekruttering", "Succesrate"],
            new[] { "A4", "A5", "A6" }.Select(a => Workbooks.Cell(xlsx, "Følsomhed", a)).Order());
        Assert.Equal("Herbergsdøgn (servicelovens § 110)", Workbooks.Cell(xlsx, "Priser", "B4"));
        // 1.020 kr. at 2023 prices × 112,6 / 110,0 = 1.044,11 kr. at 2024 prices
        Assert.Equal("1044.11", Workbooks.Cell(xlsx, "Priser", "D4"));
    }

    [Fact]
    public void An_edited_cell_is_read_and_the_computed_sheets_are_ignored()
    {
        var xlsx = Workbooks.Edit(Export("havnen"), "Konsekvenser", "F2", 500);
        xlsx = Workbooks.Edit(xlsx, "Konsekvenser", "H2", "Aftalt pris");
        xlsx = Workbooks.Edit(xlsx, "Resultat", "B4", "noget helt andet"); // computed: ignored
        xlsx = Workbooks.Edit(xlsx, "Effekter", "C2", new Workbooks.NumberText("0.59999999999999998")); // Excel's binary noise for 60 %
        var read = Read(xlsx).Case;
        Assert.Equal((500m, "Aftalt pris"), (read.Outcomes[0].Consequences[0].UnitPrice, read.Outcomes[0].Consequences[0].OverrideReason));
        Assert.Equal(0.6m, read.Outcomes[0].SuccessRate);
        Assert.Equal(Workbooks.Demo("havnen") with { Outcomes = read.Outcomes }, read, new CaseComparer());
    }

    [Fact]
    public void Danish_choices_and_yes_no_are_read_and_blank_rows_skipped()
    {
        var xlsx = Workbooks.Edit(Export("havnen"), "Budgetholdere", "D2", "Kommune");
        xlsx = Workbooks.Edit(xlsx, "Budgetholdere", "C2", "JA");
        xlsx = Workbooks.Edit(xlsx, "Kohorter", "A7", 2024); // after two blank rows
        xlsx = Workbooks.Edit(xlsx, "Kohorter", "B7", 4);
        var read = Read(xlsx).Case;
        Assert.Equal(PublicLevel.Municipality, read.Holders[0].Level);
        Assert.True(read.Holders[0].Decentral);
        Assert.Equal(new YearCount(2024, 4), read.Participants[^1]);
        Assert.Equal(4, read.Participants.Count);
    }

    [Fact]
    public void Text_in_a_number_cell_is_refused_at_its_sheet_row_and_column_in_danish_and_english()
    {
        var xlsx = Workbooks.Edit(Export("havnen"), "Omkostninger", "B3", "mange penge");
        xlsx = Workbooks.Edit(xlsx, "Konsekvenser", "D2", "færre");
        var refused = Refused(xlsx);
        Assert.Equal(2, refused.Problems.Count);
        Assert.Contains("Business casen er afvist (2 fejl)", Danish(refused));
        Assert.Contains("Ark 'Omkostninger', række 3, kolonne B: skal være et tal, ikke teksten 'mange penge'.", Danish(refused));
        Assert.Contains("Ark 'Konsekvenser', række 2, kolonne D: skal være et tal, ikke teksten 'færre'.", Danish(refused));
        Assert.Contains("Sheet 'Omkostninger', row 3, column B: must be a number, not the text 'mange penge'.", English(refused));
        Assert.Equal("Omkostninger!B3", refused.Problems[0].Field);
    }

    [Fact]
    public void An_absurd_amount_is_refused_at_its_cell()
    {
        var huge = Refused(Workbooks.Edit(Export("havnen"), "Omkostninger", "B2", new Workbooks.NumberText("1E+300")));
        Assert.Contains("Ark 'Omkostninger', række 2, kolonne B: tallet 1E+300 er uden for det mulige område.", Danish(huge));
        var trillions = Refused(Workbooks.Edit(Export("havnen"), "Omkostninger", "B4", 5_000_000_000_000m));
        Assert.StartsWith("Business casen er afvist (1 fejl): Ark 'Omkostninger', række 4, kolonne B: ", Danish(trillions));
        Assert.Equal("amount.outOfRange", ((Refusal)trillions.First.Args[3]!).Code);
    }

    [Fact]
    public void The_case_checks_are_reported_at_the_cells_their_paths_came_from()
    {
        var xlsx = Workbooks.Edit(Export("havnen"), "Effekter", "C2", 1.5m);
        xlsx = Workbooks.Edit(xlsx, "Konsekvenser", "E2", "ukendt-budget");
        xlsx = Workbooks.Edit(xlsx, "Kohorter", "A3", 2019);
        xlsx = Workbooks.Edit(xlsx, "Inputs", "B6", null); // title
        var message = Danish(Refused(xlsx));
        Assert.Contains("Ark 'Effekter', række 2, kolonne C: andelen skal ligge mellem 0 og 1, ikke 1,5.", message);
        Assert.Contains("Ark 'Konsekvenser', række 2, kolonne E: 'ukendt-budget' er ikke en budgetholder i casen (kendte: msb-decentral).",
            message);
        Assert.Contains("Ark 'Kohorter', række 3, kolonne A: året 2019 ligger uden for casens horisont 2021-2030.", message);
        Assert.Contains("Ark 'Inputs', række 6, kolonne B: skal udfyldes.", message);
    }

    [Fact]
    public void A_consequence_of_an_unknown_outcome_a_wrong_header_and_a_bad_choice_are_refused()
    {
        var xlsx = Workbooks.Edit(Export("havnen"), "Konsekvenser", "A2", "stabil");
        xlsx = Workbooks.Edit(xlsx, "Budgetholdere", "D2", "kontinent");
        xlsx = Workbooks.Edit(xlsx, "Budgetholdere", "F2", "måske");
        var message = Danish(Refused(xlsx));
        Assert.Contains("Ark 'Konsekvenser', række 2, kolonne A: 'stabil' er ikke en effekt i arket Effekter (kendte: stable-housing).",
            message);
        Assert.Contains("Ark 'Budgetholdere', række 2, kolonne D: skal være en af municipality, region, state, ikke 'kontinent'.",
            message);
        Assert.Contains("Ark 'Budgetholdere', række 2, kolonne F: skal være ja eller nej, ikke 'måske'.", message);

        var header = Danish(Refused(Workbooks.Edit(Export("havnen"), "Omkostninger", "B1", "Kroner")));
        Assert.Contains("Ark 'Omkostninger', række 1, kolonne B: overskriften skal være 'Beløb (kr.)', ikke 'Kroner'.", header);
    }

    [Fact]
    public void An_outcome_left_without_consequences_is_named_at_its_row_and_unknown_or_repeated_inputs_at_theirs()
    {
        var xlsx = Export("havnen");
        foreach (var column in "ABCDEFGH") xlsx = Workbooks.Edit(xlsx, "Konsekvenser", $"{column}2", null);
        xlsx = Workbooks.Edit(xlsx, "Inputs", "A12", "budget");
        xlsx = Workbooks.Edit(xlsx, "Inputs", "B12", 7);
        xlsx = Workbooks.Edit(xlsx, "Inputs", "A13", "Title");
        xlsx = Workbooks.Edit(xlsx, "Inputs", "B13", "Et andet navn");
        var message = Danish(Refused(xlsx));
        Assert.Contains("Ark 'Inputs', række 12, kolonne A: 'budget' er ikke et felt (kendte: format, investment, agreementVersion, " +
            "part, title, startYear, horizonYears, priceYear, targetGroup, source).", message);
        Assert.Contains("Ark 'Inputs', række 13, kolonne A: feltet 'Title' står også i række 6.", message);

        xlsx = Export("havnen");
        foreach (var column in "ABCDEFGH") xlsx = Workbooks.Edit(xlsx, "Konsekvenser", $"{column}2", null);
        Assert.Equal("Business casen er afvist (1 fejl): Ark 'Effekter', række 2, kolonne A: " +
            "et effektmål skal have mindst én konsekvens (ændret brug af en ydelse).", Danish(Refused(xlsx)));
    }

    [Fact]
    public void A_missing_sheet_is_named()
    {
        var refused = Refused(Workbooks.RemoveSheet(Export("havnen"), "Konsekvenser"));
        Assert.Equal("Business casen er afvist (1 fejl): arket 'Konsekvenser' mangler (se docs/business-cases.md, afsnittet Excel).",
            Danish(refused));
        Assert.Contains("sheet 'Konsekvenser' is missing", English(refused));
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_is_refused()
    {
        Assert.Equal("Business casen er afvist (1 fejl): filen er ikke en Excel-projektmappe (.xlsx), eller den kan ikke læses.",
            Danish(Refused("year,amount\n2021,100\n"u8.ToArray())));
        Assert.Equal("businessCase.notXlsx", Refused([]).Code);
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        using (var entry = new StreamWriter(archive.CreateEntry("hello.txt").Open())) entry.Write("not a workbook");
        Assert.Equal("businessCase.notXlsx", Refused(zip.ToArray()).Code);
        Assert.Equal("businessCase.notXlsx", Refused(Export("havnen")[..2000]).Code); // cut off
    }

    [Fact]
    public void A_ten_megabyte_file_is_refused_unread()
    {
        var big = new byte[10 * 1024 * 1024];
        new Random(13).NextBytes(big);
        var refused = Refused(big);
        Assert.Equal("businessCase.fileTooLarge", refused.Code);
        Assert.Equal("Business casen er afvist (1 fejl): filen fylder 10.485.760 bytes; en business case må højst fylde 5.242.880 bytes.",
            Danish(refused));
        // Not seekable: refused as soon as it has read past the limit.
        Assert.Equal("businessCase.fileTooLarge", Assert.Throws<Refused>(() => Workbook.Read(new ForwardOnly(big))).Code);
    }

    [Fact]
    public void Formula_like_text_is_written_neutralised_and_read_back_as_given()
    {
        var c = Workbooks.Demo("havnen") with { Assumptions = ["=HYPERLINK(\"http://evil.example\")", "-20 % i 2025"] };
        var xlsx = Workbook.Write(Workbooks.Computed(c), DiscountRates.Ministry2021);
        Assert.Equal("'=HYPERLINK(\"http://evil.example\")", Workbooks.Cell(xlsx, "Antagelser", "A2"));
        Assert.Equal(c.Assumptions, Read(xlsx).Case.Assumptions);
    }

    private sealed class ForwardOnly(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
    }

    /// <summary>Cases compare by their JSON (lists have no value equality).</summary>
    private sealed class CaseComparer : IEqualityComparer<BusinessCase>
    {
        public bool Equals(BusinessCase? x, BusinessCase? y) => BusinessCaseFile.Write(x!) == BusinessCaseFile.Write(y!);
        public int GetHashCode(BusinessCase obj) => 0;
    }
}
