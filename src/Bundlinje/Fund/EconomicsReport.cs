using System.Globalization;
using System.Text;
using System.Text.Json;
using Bundlinje.Common;

namespace Bundlinje.Fund;

/// <summary>A fund's economics table with what it was computed from; <see cref="Table"/> is null for a fund without postings.</summary>
public sealed record EconomicsReport(
    string FundKey, string FundName, EconomicsOptions Options, EconomicsTable? Table,
    IReadOnlyList<LedgerEntry> Entries, IReadOnlyDictionary<string, string> InvestmentNames, bool Scoped, int HorizonEndYear,
    string Currency = Currencies.Default)
{
    public int EffectPercent => Options.EffectPercent;
    public string BalanceLabel => $"{Reconciliation.BalanceRow} ({EffectPercent}% effekt)";

    public Room? Room => Table is null || Scoped ? null : RoomForNewInvestments.TryCompute(Table, HorizonEndYear);

    /// <summary>Rows as printed, then (for fund-wide viewers) the total and the balance.</summary>
    public IEnumerable<(string Label, bool Indented, IReadOnlyList<decimal> Cells)> PrintedRows()
    {
        if (Table is null) yield break;
        foreach (var row in Table.RunningCosts.Concat(Table.Investments)) yield return (row.Label, row.Indented, row.Cells);
        if (Scoped) yield break;
        yield return (Reconciliation.TotalRow, false, Table.Total);
        yield return (BalanceLabel, false, Table.Balance);
    }

    /// <summary>CSV in thousands of the fund's currency ("1.000 DKK" in the header cell): the row label as printed, then one
    /// column per year label; totals and balance included.</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder();
        csv.AppendCsvLine([$"1.000 {Currency}", .. (Table?.Columns ?? []).Select(c => c.Label)]);
        foreach (var (label, _, cells) in PrintedRows())
            csv.AppendCsvLine([label, .. cells.Select(c => (object)Common.Kroner.RoundThousands(c))]);
        return csv.ToString();
    }

    /// <summary>JSON in kr. (exact), with the parameters it was computed under.</summary>
    public string ToJson() => JsonSerializer.Serialize(new
    {
        fund = FundKey, effectPercent = EffectPercent, lastActualYear = Options.LastActualYear, laterFrom = Options.LaterFrom,
        countedInUntil = Options.CountedInUntil, scoped = Scoped, unit = "kr.", currency = Currency,
        columns = (Table?.Columns ?? []).Select(c => c.Label),
        rows = (Table is null ? [] : Table.RunningCosts.Concat(Table.Investments))
            .Select(r => new
            {
                label = r.Label, indented = r.Indented, kind = r.Kind.ToString(), reference = r.Reference,
                cells = r.Cells
            }),
        total = Scoped ? null : Table?.Total, balance = Scoped ? null : Table?.Balance,
        room = Room is { } room ? new { amount = room.Amount, bindingColumn = room.BindingColumn.Label, horizonEndYear = HorizonEndYear }
            : null,
    }, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>The table as a file in a format: json (kr.), csv (1.000 kr., with a BOM for Excel) or xlsx (written by
    /// <paramref name="workbook"/>).</summary>
    public (byte[] Content, string ContentType, string FileName) Export(string format, IEconomicsWorkbook workbook) => format switch
    {
        "json" => (Encoding.UTF8.GetBytes(ToJson()), "application/json; charset=utf-8", FileName("json")),
        "csv" => ([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(ToCsv())], "text/csv; charset=utf-8", FileName("csv")),
        "xlsx" => (workbook.Write(this), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName("xlsx")),
        _ => throw Refused.At("format", "economics.unknownFormat", format),
    };

    private string FileName(string extension) => $"okonomi-{FundKey}-{EffectPercent}pct.{extension}";
}

/// <summary>Writes the council's table as an Excel workbook; the writer lives in <c>Bundlinje.Data/Spreadsheets</c>.</summary>
public interface IEconomicsWorkbook
{
    byte[] Write(EconomicsReport report);
}
