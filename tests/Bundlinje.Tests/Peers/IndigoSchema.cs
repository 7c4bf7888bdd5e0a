using System.Text.Json;
using System.Text.Json.Nodes;
using Bundlinje.Tests.Infrastructure;
using Json.Schema;

namespace Bundlinje.Tests.Peers;

/// <summary>The INDIGO data standard's own JSON schemas (4.1.0: schema/project.json and schema/organisation.json, draft-07),
/// read from the folder in BUNDLINJE_INDIGO_SCHEMA. They are not in our repository (the standard's repository states no
/// licence); scripts/test.sh extracts them from the machine's mirror of INDIGO-Initiative/indigo-data-standard. Without
/// them a test skips, and fails under CI=true only when that mirror is on the machine (so it could have been given).</summary>
public static class IndigoSchema
{
    public const string Mirror = "/work/.mirror/INDIGO-Initiative+indigo-data-standard/repo";

    public static string? Folder() =>
        Environment.GetEnvironmentVariable("BUNDLINJE_INDIGO_SCHEMA") is { Length: > 0 } set
            && File.Exists(Path.Combine(set, "project.json")) && File.Exists(Path.Combine(set, "organisation.json")) ? set : null;

    public static string Required()
    {
        if (Folder() is { } folder) return folder;
        const string reason = "The INDIGO schema files (BUNDLINJE_INDIGO_SCHEMA: a folder with project.json and organisation.json) "
            + "are not here";
        if (Directory.Exists(Mirror)) Requirement.Missing(reason);
        else Assert.Skip(reason + " (and no mirror of the standard on this machine)");
        return "";
    }

    /// <summary>The errors of <paramref name="instance"/> against the schema file (empty: valid), as "location: message".</summary>
    public static List<string> Errors(string folder, string file, JsonNode instance)
    {
        // project.json repeats a "title" key in four objects; like most JSON readers, the last one wins.
        using var text = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, file)));
        var schema = JsonSchema.FromText(LastWins(text.RootElement)!.ToJsonString());
        var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return [];
        var errors = (result.Details ?? []).Where(d => d.HasErrors)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")).ToList();
        return errors.Count > 0 ? errors : ["invalid"];
    }

    /// <summary>The column INDIGO's CSV export gives a field of project.json: its titles along the path, joined by " - "
    /// ("Overall project finance - Total investment commitment - Amount - Exact").</summary>
    public static string Title(string folder, string path)
    {
        using var text = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "project.json")));
        var node = LastWins(text.RootElement)!;
        var titles = new List<string>();
        foreach (var key in path.Split('/'))
        {
            node = node["properties"]![key]!;
            titles.Add((string?)node["title"] ?? key);
        }
        return string.Join(" - ", titles);
    }

    private static JsonNode? LastWins(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().Aggregate(new JsonObject(), (o, p) =>
        {
            o[p.Name] = LastWins(p.Value);
            return o;
        }),
        JsonValueKind.Array => new JsonArray([.. e.EnumerateArray().Select(LastWins)]),
        _ => JsonValue.Create(e.Clone()),
    };
}
