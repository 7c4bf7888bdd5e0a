using System.Text.Json;
using Bundlinje.Portfolio;

namespace Bundlinje.Fund;

/// <summary>The ledger exchange format "bundlinje-ledger/1": one fund's postings, amounts in kr.</summary>
public sealed class LedgerFile
{
    public const string CurrentFormat = "bundlinje-ledger/1";
    public string? Format { get; set; }
    public string? About { get; set; }
    public string? Fund { get; set; }
    public List<LedgerLine> Entries { get; set; } = [];

    public static LedgerFile Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<LedgerFile>(json, PortfolioJson.Options)
                ?? throw PortfolioJson.Rejected([Common.Refusal.At("$", "file.empty")]);
        }
        catch (JsonException e)
        {
            throw PortfolioJson.Rejected([PortfolioJson.SyntaxProblem(e)]);
        }
    }

    public static string ReadDemo()
    {
        using var stream = typeof(LedgerFile).Assembly.GetManifestResourceStream("Bundlinje.Fund.aarhus-ledger.json")
            ?? throw new InvalidOperationException("The demo ledger is not embedded in the assembly.");
        return new StreamReader(stream).ReadToEnd();
    }
}

public sealed class LedgerLine
{
    public LedgerPot Pot { get; set; }
    public int FiscalYear { get; set; }
    public DateOnly? EntryDate { get; set; }
    public LedgerKind Kind { get; set; }
    public LedgerBasis Basis { get; set; }
    public decimal Amount { get; set; }
    public string? Category { get; set; }
    public string? Investment { get; set; }
    public string? Payer { get; set; }
    public string? Metric { get; set; }
    public string? Text { get; set; }
}
