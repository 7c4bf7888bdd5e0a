using System.Globalization;
using Bundlinje.Reports;
using Bundlinje.Security;

namespace Bundlinje.Web.Pages.Funds.Reports;

/// <summary>Who reads which report (docs/reports.md, "Who"): the fund's secretariat and council every report of the fund; a
/// department's analysts that department's bundle; whoever reads an investment (its provider, investors, departments) that
/// investment's fact sheets. Asked of the database once per page.</summary>
public sealed record ReportAccess(bool FundWide, IReadOnlySet<string> Investments, IReadOnlySet<string> Departments)
{
    public static async Task<ReportAccess> OfAsync(HttpContext http, BundlinjeDb db, Fund.Fund fund, CancellationToken ct)
    {
        if (await http.MayAsync(fund, Operations.ReadFundWide)) return new(true, new HashSet<string>(), new HashSet<string>());
        var viewer = http.User.ToViewer();
        var investments = await db.Investments.Where(viewer.CanRead()).Where(i => i.FundId == fund.Id).Select(i => i.Key)
            .ToListAsync(ct);
        var departments = viewer.Is(Roles.DepartmentAnalyst) ? viewer.Scopes : new HashSet<string>();
        return new(false, investments.ToHashSet(StringComparer.Ordinal), departments);
    }

    public bool MayRead(ReportKind kind, string subject) => FundWide || kind switch
    {
        ReportKind.FactSheet => Investments.Contains(subject),
        ReportKind.DepartmentBundle => Departments.Contains(subject),
        _ => false,
    };

    /// <summary>The language a preview is built in: the reader's (English when the page is in English).</summary>
    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "da";

    /// <summary>"docx" or "pdf" from a form; anything else is refused at the field.</summary>
    public static ReportFormat Format(string? format) => format switch
    {
        "docx" => ReportFormat.Docx,
        "pdf" => ReportFormat.Pdf,
        _ => throw Common.Refused.At("Format", "report.unknownFormat", format ?? ""),
    };

    /// <summary>"da" or "en" from a form (default: the reader's language).</summary>
    public static string DocumentLanguage(string? language) => language switch
    {
        null or "" => Language,
        "da" or "en" => language,
        _ => throw Common.Refused.At("Language", "report.unknownLanguage", language),
    };
}
