using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Bundlinje.Reports;

/// <summary>The facts a report is built from (ledger postings, approved runs, proposals, the portfolio as of the date, the
/// narrative revisions), each under a stable key ("ledger/123", "run/7"); <see cref="Sha256"/> digests them in key order,
/// so the same facts give the same digest whatever order a builder read them in, and any changed fact changes it.</summary>
public sealed class ReportInputs
{
    private readonly SortedDictionary<string, string> facts = new(StringComparer.Ordinal);

    /// <summary>Records a fact; the value is serialized as JSON (records and anonymous objects of plain values).</summary>
    public ReportInputs Add(string key, object? value)
    {
        facts[key] = JsonSerializer.Serialize(value);
        return this;
    }

    public int Count => facts.Count;

    public string Sha256()
    {
        var text = new StringBuilder();
        foreach (var (key, value) in facts) text.Append(key).Append('=').Append(value).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
