using System.Globalization;
using Bundlinje.Investments;
using Bundlinje.Reports.Annual;
using Bundlinje.Reports.FactSheets;

namespace Bundlinje.Reports;

/// <summary>One way to build and issue each kind of report: the builder with the current narratives of its scope, then
/// (to issue) the archive. Pages and the CLI use this, never a builder directly.</summary>
public sealed class ReportGenerator(
    AnnualReports annual, FactSheets.FactSheets sheets, DepartmentBundles bundles, ReportNarratives narratives, ReportArchive archive,
    Fund.PublishedTables published)
{
    /// <summary>The annual report of a year, reconciled against the table the fund published for that year when one is
    /// stored (<see cref="Fund.PublishedTables"/>).</summary>
    public async Task<BuiltReport> AnnualAsync(Fund.Fund fund, int year, string language, CancellationToken ct = default) =>
        await annual.BuildAsync(fund, YearInRange(year), await narratives.CurrentAsync(fund.Id, NarrativeScope.Annual(year), ct),
            language, (await published.CurrentAsync(fund, year, ct))?.Read(), ct);

    public async Task<BuiltReport> FactSheetAsync(Investment investment, DateOnly asOf, string language, CancellationToken ct = default) =>
        await sheets.BuildAsync(investment, asOf,
            await narratives.CurrentAsync(investment.FundId, NarrativeScope.FactSheet(investment.Key, asOf), ct), language, ct);

    public Task<BuiltReport> DepartmentAsync(Fund.Fund fund, string department, DateOnly asOf, string language,
        CancellationToken ct = default) => bundles.BuildAsync(fund, department, asOf, language, ct);

    public async Task<ReportRecord> IssueAnnualAsync(Fund.Fund fund, int year, ReportFormat format, string language,
        CancellationToken ct = default) =>
        await archive.IssueAsync(fund, ReportKind.AnnualReport, "", year.ToString(CultureInfo.InvariantCulture), AnnualAsOf(year),
            format, await AnnualAsync(fund, year, language, ct), ct);

    public async Task<ReportRecord> IssueFactSheetAsync(Investment investment, DateOnly asOf, ReportFormat format, string language,
        CancellationToken ct = default) =>
        await archive.IssueAsync(investment.Fund!, ReportKind.FactSheet, investment.Key, NarrativeScope.HalfYear(asOf), asOf, format,
            await FactSheetAsync(investment, asOf, language, ct), ct);

    public async Task<ReportRecord> IssueDepartmentAsync(Fund.Fund fund, string department, DateOnly asOf, ReportFormat format,
        string language, CancellationToken ct = default) =>
        await archive.IssueAsync(fund, ReportKind.DepartmentBundle, department, NarrativeScope.HalfYear(asOf), asOf, format,
            await DepartmentAsync(fund, department, asOf, language, ct), ct);

    /// <summary>An annual report is as of the last day of its year.</summary>
    public static DateOnly AnnualAsOf(int year) => new(YearInRange(year), 12, 31);

    private static int YearInRange(int year) =>
        year is >= 2000 and <= 2100 ? year : throw Common.Refused.At("Year", "report.yearRange", year);
}
