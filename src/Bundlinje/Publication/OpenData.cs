using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bundlinje.Publication;

/// <summary>The public pages' data as files (docs/openness.md, "Public pages and open data"): investments, results and
/// payments, each as CSV (UTF-8 with BOM, header row, ';' between fields, decimal comma, dates yyyy-MM-dd) and JSON (the fund,
/// generated-at, the field names explained, the rows; decimal point). Exactly what the pages show: an unpublished field
/// group is empty in CSV and absent in JSON; a count is a text, "&lt;5" and "x" stay as the pages show them. Pure.</summary>
public static class OpenData
{
    public const char Separator = ';';
    public static readonly IReadOnlyList<string> Files = ["investments", "results", "payments"];
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Fields =
        new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["investments"] = new Dictionary<string, string>
            {
                ["investment"] = "the investment's key (its page: /Offentlig/{fund}/{investment})", ["name"] = "name",
                ["status"] = "InDevelopment, Active, Ended, TerminatedEarly or Donation", ["periodStart"] = "agreed period, first day",
                ["periodEnd"] = "agreed period, last day", ["targetGroup"] = "target group (field group TargetGroup)",
                ["plannedParticipants"] = "planned participants in all (TargetGroup)", ["capital"] = "committed capital (Capital)",
                ["enrolledAsOf"] = "date of the latest enrolment count (Enrolment)", ["enrolled"] = "latest enrolment count (Enrolment)",
                ["paid"] = "approved result payments in all (Payments)", ["currency"] = "ISO 4217 code of the amounts",
                ["parties"] = "JSON only: organisations and roles (Parties)",
                ["capitalPerInvestor"] = "JSON only: committed capital per investor (Capital)",
                ["paymentModel"] = "JSON only: the payment model in sentences (PaymentModel)",
            },
            ["results"] = new Dictionary<string, string>
            {
                ["investment"] = "the investment's key", ["asOf"] = "the approved follow-up run's as-of date",
                ["approvedOn"] = "the day the run was approved", ["metric"] = "outcome metric", ["cohort"] = "cohort",
                ["achieved"] = "participants who achieved the outcome", ["notAchieved"] = "eligible participants who did not",
                ["eligible"] = "eligible participants in all (the line's total)",
            },
            ["payments"] = new Dictionary<string, string>
            {
                ["investment"] = "the investment's key", ["asOf"] = "the approved follow-up run's as-of date", ["payer"] = "payer",
                ["amount"] = "approved result payment", ["paidOn"] = "the day it was paid (empty: not yet)",
                ["currency"] = "ISO 4217 code of the amount",
            },
        };

    /// <summary>The file as CSV; null for an unknown file name.</summary>
    public static string? Csv(PublicData data, string file) => file switch
    {
        "investments" => Write(file, InvestmentRows(data)),
        "results" => Write(file, ResultRows(data)),
        "payments" => Write(file, PaymentRows(data)),
        _ => null,
    };

    /// <summary>The file as JSON: fund, generatedAt, fields (name → meaning) and rows; null for an unknown file name.</summary>
    public static string? Json(PublicData data, string file)
    {
        object? rows = file switch
        {
            "investments" => data.Fund.Investments.Zip(data.Investments, (s, i) => new
            {
                investment = s.Key, name = s.Name, status = s.Status.ToString(), periodStart = i.PeriodStart, periodEnd = i.PeriodEnd,
                targetGroup = i.TargetGroup?.Text, plannedParticipants = i.TargetGroup?.PlannedMax, capital = s.Capital,
                enrolledAsOf = s.Enrolled?.AsOf, enrolled = s.Enrolled is { } e ? Count(e.Text) : null, paid = s.Paid,
                currency = data.Fund.Currency,
                parties = i.Parties?.Select(p => new { organisation = p.Organisation, role = p.Role.ToString() }),
                capitalPerInvestor = i.Capital?.Select(c => new { investor = c.Investor, amount = c.Amount }),
                paymentModel = i.PaymentModel,
            }).ToList(),
            "results" => ResultRows(data).Select(r => Named("results", r)).ToList(),
            "payments" => data.Investments.Where(i => i.Payments is not null).SelectMany(i => i.Payments!.Select(p => new
            {
                investment = i.Key, asOf = p.AsOf, payer = p.Payer, amount = p.Amount, paidOn = p.PaidOn, currency = data.Fund.Currency,
            })).ToList(),
            _ => null,
        };
        if (rows is null) return null;
        var f = data.Fund;
        return JsonSerializer.Serialize(new
        {
            fund = new { key = f.Key, name = f.Name, council = f.Council, currency = f.Currency }, generatedAt = f.GeneratedAt,
            file, fields = Fields[file], rows,
        }, Options);
    }

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static Dictionary<string, string> Named(string file, IReadOnlyList<string> row) =>
        Fields[file].Keys.Zip(row).ToDictionary(x => x.First, x => x.Second);

    private static IEnumerable<IReadOnlyList<string>> InvestmentRows(PublicData data) =>
        data.Fund.Investments.Zip(data.Investments, (s, i) => (IReadOnlyList<string>)
        [
            s.Key, s.Name, s.Status.ToString(), Date(i.PeriodStart), Date(i.PeriodEnd), i.TargetGroup?.Text ?? "",
            i.TargetGroup?.PlannedMax?.ToString(CultureInfo.InvariantCulture) ?? "", Amount(s.Capital), Date(s.Enrolled?.AsOf),
            s.Enrolled is { } e ? Count(e.Text) : "", Amount(s.Paid), data.Fund.Currency,
        ]);

    private static IEnumerable<IReadOnlyList<string>> ResultRows(PublicData data) =>
        data.Investments.Where(i => i.Results is not null).SelectMany(i => i.Results!.SelectMany(run => run.Results.Select(r =>
            (IReadOnlyList<string>)[i.Key, Date(run.AsOf), Date(run.ApprovedOn), r.Metric, r.Cohort, Count(r.Achieved),
                Count(r.NotAchieved), Count(r.Eligible)])));

    private static IEnumerable<IReadOnlyList<string>> PaymentRows(PublicData data) =>
        data.Investments.Where(i => i.Payments is not null).SelectMany(i => i.Payments!.Select(p =>
            (IReadOnlyList<string>)[i.Key, Date(p.AsOf), p.Payer, Amount(p.Amount), Date(p.PaidOn), data.Fund.Currency]));

    /// <summary>A published count without the page's thousands separator: digits, or "&lt;5" / "x" as suppressed.</summary>
    public static string Count(string shown) =>
        shown is Suppression.Masked or Suppression.Complementary ? shown : shown.Replace(".", "", StringComparison.Ordinal);

    private static string Amount(decimal? amount) => amount?.ToString("0.##", Danish) ?? "";

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string Write(string file, IEnumerable<IReadOnlyList<string>> rows)
    {
        var csv = new StringBuilder();
        Line(csv, [.. Fields[file].Keys.Where(k => !Fields[file][k].StartsWith("JSON only", StringComparison.Ordinal))]);
        foreach (var row in rows) Line(csv, row);
        return csv.ToString();
    }

    private static void Line(StringBuilder csv, IReadOnlyList<string> fields) =>
        csv.Append(string.Join(Separator, fields.Select(Quote))).Append("\r\n");

    private static string Quote(string field) => field.IndexOfAny([Separator, '"', '\r', '\n']) >= 0
        ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
