using System.Security.Cryptography;
using Bundlinje.Common;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Reports;

/// <summary>A report record as listed (without its file).</summary>
public sealed record ReportListing(
    int Id, ReportKind Kind, string Subject, string Period, DateOnly AsOf, ReportFormat Format, int Number, string Language,
    string FileName, int Size, string InputsSha256, string OutputSha256, string GeneratedBy, DateTimeOffset GeneratedAt);

/// <summary>Issues reports: writes a built document as a file, and keeps the file with what it was generated from (the
/// inputs digest), its own SHA-256, who and when, numbered per report and format by a unique index.</summary>
public sealed class ReportArchive(IBundlinjeStore store, IReportFiles files, ICurrentUser user, TimeProvider clock)
{
    public async Task<ReportRecord> IssueAsync(Fund.Fund fund, ReportKind kind, string subject, string period, DateOnly asOf,
        ReportFormat format, BuiltReport built, CancellationToken ct = default)
    {
        var content = format == ReportFormat.Pdf ? await files.PdfAsync(built.Document, ct) : await files.DocxAsync(built.Document, ct);
        var number = 1 + (await store.Reports.Where(r => r.FundId == fund.Id && r.Kind == kind && r.Subject == subject
            && r.Period == period && r.Format == format).Select(r => (int?)r.Number).MaxAsync(ct) ?? 0);
        var record = new ReportRecord
        {
            FundId = fund.Id, Kind = kind, Subject = subject, Period = period, AsOf = asOf, Format = format, Number = number,
            Language = built.Document.Language,
            FileName = FileName(fund.Key, kind, subject, period, number, format, built.Document.Language),
            Content = content, InputsSha256 = built.InputsSha256, OutputSha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            GeneratedBy = user.Name, GeneratedAt = clock.GetUtcNow(),
        };
        store.Reports.Add(record);
        // The unique index on (fund, kind, subject, period, format, number) decides two generations at once.
        await store.SaveOnceAsync(Refusal.Of("report.issuedConcurrently"), ct);
        return record;
    }

    /// <summary>The fund's reports without their files, newest first (by id: SQLite cannot order by a DateTimeOffset); the
    /// page shows each reader those it may read.</summary>
    public Task<List<ReportListing>> ListAsync(Fund.Fund fund, CancellationToken ct = default) =>
        store.Reports.AsNoTracking().Where(r => r.FundId == fund.Id).OrderByDescending(r => r.Id)
            .Select(r => new ReportListing(r.Id, r.Kind, r.Subject, r.Period, r.AsOf, r.Format, r.Number, r.Language, r.FileName,
                r.Content.Length, r.InputsSha256, r.OutputSha256, r.GeneratedBy, r.GeneratedAt))
            .ToListAsync(ct);

    /// <summary>A report of this fund by id, with its file; another fund's is <see cref="NotFound"/>.</summary>
    public async Task<ReportRecord> FindAsync(Fund.Fund fund, int id, CancellationToken ct = default) =>
        await store.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.FundId == fund.Id, ct)
            ?? throw new NotFound("report", id);

    public static string FileName(string fundKey, ReportKind kind, string subject, string period, int number, ReportFormat format,
        string language)
    {
        var stem = kind switch
        {
            ReportKind.AnnualReport => language == "en" ? $"annual-report-{fundKey}" : $"aarsrapport-{fundKey}",
            ReportKind.FactSheet => (language == "en" ? "fact-sheet-" : "faktaark-") + subject,
            _ => (language == "en" ? "department-" : "forvaltning-") + subject,
        };
        return $"{stem}-{period}-{number}.{(format == ReportFormat.Pdf ? "pdf" : "docx")}";
    }
}
