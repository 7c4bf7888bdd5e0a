using System.Globalization;
using System.Text;
using System.Text.Json;
using Bundlinje.Common;
using Bundlinje.Investments;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.BusinessCases;

/// <summary>A stored case exported (XLSX or the JSON case file) and a file imported as the next revision.</summary>
public sealed record CaseExport(byte[] Content, string ContentType, string FileName);

/// <summary>The outcome of an import: the stored revision, or the current one unchanged when the file holds the same case.</summary>
public sealed record CaseImport(StoredBusinessCase Stored, bool Unchanged);

/// <summary>
/// Business cases in and out of files (docs/business-cases.md, "Excel and CLI"): export a stored case as an XLSX workbook
/// (<see cref="IBusinessCaseWorkbook"/>) or as its JSON case file, import either back (by the file name's extension) as
/// the next revision of its investment's case, all or nothing, a workbook's problems at their sheet, row and column.
/// </summary>
public sealed class BusinessCaseExchange(IBundlinjeStore store, BusinessCases cases, IBusinessCaseWorkbook workbook)
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The investment by key, with its fund (the CLI's way in).</summary>
    public Task<Investment> InvestmentAsync(string key, CancellationToken ct = default) => store.InvestmentWithFundAsync(key, ct);

    /// <summary>The current case of an agreement version (default: the newest with a case) and part (needed when the
    /// version has cases for several parts), computed at the fund's rates.</summary>
    public async Task<ComputedCase> ComputeAsync(Investment investment, int? version = null, string? part = null,
        CancellationToken ct = default)
    {
        var current = await cases.CurrentAsync(investment, ct);
        if (current.Count == 0) throw new Refused("businessCase.none", investment.Key);
        var inVersion = current.Where(b => b.AgreementVersion == (version ?? current.Max(x => x.AgreementVersion))).ToList();
        if (inVersion.Count == 0)
            throw new Refused("businessCase.noneForVersion", investment.Key, version,
                string.Join(", ", current.Select(b => b.AgreementVersion).Distinct()));
        var chosen = part is null
            ? inVersion.Count == 1 ? inVersion[0]
                : throw new Refused("businessCase.partRequired", investment.Key, string.Join(", ", inVersion.Select(b => b.Part)))
            : inVersion.FirstOrDefault(b => b.Part == part.Trim())
                ?? throw new Refused("businessCase.unknownPart", part, string.Join(", ", inVersion.Select(b => b.Part)));
        return await cases.ComputeAsync(investment, chosen, ct);
    }

    /// <summary>A stored case as "xlsx" (the workbook) or "json" (the case file).</summary>
    public async Task<CaseExport> ExportAsync(Investment investment, string format, int? version = null, string? part = null,
        CancellationToken ct = default)
    {
        var computed = await ComputeAsync(investment, version, part, ct);
        return Export(computed, (investment.Fund ?? await FundAsync(investment, ct)).DiscountRates, format);
    }

    /// <summary>A stored case of the loaded investment by id (a page's download; another investment's is
    /// <see cref="NotFound"/>).</summary>
    public async Task<CaseExport> ExportAsync(Investment investment, int id, string format, CancellationToken ct = default)
    {
        var computed = await cases.ComputeAsync(investment, await cases.FindAsync(investment, id, ct), ct);
        return Export(computed, (investment.Fund ?? await FundAsync(investment, ct)).DiscountRates, format);
    }

    private CaseExport Export(ComputedCase computed, DiscountRates rates, string format)
    {
        var name = FileName(computed);
        return format switch
        {
            "xlsx" => new(workbook.Write(computed, rates), XlsxType, name + ".xlsx"),
            "json" => new(Encoding.UTF8.GetBytes(computed.Stored.Json), "application/json", name + ".json"),
            _ => throw new Refused("businessCase.exportFormat", format),
        };
    }

    /// <summary>Imports a case file (.json) or workbook (.xlsx) for the investment it names.</summary>
    public async Task<CaseImport> ImportAsync(string fileName, Stream content, CancellationToken ct = default)
    {
        var (c, read) = Read(fileName, content);
        var investment = await store.Investments.AsNoTracking().Include(i => i.Fund).FirstOrDefaultAsync(i => i.Key == c.Investment, ct);
        if (investment is null)
        {
            var unknown = BusinessCaseFile.Rejected(Refusal.At("$.case.investment", "investment.unknown", c.Investment));
            throw read?.Locate(unknown) ?? unknown;
        }
        return await SaveAsync(investment, c, read, ct);
    }

    /// <summary>Imports a case file or workbook for a loaded investment (which the case must name).</summary>
    public async Task<CaseImport> ImportAsync(Investment investment, string fileName, Stream content, CancellationToken ct = default)
    {
        var (c, read) = Read(fileName, content);
        return await SaveAsync(investment, c, read, ct);
    }

    private async Task<CaseImport> SaveAsync(Investment investment, BusinessCase c, WorkbookCase? read, CancellationToken ct)
    {
        // The same case again (a round trip, a second import of one file) is no new revision.
        var hash = BusinessCaseFile.Hash(c);
        var current = (await cases.CurrentAsync(investment, ct))
            .FirstOrDefault(b => b.AgreementVersion == c.AgreementVersion && b.Part == (c.Part ?? ""));
        if (current?.Hash == hash) return new(current, Unchanged: true);
        try { return new(await cases.SaveAsync(investment, c, ct), Unchanged: false); }
        catch (Refused refused) when (read is not null) { throw read.Locate(refused); }
    }

    private (BusinessCase Case, WorkbookCase? Read) Read(string fileName, Stream content)
    {
        switch (Path.GetExtension(fileName).ToLowerInvariant())
        {
            case ".xlsx":
                var read = workbook.Read(content);
                return (read.Case, read);
            case ".json":
                using (var bounded = new MemoryStream())
                {
                    var buffer = new byte[81920];
                    for (int n; (n = content.Read(buffer)) > 0;)
                    {
                        bounded.Write(buffer, 0, n);
                        if (bounded.Length > BusinessCaseSheets.MaxBytes)
                            throw BusinessCaseFile.Rejected(
                                Refusal.Of("businessCase.fileTooLarge", bounded.Length, BusinessCaseSheets.MaxBytes));
                    }
                    bounded.Position = 0;
                    using var reader = new StreamReader(bounded, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                    return (BusinessCaseFile.Read(reader.ReadToEnd()), null);
                }
            default:
                throw new Refused("businessCase.fileType", Path.GetFileName(fileName));
        }
    }

    private async Task<Fund.Fund> FundAsync(Investment investment, CancellationToken ct) =>
        await store.Funds.AsNoTracking().SingleAsync(f => f.Id == investment.FundId, ct);

    private static string FileName(ComputedCase computed)
    {
        var c = computed.Case;
        var part = c.Part is null ? ""
            : "-" + new string(c.Part.Select(ch => char.IsLetterOrDigit(ch) ? ch : '-').ToArray()).ToLowerInvariant();
        return $"business-case-{c.Investment}{part}-v{c.AgreementVersion}-r{computed.Stored.Revision}";
    }

    /// <summary>The yearly table as CSV (invariant culture, kr.): year, cost, gross, repayment, net, cumulativeNet; then,
    /// after a blank line, the key/value rows breakEvenYear (empty when none) and netPresentValue.</summary>
    public static string ToCsv(ComputedCase computed)
    {
        var csv = new StringBuilder().AppendCsvLine("year", "cost", "gross", "repayment", "net", "cumulativeNet");
        foreach (var y in computed.Result.Years) csv.AppendCsvLine(y.Year, y.Cost, y.Gross, y.Repayment, y.Net, y.CumulativeNet);
        return csv.Append('\n').AppendCsvLine("breakEvenYear", computed.Result.BreakEvenYear)
            .AppendCsvLine("netPresentValue", computed.Result.NetPresentValue).ToString();
    }

    /// <summary>The case's identity, the yearly table, break-even and the net present value as JSON.</summary>
    public static string ToJson(ComputedCase computed, DiscountRates rates)
    {
        var (c, r) = (computed.Case, computed.Result);
        return JsonSerializer.Serialize(new
        {
            c.Investment, c.AgreementVersion, c.Part, computed.Stored.Revision, c.Title, c.PriceYear, c.StartYear, c.EndYear,
            r.Years, r.BreakEvenYear, r.NetPresentValue, DiscountRates = rates,
        }, Portfolio.PortfolioJson.Options);
    }

    /// <summary>One line: "Break-even 2027, net present value 1.234.567 kr." (Danish numbers, as the other commands).</summary>
    public static string Summary(ComputedCase computed) =>
        Kroner.Text($"{computed.Case.Title} (aftaleversion {computed.Case.AgreementVersion}, revision {computed.Stored.Revision}): ")
        + (computed.Result.BreakEvenYear is { } year ? $"break-even {year.ToString(CultureInfo.InvariantCulture)}" : "no break-even")
        + $", net present value {Kroner.Format(computed.Result.NetPresentValue)}.";
}
