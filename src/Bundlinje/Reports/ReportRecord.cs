using Bundlinje.Common;

namespace Bundlinje.Reports;

/// <summary>A generated report file, kept as issued: what it is, as of when, who generated it when, the SHA-256 of the
/// facts it was generated from (<see cref="InputsSha256"/>, see <see cref="ReportInputs"/>) and of the file itself.
/// <see cref="Number"/> counts the generations of the same report (fund, kind, subject, period, format) from 1 and is
/// unique with them, so two generations at once cannot both become number n.</summary>
public sealed class ReportRecord : Entity, IAppendOnly
{
    string IAppendOnly.Refusal => "An issued report is kept as issued; generate it again instead.";

    public int FundId { get; set; }
    public ReportKind Kind { get; set; }
    /// <summary>"" for the annual report; the investment's key for a fact sheet; the department for a bundle.</summary>
    public string Subject { get; set; } = "";
    /// <summary>"2024" for an annual report, "2024-2" for a half-year's fact sheet or bundle.</summary>
    public required string Period { get; set; }
    public DateOnly AsOf { get; set; }
    public ReportFormat Format { get; set; }
    public int Number { get; set; }
    public required string Language { get; set; }
    public required string FileName { get; set; }
    public required byte[] Content { get; set; }
    public required string InputsSha256 { get; set; }
    public required string OutputSha256 { get; set; }
    public required string GeneratedBy { get; set; }
    public DateTimeOffset GeneratedAt { get; set; }
}

/// <summary>One revision of a hand-written text of a report (see <see cref="NarrativeScope"/>): a new row per save, the
/// highest <see cref="Revision"/> is the current text; revisions are unique per fund, scope and key.</summary>
public sealed class ReportNarrative : Entity, IAppendOnly
{
    string IAppendOnly.Refusal => "A narrative revision is kept; save a new revision instead.";

    public int FundId { get; set; }
    public required string Scope { get; set; }
    public required string Key { get; set; }
    public int Revision { get; set; }
    public required string Text { get; set; }
    public required string WrittenBy { get; set; }
    public DateTimeOffset WrittenAt { get; set; }
    /// <summary>Set when the text was copied from another period's scope as a starting point.</summary>
    public string? CopiedFrom { get; set; }
}

/// <summary>A report's document and the digest of the facts it was built from.</summary>
public sealed record BuiltReport(ReportDocument Document, string InputsSha256);

public static class ReportNarrativeLimits
{
    /// <summary>The longest text a narrative field takes (a long chapter of the annual report is about 10.000 characters).</summary>
    public const int MaxLength = 20_000;
}
