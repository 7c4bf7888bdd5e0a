namespace Bundlinje.Reports;

/// <summary>What a report is: the council's annual report to the city council, MSB's one-page fact sheet of an investment
/// (half-yearly), or all fact sheets of one paying department's investments in one document (for the councillor).</summary>
public enum ReportKind { AnnualReport, FactSheet, DepartmentBundle }

/// <summary>The file a report is written as. PDF is the HTML preview printed by Chromium.</summary>
public enum ReportFormat { Docx, Pdf }

/// <summary>Where the hand-written texts of one report live: the annual report of a year ("annual/2024") or an
/// investment's fact sheet of a half-year ("factsheet/laer-for-livet/2024-2"); the department bundle uses its investments'
/// fact-sheet scopes. A previous period's texts can be copied into a new one as a starting point.</summary>
public static class NarrativeScope
{
    public static string Annual(int year) => $"annual/{year}";

    public static string FactSheet(string investmentKey, DateOnly asOf) => $"factsheet/{investmentKey}/{HalfYear(asOf)}";

    /// <summary>"2024-1" for January–June, "2024-2" for July–December.</summary>
    public static string HalfYear(DateOnly date) => $"{date.Year}-{(date.Month <= 6 ? 1 : 2)}";

    /// <summary>The same kind of scope one period earlier (the year before; the half-year before).</summary>
    public static string Previous(string scope)
    {
        var parts = scope.Split('/');
        if (parts[0] == "annual") return Annual(int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) - 1);
        var (year, half) = (int.Parse(parts[2][..4], System.Globalization.CultureInfo.InvariantCulture), parts[2][5] - '0');
        return $"factsheet/{parts[1]}/{(half == 2 ? $"{year}-1" : $"{year - 1}-2")}";
    }
}

/// <summary>The default dates reports are as of.</summary>
public static class ReportPeriods
{
    /// <summary>The end of the last complete half-year before <paramref name="today"/> (MSB's status is half-yearly).</summary>
    public static DateOnly LastHalfYearEnd(DateOnly today) => today.Month >= 7 ? new(today.Year, 6, 30) : new(today.Year - 1, 12, 31);

    /// <summary>The last complete year before <paramref name="today"/> (the annual report is written after the accounts).</summary>
    public static int LastYear(DateOnly today) => today.Year - 1;
}
