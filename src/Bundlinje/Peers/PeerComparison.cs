using System.Globalization;

namespace Bundlinje.Peers;

/// <summary>An amount in the currency INDIGO gives it in (never converted).</summary>
public sealed record PeerAmount(string Currency, decimal Amount);

/// <summary>An outcome metric with its prices (per unit, and the most if every target is met), each in its currency.</summary>
public sealed record PeerMetric(string Definition, IReadOnlyList<string> Prices);

/// <summary>A project's column in the compare view, from its current rows: the capital, the duration, the participants,
/// the outcome metrics with their prices, and the outcome payments made (type Actual) against the commitments (maximum
/// potential outcome payments), each summed per currency.</summary>
public sealed record PeerColumn(PeerProject Project, int? DurationMonths, IReadOnlyList<PeerMetric> Metrics,
    IReadOnlyList<PeerAmount> Paid, IReadOnlyList<PeerAmount> Planned, IReadOnlyList<PeerAmount> Committed)
{
    public const string ActualDuration = "Dates - Actual duration of service provision";
    public const string AnticipatedDuration = "Dates - Anticipated duration of service provision";

    public static PeerColumn Of(PeerProjectView view)
    {
        var fields = view.Record.Parsed();
        var duration = Int(fields.Value(ActualDuration)) ?? Int(fields.Value(AnticipatedDuration))
            ?? Months(fields.Value(PeerProjectFacts.Start),
                fields.Value(PeerProjectFacts.ActualEnd) ?? fields.Value(PeerProjectFacts.AnticipatedEnd));
        var pricings = view.Of(PeerTable.OutcomePricing).Select(r => r.Parsed()).ToList();
        var metrics = view.Of(PeerTable.OutcomeMetric).Select(r => r.Parsed()).Select(m =>
        {
            var id = m.Value("Id");
            var prices = pricings.Where(p => id is not null && p.Value("Outcome Metric Id") == id).SelectMany(p => Prices(p)).ToList();
            return new PeerMetric(m.Value("Outcome Definition") ?? id ?? "", prices);
        }).ToList();
        var payments = view.Of(PeerTable.OutcomePayment).Select(r => r.Parsed()).ToList();
        List<PeerAmount> Payments(string type) => Sum(payments.Where(p => p.Value("Type") == type)
            .Select(p => (p.Value("Payments - Currency"), p.Value("Payments - Amount"))));
        var committed = Sum(view.Of(PeerTable.OutcomePaymentCommitment).Select(r => r.Parsed())
            .Select(c => (c.Value("Maximum potential Outcome payment - Currency"), c.Value("Maximum potential Outcome payment - Amount"))));
        return new(view.Project, duration, metrics, Payments("Actual"), Payments("Planned"), committed);
    }

    private static IEnumerable<string> Prices(IReadOnlyList<PeerField> p)
    {
        var currency = p.Value("Currency") ?? "";
        if (p.Value("Price Per Unit - Amount") is { } unit) yield return $"{currency} {Number(unit)} / unit".Trim();
        if (p.Value("Maximum Price if all targets achieved - Amount") is { } max) yield return $"max. {currency} {Number(max)}".Trim();
    }

    /// <summary>An INDIGO amount shown with Danish digit grouping, or as given when it is not a number.</summary>
    public static string Number(string text) => Decimal(text) is { } d ? d.ToString("#,##0.##", Danish) : text;

    public static string Format(PeerAmount a) => $"{a.Currency} {a.Amount.ToString("#,##0.##", Danish)}".Trim();

    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    private static List<PeerAmount> Sum(IEnumerable<(string? Currency, string? Amount)> amounts) =>
        amounts.Where(a => Decimal(a.Amount) is not null).GroupBy(a => a.Currency ?? "")
            .Select(g => new PeerAmount(g.Key, g.Sum(a => Decimal(a.Amount)!.Value))).OrderBy(a => a.Currency, StringComparer.Ordinal)
                .ToList();

    private static decimal? Decimal(string? text) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d)
            ? d : null;

    /// <summary>Months from a start to an end month ("2022-05" to "2030-05" is 96), when both give their month.</summary>
    public static int? Months(string? start, string? end) =>
        Month(start) is { } s && Month(end) is { } e && e > s ? e - s : null;

    private static int? Month(string? date) =>
        date is { Length: >= 7 } && DateOnly.TryParseExact(date[..7], "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None,
            out var d) ? d.Year * 12 + d.Month : null;

    private static int? Int(string? text) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? (int)Math.Round(d) : null;
}
