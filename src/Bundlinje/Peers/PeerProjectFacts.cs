using System.Globalization;
using Bundlinje.Common;

namespace Bundlinje.Peers;

/// <summary>The typed columns of a project (<see cref="PeerProject"/>) from its fields, its delivery locations and its
/// outcome metrics. A value in a typed column that does not parse is a problem (file and row), never a guess.</summary>
public static class PeerProjectFacts
{
    public const string Name = "Impact Bond Name";
    public const string Stage = "Stage of Development";
    public const string Jurisdiction = "Jurisdiction - Jurisdiction";
    public const string PolicySector = "Purpose and classifications - Policy sector";
    public const string TargetPopulation = "Service and beneficiaries - Target population";
    public const string Participants = "Service and beneficiaries - Targeted number of unique service users or beneficiaries (total)";
    public const string CapitalCurrency = "Overall project finance - Total investment commitment - Currency";
    public const string CapitalExact = "Overall project finance - Total investment commitment - Amount - Exact";
    public const string CapitalMax = "Overall project finance - Total investment commitment - Amount - Max";
    public const string CapitalMin = "Overall project finance - Total investment commitment - Amount - Min";
    public const string Start = "Dates - Start date of service provision";
    public const string ActualEnd = "Dates - Actual end date of service provision";
    public const string AnticipatedEnd = "Dates - Anticipated end date of service provision";
    public const string LocationCountry = "Location - Country";
    public const string MetricSector = "Policy sector";

    public static List<PeerProject> Build(IReadOnlyList<PeerRow> rows, IReadOnlyList<PeerLink> links, List<Refusal> problems)
    {
        var file = PeerTables.File(PeerTable.Project);
        var countries = Lookup(rows, PeerTable.DeliveryLocation, LocationCountry);
        var sectors = Lookup(rows, PeerTable.OutcomeMetric, MetricSector);
        var projects = new List<PeerProject>();
        foreach (var row in rows.Where(r => r.Table == PeerTable.Project))
        {
            var f = row.Fields;
            void Problem(string field, string value, string code) =>
                problems.Add(PeerRows.At(file, row.Row, Refusal.Of(code, field, value)));
            int? Year(string field)
            {
                if (f.Value(field) is not { } text) return null;
                if (ParseYear(text) is { } year) return year;
                Problem(field, text, "indigo.badDate");
                return null;
            }
            decimal? capital = null;
            if ((f.Value(CapitalExact) ?? f.Value(CapitalMax) ?? f.Value(CapitalMin)) is { } amount)
            {
                if (decimal.TryParse(amount, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture,
                        out var parsed) && Math.Abs(parsed) < 1e15m)
                    capital = Math.Round(parsed, 2);
                else Problem(f.Value(CapitalExact) is null ? f.Value(CapitalMax) is null ? CapitalMin : CapitalMax : CapitalExact, amount,
                    "indigo.badNumber");
            }
            int? participants = null;
            if (f.Value(Participants) is { } count)
            {
                if (int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) participants = n;
                else Problem(Participants, count, "indigo.badNumber");
            }
            var start = Year(Start);
            var end = Year(ActualEnd) ?? Year(AnticipatedEnd);
            var codes = countries.GetValueOrDefault(row.Key, []).Concat(f.Value(Jurisdiction) is { } j ? [j] : Array.Empty<string>());
            var link = links.FirstOrDefault(l => l.IndigoId == row.Key);
            projects.Add(new PeerProject
            {
                IndigoId = row.Key, Name = f.Value(Name) ?? row.Key, Stage = f.Value(Stage), PolicySector = f.Value(PolicySector),
                TargetPopulation = f.Value(TargetPopulation), CapitalAmount = capital, CapitalCurrency = f.Value(CapitalCurrency),
                MaxParticipants = participants, StartYear = start, EndYear = end, Countries = Bars(codes.Select(c => c.ToUpperInvariant())),
                MetricSectors = Bars(sectors.GetValueOrDefault(row.Key, [])), LinkedInvestmentKey = link?.Investment,
                LinkedSubProject = link?.SubProject,
            });
        }
        return projects;
    }

    /// <summary>"2018", "2018-12" or "2018-12-01" → 2018; anything else null.</summary>
    public static int? ParseYear(string text)
    {
        var format = text.Trim().Length switch { 4 => "yyyy", 7 => "yyyy-MM", 10 => "yyyy-MM-dd", _ => null };
        return format is not null && DateOnly.TryParseExact(text.Trim(), format, CultureInfo.InvariantCulture, DateTimeStyles.None,
            out var date) ? date.Year : null;
    }

    /// <summary>"|A|B|": distinct, sorted, so that a filter asks for "|A|" with a parameter.</summary>
    public static string Bars(IEnumerable<string> values)
    {
        var list = values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .ToList();
        return list.Count == 0 ? "" : "|" + string.Join("|", list) + "|";
    }

    private static Dictionary<string, List<string>> Lookup(IReadOnlyList<PeerRow> rows, PeerTable table, string field) =>
        rows.Where(r => r.Table == table && r.ProjectId is not null && r.Fields.Value(field) is not null)
            .GroupBy(r => r.ProjectId!).ToDictionary(g => g.Key, g => g.Select(r => r.Fields.Value(field)!).ToList());
}
