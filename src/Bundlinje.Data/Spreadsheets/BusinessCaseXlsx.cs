using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

using Bundlinje.BusinessCases;
using Bundlinje.Common;
using static Bundlinje.BusinessCases.BusinessCaseSheets;

namespace Bundlinje.Data.Spreadsheets;

/// <summary>
/// A business case as an Excel workbook in the layout of docs/business-cases.md ("Excel"): the input sheets an analyst
/// edits (numbers as numbers, shares as percentages, yes/no as "ja"/"nej") and the computed sheets, protected and
/// ignored on import. Reading is all or nothing: every problem of every input sheet at its sheet, row and column, then
/// <see cref="BusinessCaseFile.Problems"/> at the cells its JSON paths came from.
/// </summary>
public sealed class BusinessCaseXlsx : IBusinessCaseWorkbook
{
    private const uint Plain = 0, Header = 1, Money = 2, Percent = 3, Title = 4, Kroner = 5, BoldKroner = 6, Note = 7;

    internal static readonly IReadOnlyDictionary<string, string[]> Headers = new Dictionary<string, string[]>
    {
        [Inputs] = ["Felt", "Værdi", "Forklaring"],
        [Cohorts] = ["År", "Deltagere"],
        [Costs] = ["År", "Beløb (kr.)", "Betaler"],
        [Holders] = ["Nøgle", "Forvaltning", "Decentral", "Niveau", "Loft", "Tilbagebetaler"],
        [Outcomes] = ["Nøgle", "Navn", "Succesrate", "Forsinkelse (år)", "Varighed (år)", "Tilbagebetalingsandel", "Loft (kr.)"],
        [Consequences] = ["Effekt", "Ydelse", "Enhed", "Ændring pr. år", "Budgetholder", "Enhedspris (kr.)", "Priskode",
            "Begrundelse for egen pris"],
        [Assumptions] = ["Antagelse"],
    };

    /// <summary>The rows of sheet "Inputs": key (column A), JSON path, and the explanation written in column C.</summary>
    private static readonly (string Key, string Path, string Help)[] InputRows =
    [
        ("format", "$.format", "Filens format (ændres ikke)"),
        ("investment", "$.case.investment", "Investeringens nøgle"),
        ("agreementVersion", "$.case.agreementVersion", "Aftaleversion (1, 2, …)"),
        ("part", "$.case.part", "Delprojekt (tom: hele investeringen)"),
        ("title", "$.case.title", "Titel"),
        ("startYear", "$.case.startYear", "Første år"),
        ("horizonYears", "$.case.horizonYears", "Horisont i år"),
        ("priceYear", "$.case.priceYear", "Prisår (beløb i dette års priser)"),
        ("targetGroup", "$.case.targetGroup", "Målgruppe"),
        ("source", "$.case.source", "Kilde"),
    ];

    // ---------------------------------------------------------------- writing

    public byte[] Write(ComputedCase computed, DiscountRates rates)
    {
        var c = computed.Case;
        var book = new Book();
        var inputs = book.Sheet(Inputs, [22, 48, 40]);
        inputs.Row(Headers[Inputs].Select(h => Cell.Of(h, Header)).ToArray());
        object?[] values =
        [
            BusinessCaseFile.CurrentFormat, c.Investment, c.AgreementVersion, c.Part, c.Title, c.StartYear, c.HorizonYears,
            c.PriceYear, c.TargetGroup, c.Source,
        ];
        foreach (var ((key, _, help), value) in InputRows.Zip(values)) inputs.Row(key, value, Cell.Of(help, Note));

        book.Table(Cohorts, [8, 12], c.Participants.Select(p => new object?[] { p.Year, p.Count }));
        book.Table(Costs, [8, 16, 44], c.Costs.Select(x => new object?[] { x.Year, Cell.Of(x.Amount, Money), x.Payer }));
        book.Table(Holders, [18, 14, 10, 14, 14, 14], c.Holders.Select(h => new object?[]
        {
            h.Key, h.Department, YesNo(h.Decentral), Name(h.Level), Name(h.Ceiling), YesNo(h.Repays),
        }));
        book.Table(Outcomes, [18, 44, 12, 16, 14, 20, 14], c.Outcomes.Select(o => new object?[]
        {
            o.Key, o.Name, Cell.Of(o.SuccessRate, Percent), o.LagYears, o.DurationYears, Cell.Of(o.RepaymentShare, Percent),
            o.RepaymentCap is { } cap ? Cell.Of(cap, Money) : null,
        }));
        book.Table(Consequences, [18, 28, 12, 14, 18, 16, 18, 32], c.Outcomes.SelectMany(o => o.Consequences.Select(q => new object?[]
        {
            o.Key, q.Service, q.Unit, q.ChangePerYear, q.Holder, q.UnitPrice is { } price ? Cell.Of(price, Money) : null, q.PriceCode,
            q.OverrideReason,
        })));
        book.Table(Assumptions, [120], c.Assumptions.Select(a => new object?[] { a }));

        WriteResult(book.Sheet(Result, [34, 16, 18, 16, 16, 20], locked: true), computed, rates);
        var byHolder = book.Sheet(HolderYears, [20, 8, 18, 16, 16], locked: true);
        byHolder.Row(Cell.Of($"{c.Title}: pr. budgetholder og år (kr., {c.PriceYear}-priser)", Title));
        byHolder.Row(Cell.Of("Beregnet ved eksport; ændringer her ignoreres ved import.", Note));
        byHolder.Row(new[] { "Budgetholder", "År", "Bruttobesparelse", "Tilbagebetaling", "Nettobesparelse" }
            .Select(h => Cell.Of(h, Header)).ToArray());
        foreach (var h in computed.Result.ByHolder)
            byHolder.Row(h.Holder, h.Year, Cell.Of(h.Gross, Kroner), Cell.Of(h.Repayment, Kroner), Cell.Of(h.Net, Kroner));

        var sensitivity = book.Sheet(Sensitivities, [22, 18, 18, 18, 18, 18], locked: true);
        sensitivity.Row(Cell.Of($"Følsomhed: hver parameter ± {computed.Step * 100:0.#} % med de andre holdt fast", Title));
        sensitivity.Row(Cell.Of("Beregnet ved eksport; ændringer her ignoreres ved import.", Note));
        sensitivity.Row(new[] { "Parameter", "Nutidsværdi lav", "Nutidsværdi høj", "Netto lav", "Netto høj", "Spænd (nutidsværdi)" }
            .Select(h => Cell.Of(h, Header)).ToArray());
        foreach (var row in computed.Sensitivity)
            sensitivity.Row(ParameterName(row.Parameter), Cell.Of(row.LowNpv, Kroner), Cell.Of(row.HighNpv, Kroner),
                Cell.Of(row.LowNet, Kroner), Cell.Of(row.HighNet, Kroner), Cell.Of(row.Spread, Kroner));

        var prices = book.Sheet(Prices, [18, 28, 12, 18, 44], locked: true);
        prices.Row(Cell.Of($"Anvendte enhedspriser ({c.PriceYear}-priser)", Title));
        prices.Row(Cell.Of("Beregnet ved eksport; ændringer her ignoreres ved import.", Note));
        prices.Row(new[] { "Effekt", "Ydelse", "Enhed", "Enhedspris (kr.)", "Kilde" }.Select(h => Cell.Of(h, Header)).ToArray());
        foreach (var (o, i) in c.Outcomes.Select((x, i) => (x, i)))
            foreach (var (q, j) in o.Consequences.Select((x, j) => (x, j)))
                prices.Row(o.Key, q.Service, q.Unit, Cell.Of(computed.Prices[i, j], Money),
                    computed.Prices.Sources.ElementAtOrDefault(i)?.ElementAtOrDefault(j));
        return book.ToArray();
    }

    private static void WriteResult(Sheet sheet, ComputedCase computed, DiscountRates rates)
    {
        var (c, result, stored) = (computed.Case, computed.Result, computed.Stored);
        sheet.Row(Cell.Of($"{c.Title}: resultat pr. år (kr., {c.PriceYear}-priser)", Title));
        sheet.Row(Cell.Of($"Revision {stored.Revision} af aftaleversion {c.AgreementVersion}" +
            (c.Part is null ? "" : $", delprojekt {c.Part}") + ". Beregnet ved eksport; ændringer her ignoreres ved import.", Note));
        sheet.Row(new[] { "År", "Omkostning", "Bruttobesparelse", "Tilbagebetaling", "Netto", "Akkumuleret netto" }
            .Select(h => Cell.Of(h, Header)).ToArray());
        foreach (var y in result.Years)
            sheet.Row(y.Year, Cell.Of(y.Cost, Kroner), Cell.Of(y.Gross, Kroner), Cell.Of(y.Repayment, Kroner), Cell.Of(y.Net, Kroner),
                Cell.Of(y.CumulativeNet, Kroner));
        sheet.Row(Cell.Of("I alt", Header), Cell.Of(result.Years.Sum(y => y.Cost), BoldKroner),
            Cell.Of(result.Years.Sum(y => y.Gross), BoldKroner), Cell.Of(result.Years.Sum(y => y.Repayment), BoldKroner),
            Cell.Of(result.Years.Sum(y => y.Net), BoldKroner));
        sheet.Row();
        sheet.Row(Cell.Of("Break-even år", Header), result.BreakEvenYear is { } year ? year : "ikke inden for horisonten");
        sheet.Row(Cell.Of("Nutidsværdi (netto)", Header), Cell.Of(result.NetPresentValue, BoldKroner));
        sheet.Row("Diskonteringsrente år 0-35", Cell.Of(rates.Short, Percent));
        sheet.Row("Diskonteringsrente år 36-70", Cell.Of(rates.Medium, Percent));
        sheet.Row("Diskonteringsrente efter år 70", Cell.Of(rates.Long, Percent));
        sheet.Row("Følsomhedstrin", Cell.Of(computed.Step, Percent));
    }

    private static string YesNo(bool value) => value ? "ja" : "nej";

    private static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicyName(value.ToString());

    private static string JsonNamingPolicyName(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);

    private static string ParameterName(string parameter) => parameter switch
    {
        Sensitivity.Success => "Succesrate",
        Sensitivity.Recruitment => "Rekruttering",
        Sensitivity.Prices => "Enhedspriser",
        _ => parameter,
    };

    /// <summary>A cell to write: text, a number (decimal or int) or nothing, with a style.</summary>
    private sealed record Cell(object? Value, uint Style)
    {
        public static Cell Of(object? value, uint style) => new(value, style);
    }

    private sealed class Sheet(string name, double[] widths, bool locked)
    {
        public string Name => name;
        public bool Locked => locked;
        public double[] Widths => widths;
        public List<object?[]> Rows { get; } = [];
        public void Row(params object?[] cells) => Rows.Add(cells);
    }

    private sealed class Book
    {
        private readonly List<Sheet> sheets = [];

        public Sheet Sheet(string name, double[] widths, bool locked = false)
        {
            var sheet = new Sheet(name, widths, locked);
            sheets.Add(sheet);
            return sheet;
        }

        public void Table(string name, double[] widths, IEnumerable<object?[]> rows)
        {
            var sheet = Sheet(name, widths);
            sheet.Row(Headers[name].Select(h => Cell.Of(h, Header)).ToArray());
            foreach (var row in rows) sheet.Row(row);
        }

        public byte[] ToArray()
        {
            using var stream = new MemoryStream();
            using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
            {
                var workbook = document.AddWorkbookPart();
                workbook.Workbook = new Workbook();
                workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
                var list = new Sheets();
                foreach (var (sheet, i) in sheets.Select((s, i) => (s, i)))
                {
                    var part = workbook.AddNewPart<WorksheetPart>();
                    var data = new SheetData();
                    foreach (var (cells, r) in sheet.Rows.Select((x, r) => (x, (uint)r + 1)))
                    {
                        var row = new Row { RowIndex = r };
                        foreach (var (value, col) in cells.Select((x, col) => (x, col)))
                            if (Write(value, EconomicsXlsx.Column(col) + r) is { } cell) row.Append(cell);
                        data.Append(row);
                    }
                    var columns = new Columns(sheet.Widths.Select((w, col) => new Column
                    {
                        Min = (uint)col + 1, Max = (uint)col + 1, Width = w, CustomWidth = true,
                    }));
                    part.Worksheet = new Worksheet(columns, data);
                    // Computed sheets are protected (without a password: a hint, not a lock); import ignores them anyway.
                    if (sheet.Locked) part.Worksheet.Append(new SheetProtection { Sheet = true, Objects = true, Scenarios = true });
                    list.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet
                    {
                        Id = workbook.GetIdOfPart(part), SheetId = (uint)i + 1, Name = sheet.Name,
                    });
                }
                workbook.Workbook.AppendChild(list);
                workbook.Workbook.Save();
            }
            return stream.ToArray();
        }

        private static DocumentFormat.OpenXml.Spreadsheet.Cell? Write(object? value, string reference)
        {
            var (content, style) = value is Cell styled ? (styled.Value, styled.Style) : (value, Plain);
            return content switch
            {
                null => style == Plain ? null : new() { CellReference = reference, StyleIndex = style },
                string text => new()
                {
                    CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style,
                    InlineString = new InlineString(new Text(SpreadsheetCell.Text(text))
                    {
                        Space = text.Trim().Length != text.Length ? SpaceProcessingModeValues.Preserve : null,
                    }),
                },
                decimal number => Number(reference, number.ToString(CultureInfo.InvariantCulture), style),
                int number => Number(reference, number.ToString(CultureInfo.InvariantCulture), style),
                _ => throw new ArgumentException($"No cell for {content.GetType().Name}."),
            };
        }

        private static DocumentFormat.OpenXml.Spreadsheet.Cell Number(string reference, string value, uint style) =>
            new() { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(value), StyleIndex = style };
    }

    private static Stylesheet Styles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.00" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "0.00%" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "#,##0;-#,##0" })
        { Count = 3 },
        new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 11 }),
            new Font(new Bold(), new FontSize { Val = 14 }), new Font(new Italic(), new FontSize { Val = 10 }))
        { Count = 4 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
            new CellFormat { FontId = 2, ApplyFont = true },
            new CellFormat { NumberFormatId = 166, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 166, ApplyNumberFormat = true, FontId = 1, ApplyFont = true },
            new CellFormat { FontId = 3, ApplyFont = true })
        { Count = 8 });

    // ---------------------------------------------------------------- reading

    /// <summary>The most rows read from one sheet (a case has tens).</summary>
    public const int MaxRows = 10_000;

    public WorkbookCase Read(Stream content)
    {
        var bytes = Bounded(content);
        Dictionary<string, List<SheetRow>> sheets;
        try { sheets = Load(bytes); }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException
                                       or System.Xml.XmlException or InvalidOperationException or ArgumentException
                                       or FormatException or NotSupportedException)
        {
            throw BusinessCaseFile.Rejected(Refusal.Of("businessCase.notXlsx"));
        }
        return new CaseReader(sheets).Read();
    }

    private static byte[] Bounded(Stream content)
    {
        if (content.CanSeek && content.Length - content.Position > MaxBytes) throw TooLarge(content.Length - content.Position);
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        for (int n; (n = content.Read(buffer)) > 0;)
        {
            copy.Write(buffer, 0, n);
            if (copy.Length > MaxBytes) throw TooLarge(copy.Length);
        }
        return copy.ToArray();
    }

    private static Refused TooLarge(long bytes) => BusinessCaseFile.Rejected(Refusal.Of("businessCase.fileTooLarge", bytes, MaxBytes));

    private enum Kind { Text, Number, Bool, Error }

    private sealed record RawCell(Kind Kind, string Text);

    private sealed record SheetRow(string Sheet, int Number, IReadOnlyDictionary<string, RawCell> Cells)
    {
        public bool Blank => Cells.Values.All(c => string.IsNullOrWhiteSpace(c.Text));
    }

    /// <summary>The rows of every sheet by name (sheet names as Excel shows them); a sheet over <see cref="MaxRows"/> rows
    /// or a part over 20 million characters (a zip bomb) is refused.</summary>
    private static Dictionary<string, List<SheetRow>> Load(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false,
            new OpenSettings { MaxCharactersInPart = 20_000_000 });
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("No workbook part.");
        var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToList()
            ?? [];
        var result = new Dictionary<string, List<SheetRow>>(StringComparer.Ordinal);
        foreach (var sheet in workbook.Workbook?.Sheets?.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>() ?? [])
        {
            if (sheet.Name?.Value is not { } name || !Headers.ContainsKey(name) || sheet.Id?.Value is not { } id) continue;
            if (workbook.GetPartById(id) is not WorksheetPart part) continue;
            var rows = new List<SheetRow>();
            var number = 0;
            foreach (var row in part.Worksheet?.GetFirstChild<SheetData>()?.Elements<Row>() ?? [])
            {
                number = row.RowIndex?.Value is { } index ? (int)index : number + 1;
                if (number > MaxRows || rows.Count >= MaxRows)
                    throw BusinessCaseFile.Rejected(Refusal.Of("businessCase.sheetTooLong", name, MaxRows));
                var cells = new Dictionary<string, RawCell>(StringComparer.Ordinal);
                var position = 0;
                foreach (var cell in row.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>())
                {
                    var column = cell.CellReference?.Value is { } reference ? new string(reference.TakeWhile(char.IsLetter).ToArray())
                        : EconomicsXlsx.Column(position);
                    position++;
                    if (Value(cell, shared) is { } value) cells[column.ToUpperInvariant()] = value;
                }
                rows.Add(new(name, number, cells));
            }
            result[name] = rows;
        }
        return result;
    }

    private static RawCell? Value(DocumentFormat.OpenXml.Spreadsheet.Cell cell, List<string> shared)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString) return new(Kind.Text, cell.InlineString?.InnerText ?? "");
        if (raw is null) return null;
        if (type == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count
                ? new(Kind.Text, shared[i]) : throw new InvalidDataException("Bad shared string index.");
        if (type == CellValues.Boolean) return new(Kind.Bool, raw);
        if (type == CellValues.Error) return new(Kind.Error, raw);
        if (type == CellValues.String || type == CellValues.Date) return new(Kind.Text, raw);
        return new(Kind.Number, raw);
    }

    /// <summary>Reads the input sheets into a case, collecting every problem before refusing.</summary>
    private sealed class CaseReader(Dictionary<string, List<SheetRow>> sheets)
    {
        private readonly List<Refusal> problems = [];
        private readonly Dictionary<string, CellAt> cells = new(StringComparer.Ordinal);

        public WorkbookCase Read()
        {
            var missing = Editable.Where(s => !sheets.ContainsKey(s)).ToList();
            if (missing.Count > 0)
                throw BusinessCaseFile.Rejected(missing.Select(s => Refusal.Of("businessCase.sheetMissing", s)).ToList());
            foreach (var sheet in Editable) CheckHeader(sheet);
            if (problems.Count > 0) throw BusinessCaseFile.Rejected(problems);

            var input = ReadInputs();
            var participants = Rows(Cohorts).Select((r, i) =>
            {
                var at = $"$.case.participants[{i}]";
                return new YearCount(Int(r, "A", $"{at}.year") ?? 0, Int(r, "B", $"{at}.count") ?? 0);
            }).ToList();
            var costs = Rows(Costs).Select((r, i) =>
            {
                var at = $"$.case.costs[{i}]";
                return new CostLine(Int(r, "A", $"{at}.year") ?? 0, Number(r, "B", $"{at}.amount") ?? 0, Text(r, "C", $"{at}.payer") ?? "");
            }).ToList();
            var holders = Rows(Holders).Select((r, i) =>
            {
                var at = $"$.case.holders[{i}]";
                return new BudgetHolder(Text(r, "A", $"{at}.key") ?? "", Text(r, "B", $"{at}.department") ?? "",
                    YesNo(r, "C", $"{at}.decentral") ?? false, Choice<PublicLevel>(r, "D", $"{at}.level", LevelAliases) ?? default,
                    Choice<CeilingType>(r, "E", $"{at}.ceiling", CeilingAliases) ?? default, YesNo(r, "F", $"{at}.repays") ?? false);
            }).ToList();
            var outcomeRows = Rows(Outcomes).ToList();
            var consequences = outcomeRows.Select(_ => new List<Consequence>()).ToList();
            var outcomeIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (r, i) in outcomeRows.Select((r, i) => (r, i)))
                if (Raw(r, "A") is { Length: > 0 } key) outcomeIndex.TryAdd(key, i);
            foreach (var r in Rows(Consequences))
            {
                var key = Raw(r, "A");
                if (key is null || !outcomeIndex.TryGetValue(key, out var o))
                {
                    problems.Add(At(r, "A").Refuse(key is null ? Refusal.Of("file.required")
                        : Refusal.Of("businessCase.unknownOutcome", key, string.Join(", ", outcomeIndex.Keys))));
                    continue;
                }
                var at = $"$.case.outcomes[{o}].consequences[{consequences[o].Count}]";
                cells[at] = At(r, "A");
                consequences[o].Add(new Consequence(Text(r, "B", $"{at}.service") ?? "", Text(r, "C", $"{at}.unit") ?? "",
                    Number(r, "D", $"{at}.changePerYear") ?? 0, Text(r, "E", $"{at}.holder") ?? "",
                    Number(r, "F", $"{at}.unitPrice", false),
                    Text(r, "G", $"{at}.priceCode"), Text(r, "H", $"{at}.overrideReason")));
            }
            var outcomes = outcomeRows.Select((r, i) =>
            {
                var at = $"$.case.outcomes[{i}]";
                cells[at] = At(r, "A");
                return new Outcome(Text(r, "A", $"{at}.key") ?? "", Text(r, "B", $"{at}.name") ?? "",
                    Number(r, "C", $"{at}.successRate") ?? 0, Int(r, "D", $"{at}.lagYears") ?? 0, Int(r, "E", $"{at}.durationYears") ?? 0,
                    Number(r, "F", $"{at}.repaymentShare") ?? 0, consequences[i], Number(r, "G", $"{at}.repaymentCap", false));
            }).ToList();
            var assumptions = Rows(Assumptions).Select((r, i) => Text(r, "A", $"$.case.assumptions[{i}]") ?? "").ToList();
            if (problems.Count > 0) throw BusinessCaseFile.Rejected(problems);

            var c = new BusinessCase(input.Investment, input.Version, input.Part, input.Title, input.StartYear, input.Horizon,
                input.PriceYear, input.TargetGroup, participants, costs, holders, outcomes, assumptions, input.Source);
            var read = new WorkbookCase(c, cells);
            if (BusinessCaseFile.Problems(c).ToList() is { Count: > 0 } found)
                throw BusinessCaseFile.Rejected(found.Select(read.Locate).ToList());
            return read;
        }

        private sealed record InputValues(string Investment, int Version, string? Part, string Title, int StartYear, int Horizon,
            int PriceYear, string? TargetGroup, string? Source);

        private InputValues ReadInputs()
        {
            var rows = new Dictionary<string, SheetRow>(StringComparer.OrdinalIgnoreCase);
            foreach (var r in Rows(Inputs))
            {
                var key = Raw(r, "A");
                if (key is null) { problems.Add(At(r, "A").Refuse("file.required")); continue; }
                if (!InputRows.Any(x => x.Key.Equals(key, StringComparison.OrdinalIgnoreCase)))
                    problems.Add(At(r, "A").Refuse("businessCase.unknownInput", key, string.Join(", ", InputRows.Select(x => x.Key))));
                else if (!rows.TryAdd(key, r)) problems.Add(At(r, "A").Refuse("businessCase.duplicateInput", key, rows[key].Number));
            }
            foreach (var (key, _, _) in InputRows.Where(x => x.Key is not ("part" or "targetGroup" or "source")))
                if (!rows.ContainsKey(key)) problems.Add(Refusal.Of("businessCase.inputMissing", Inputs, key));
            SheetRow? Row(string key) => rows.GetValueOrDefault(key);
            string Path(string key) => InputRows.First(x => x.Key == key).Path;
            string? TextOf(string key) => Row(key) is { } r ? Text(r, "B", Path(key)) : null;
            int IntOf(string key) => Row(key) is { } r ? Int(r, "B", Path(key)) ?? 0 : 0;
            if (Row("format") is { } format && Text(format, "B", "$.format") != BusinessCaseFile.CurrentFormat)
                problems.Add(At(format, "B").Refuse("file.formatMustBe", BusinessCaseFile.CurrentFormat));
            var part = TextOf("part");
            return new(TextOf("investment") ?? "", IntOf("agreementVersion"), string.IsNullOrWhiteSpace(part) ? null : part.Trim(),
                TextOf("title") ?? "", IntOf("startYear"), IntOf("horizonYears"), IntOf("priceYear"), TextOf("targetGroup"),
                TextOf("source"));
        }

        private void CheckHeader(string sheet)
        {
            var first = sheets[sheet].FirstOrDefault(r => !r.Blank);
            var expected = Headers[sheet];
            for (var i = 0; i < expected.Length; i++)
            {
                var column = EconomicsXlsx.Column(i);
                var found = first?.Cells.GetValueOrDefault(column)?.Text.Trim() ?? "";
                if (!found.Equals(expected[i], StringComparison.OrdinalIgnoreCase))
                    problems.Add(new CellAt(sheet, first?.Number ?? 1, column).Refuse("businessCase.header", expected[i], Shorten(found)));
            }
        }

        /// <summary>The data rows of a sheet: after its header row, blank rows skipped.</summary>
        private IEnumerable<SheetRow> Rows(string sheet)
        {
            var rows = sheets[sheet].Where(r => !r.Blank).ToList();
            return rows.Skip(1);
        }

        private static CellAt At(SheetRow row, string column) => new(row.Sheet, row.Number, column);

        private static string? Raw(SheetRow row, string column) =>
            row.Cells.GetValueOrDefault(column) is { Text: var t } && !string.IsNullOrWhiteSpace(t) ? Unneutralised(t) : null;

        /// <summary>Text written neutralised ("'=x", SpreadsheetCell.Text) reads back as it was given.</summary>
        private static string Unneutralised(string text) =>
            text.Length > 1 && text[0] == '\'' && text[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? text[1..] : text;

        private CellAt Register(SheetRow row, string column, string path)
        {
            var at = At(row, column);
            cells[path] = at;
            return at;
        }

        private string? Text(SheetRow row, string column, string path)
        {
            Register(row, column, path);
            return Raw(row, column);
        }

        private decimal? Number(SheetRow row, string column, string path, bool required = true)
        {
            var at = Register(row, column, path);
            if (row.Cells.GetValueOrDefault(column) is not { } cell || string.IsNullOrWhiteSpace(cell.Text))
            {
                if (required) problems.Add(at.Refuse("file.required"));
                return null;
            }
            if (cell.Kind != Kind.Number)
            {
                problems.Add(at.Refuse("businessCase.cellNumber", Shorten(cell.Text)));
                return null;
            }
            if (ParseNumber(cell.Text) is { } value) return value;
            problems.Add(at.Refuse("businessCase.cellNumberRange", Shorten(cell.Text)));
            return null;
        }

        private int? Int(SheetRow row, string column, string path)
        {
            var value = Number(row, column, path);
            if (value is not { } v) return null;
            if (v == decimal.Truncate(v) && v is >= int.MinValue and <= int.MaxValue) return (int)v;
            problems.Add(At(row, column).Refuse("businessCase.cellWholeNumber", v));
            return null;
        }

        private bool? YesNo(SheetRow row, string column, string path)
        {
            var at = Register(row, column, path);
            var cell = row.Cells.GetValueOrDefault(column);
            if (cell is { Kind: Kind.Bool }) return cell.Text == "1";
            switch (Raw(row, column)?.Trim().ToLowerInvariant())
            {
                case "ja" or "j" or "yes" or "true" or "1": return true;
                case "nej" or "n" or "no" or "false" or "0": return false;
                case null: problems.Add(at.Refuse("file.required")); return null;
                case var other: problems.Add(at.Refuse("businessCase.cellYesNo", Shorten(other))); return null;
            }
        }

        private T? Choice<T>(SheetRow row, string column, string path, IReadOnlyDictionary<string, T> aliases) where T : struct, Enum
        {
            var at = Register(row, column, path);
            var text = Raw(row, column)?.Trim();
            if (text is null) { problems.Add(at.Refuse("file.required")); return null; }
            var names = Enum.GetValues<T>().ToDictionary(v => JsonNamingPolicyName(v.ToString()), v => v, StringComparer.OrdinalIgnoreCase);
            if (names.TryGetValue(text, out var value) || aliases.TryGetValue(text, out value)) return value;
            problems.Add(at.Refuse("businessCase.cellChoice", Shorten(text), string.Join(", ", names.Keys)));
            return null;
        }

        private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
    }

    private static readonly Dictionary<string, PublicLevel> LevelAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["kommune"] = PublicLevel.Municipality, ["stat"] = PublicLevel.State, ["staten"] = PublicLevel.State,
    };

    private static readonly Dictionary<string, CeilingType> CeilingAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["serviceloft"] = CeilingType.Service, ["overførsel"] = CeilingType.Transfer, ["overførsler"] = CeilingType.Transfer,
        ["anlæg"] = CeilingType.Construction, ["udenfor"] = CeilingType.Outside, ["uden for loft"] = CeilingType.Outside,
    };

    /// <summary>A number cell's text as a decimal, or null when it is beyond decimal's range. Excel writes a double's
    /// binary noise ("0.30000000000000004"); more than 15 significant digits are rounded as Excel shows them.</summary>
    internal static decimal? ParseNumber(string text)
    {
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || !double.IsFinite(d)
                || Math.Abs(d) >= 7.9e28)
                return null;
            value = (decimal)d;
        }
        var mantissa = text.TakeWhile(ch => ch is not ('e' or 'E')).Where(char.IsAsciiDigit).SkipWhile(ch => ch == '0').Count();
        return mantissa > 15 ? (decimal)(double)value : value;
    }
}
