using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bundlinje.Peers;

/// <summary>One INDIGO field of a row: its name (the header without the "- (Value)" suffix), its value as given and, where
/// the export has them, its "(Status)" (PUBLIC, PRIVATE, DISPUTED) and "(Source IDs)" columns.</summary>
public sealed record PeerField(
    [property: JsonPropertyName("n")] string Name,
    [property: JsonPropertyName("v")] string Value,
    [property: JsonPropertyName("s"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Status = null,
    [property: JsonPropertyName("src"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Sources = null)
{
    /// <summary>The status shown: the one given, else PUBLIC — the public export holds only what INDIGO publishes.</summary>
    [JsonIgnore] public string ShownStatus => Status ?? "PUBLIC";
}

public static class PeerFields
{
    private const string ValueSuffix = " - (Value)";
    private const string StatusSuffix = " - (Status)";
    private static readonly string[] SourceSuffixes = [" - (Source ID's)", " - (Source IDs)"];

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The fields of one row, in header order: a field's value, status and sources columns become one field; a field
    /// with nothing in any of them is left out (so the JSON is the same whenever the row is).</summary>
    public static List<PeerField> Group(IReadOnlyList<string> header, IReadOnlyList<string> cells)
    {
        var fields = new List<(string Name, string Value, string? Status, string? Sources)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var (name, part) = Split(header[i]);
            var cell = i < cells.Count ? cells[i] : "";
            if (!index.TryGetValue(name, out var at))
            {
                index[name] = at = fields.Count;
                fields.Add((name, "", null, null));
            }
            var f = fields[at];
            fields[at] = part switch
            {
                Part.Status => f with { Status = cell.Length == 0 ? null : cell },
                Part.Sources => f with { Sources = cell.Length == 0 ? null : cell },
                _ => f with { Value = cell },
            };
        }
        return fields.Where(f => f.Value.Length > 0 || f.Status is not null || f.Sources is not null)
            .Select(f => new PeerField(f.Name, f.Value, f.Status, f.Sources)).ToList();
    }

    private enum Part { Value, Status, Sources }

    private static (string Name, Part Part) Split(string header)
    {
        if (header.EndsWith(ValueSuffix, StringComparison.Ordinal)) return (header[..^ValueSuffix.Length], Part.Value);
        if (header.EndsWith(StatusSuffix, StringComparison.Ordinal)) return (header[..^StatusSuffix.Length], Part.Status);
        foreach (var suffix in SourceSuffixes)
            if (header.EndsWith(suffix, StringComparison.Ordinal)) return (header[..^suffix.Length], Part.Sources);
        return (header, Part.Value);
    }

    public static string ToJson(IReadOnlyList<PeerField> fields) => JsonSerializer.Serialize(fields, Json);

    public static IReadOnlyList<PeerField> FromJson(string json) => JsonSerializer.Deserialize<List<PeerField>>(json, Json) ?? [];

    /// <summary>A field's value, or null when the row has none.</summary>
    public static string? Value(this IReadOnlyList<PeerField> fields, string name) =>
        fields.FirstOrDefault(f => f.Name == name) is { Value.Length: > 0 } f ? f.Value : null;
}
