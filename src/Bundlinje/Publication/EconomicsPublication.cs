using System.Text.Json;
using Bundlinje.Common;
using Bundlinje.Fund;

namespace Bundlinje.Publication;

/// <summary>The council's decision to publish the fund's economics summary: a frozen snapshot of the summary as the council
/// saw it (never recomputed), its SHA-256 and that of its inputs (the postings behind it), the decision's date and reference,
/// and who recorded it when. Append-only; the highest <see cref="Sequence"/> of a fund is in force, earlier ones are its
/// history. Unique per fund and sequence: two recordings at once cannot both become decision n.</summary>
public sealed class EconomicsPublication : Entity, IAppendOnly
{
    string IAppendOnly.Refusal => "A council decision to publish is kept as recorded; record a new decision instead.";

    public int FundId { get; set; }
    public int Sequence { get; set; }
    /// <summary>The first fiscal year of the summary, the last accounts year, the first of the later years summed and the
    /// effect percentage of expected result payments (the options the summary was computed with).</summary>
    public int FirstYear { get; set; }
    public int LastActualYear { get; set; }
    public int LaterFrom { get; set; }
    public int EffectPercent { get; set; }
    public DateOnly? CountedInUntil { get; set; }
    /// <summary>The summary as JSON (<see cref="EconomicsSummary"/>), exactly as the council approved it.</summary>
    public required string Snapshot { get; set; }
    public required string SnapshotSha256 { get; set; }
    /// <summary>SHA-256 of the postings (and options) the summary was computed from (<see cref="Reports.ReportInputs"/>).</summary>
    public required string InputsSha256 { get; set; }
    public DateOnly DecidedOn { get; set; }
    /// <summary>Where the decision stands, e.g. "Rådsmøde 12-03-2025, pkt. 4".</summary>
    public required string Reference { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    public EconomicsSummary Summary() => EconomicsSummary.FromJson(Snapshot);
}

/// <summary>A column of the summary: label as printed ("R 2024", "B 2025", "Efterfølgende år i alt"), its years, and
/// whether it holds accounts.</summary>
public sealed record SummaryColumn(string Label, int FirstYear, int LastYear, bool IsActual);

/// <summary>What a summary row is; the label is Danish as the council's table prints it.</summary>
public enum SummaryRowKind { RunningCost, Spending, ResultPayments, Total, Appropriations, Balance }

/// <summary>A row of the summary in kroner, one cell per column.</summary>
public sealed record SummaryRow(SummaryRowKind Kind, string Label, IReadOnlyList<decimal> Cells);

/// <summary>The fund's economics summary: the council's table with the investments summed (their own figures are published
/// by field, investment by investment, and an investment not yet public must not be named here), so it reads: the fund's
/// running costs per category, spending on investments, result payments, the total, the appropriations and the balance at
/// year end. The rows and cells are taken from <see cref="EconomicsTable"/> as they are; only the investment rows are
/// added up. <see cref="Council"/> is the fund's council as named when the decision was made.</summary>
public sealed record EconomicsSummary(string FundName, string? Council, string Currency, int EffectPercent,
    IReadOnlyList<SummaryColumn> Columns,
    IReadOnlyList<SummaryRow> Rows)
{
    /// <summary>Row kinds as names, so a stored snapshot reads the same whatever the enum's order becomes.</summary>
    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static EconomicsSummary Of(EconomicsReport report, string? council)
    {
        var table = report.Table ?? throw new Refused("economicsPublication.noTable");
        var columns = table.Columns.Select(c => new SummaryColumn(c.Label, c.FirstYear, c.LastYear, c.IsActual)).ToList();
        List<decimal> Sum(EconomicsRowKind kind) =>
            columns.Select((_, i) => table.Investments.Where(r => r.Kind == kind).Sum(r => r.Cells[i])).ToList();
        var rows = table.RunningCosts.Select(r => new SummaryRow(SummaryRowKind.RunningCost, r.Label, r.Cells.ToList())).ToList();
        rows.Add(new(SummaryRowKind.Spending, "Udgifter til indsatser", Sum(EconomicsRowKind.Spending)));
        rows.Add(new(SummaryRowKind.ResultPayments, "Resultatbetalinger", Sum(EconomicsRowKind.ResultPayment)));
        rows.Add(new(SummaryRowKind.Total, Reconciliation.TotalRow, table.Total.ToList()));
        rows.Add(new(SummaryRowKind.Appropriations, "Bevillinger til Fonden", table.Appropriations.ToList()));
        rows.Add(new(SummaryRowKind.Balance, report.BalanceLabel, table.Balance.ToList()));
        return new(report.FundName, council, report.Currency, report.EffectPercent, columns, rows);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static EconomicsSummary FromJson(string json) =>
        JsonSerializer.Deserialize<EconomicsSummary>(json, Json) ?? throw new InvalidOperationException("An empty summary snapshot.");
}

/// <summary>A recorded decision with the summary it froze, for the pages (the public partial renders only this).</summary>
public sealed record ApprovedEconomics(EconomicsPublication Decision, EconomicsSummary Summary)
{
    public static ApprovedEconomics Of(EconomicsPublication decision) => new(decision, decision.Summary());
}
