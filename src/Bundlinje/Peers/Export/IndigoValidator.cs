using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static Bundlinje.Peers.Export.IndigoMapping;

namespace Bundlinje.Peers.Export;

/// <summary>Checks an export against the INDIGO 4.1.0 rules for the parts it writes, written from the standard's
/// documentation (the standard's repository states no licence, so its schema files are not copied into ours; the tests
/// also validate against them where they are on the machine, docs/indigo.md). Returns every problem as "where: what";
/// none means valid.</summary>
public static partial class IndigoValidator
{
    private static readonly HashSet<string> RootKeys = new(StringComparer.Ordinal) { "standard", "publisher", "projects", "organisations" };

    public static IReadOnlyList<string> Check(JsonNode? document)
    {
        var problems = new List<string>();
        if (document is not JsonObject root) return ["$: not a JSON object"];
        foreach (var key in root.Select(p => p.Key).Where(k => !RootKeys.Contains(k))) problems.Add($"$.{key}: not part of the export");
        if (Str(root["standard"]?["version"]) != StandardVersion) problems.Add($"$.standard.version: not {StandardVersion}");
        var organisations = Entries(root, "organisations", OrganisationPrefix, problems);
        var projects = Entries(root, "projects", ProjectPrefix, problems);
        var ids = organisations.Select(o => Str(o.Entry["id"])).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var (where, _, data) in organisations) Data(data, where, IndigoFields.Organisation, ids, problems);
        foreach (var (where, entry, data) in projects)
        {
            if (entry["same_as"] is { } same)
            {
                if (same is not JsonArray list || list.Any(x => Str(x) is not { } s || !IndigoProjectId().IsMatch(s)))
                    problems.Add($"{where}.same_as: not a list of INDIGO project ids (INDIGO-POJ-nnnn)");
            }
            Data(data, where, IndigoFields.Project, ids, problems);
            if (data is not null) MetricReferences(data, where, problems);
        }
        return problems;
    }

    /// <summary>The entries of "projects" or "organisations": each {"id": prefix + key, "data": {…}}, ids unique.</summary>
    private static List<(string Where, JsonObject Entry, JsonObject? Data)> Entries(JsonObject root, string name, string prefix,
        List<string> problems)
    {
        var found = new List<(string, JsonObject, JsonObject?)>();
        if (root[name] is not JsonArray array)
        {
            problems.Add($"$.{name}: missing or not a list");
            return found;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var n = 0; n < array.Count; n++)
        {
            var where = $"$.{name}[{n}]";
            if (array[n] is not JsonObject entry) { problems.Add($"{where}: not an object"); continue; }
            var id = Str(entry["id"]);
            if (id is null || !id.StartsWith(prefix, StringComparison.Ordinal) || !Key().IsMatch(id[prefix.Length..]))
                problems.Add($"{where}.id: not {prefix}<key>");
            else if (!seen.Add(id)) problems.Add($"{where}.id: {id} repeated");
            if (entry["data"] is not JsonObject) problems.Add($"{where}.data: missing or not an object");
            found.Add((where, entry, entry["data"] as JsonObject));
        }
        return found;
    }

    private static void Data(JsonObject? data, string where, IReadOnlyDictionary<string, IndigoField> fields, HashSet<string> ids,
        List<string> problems)
    {
        if (data is null) return;
        if (Str(data["status"]) != Public) problems.Add($"{where}.data.status: an exported record is PUBLIC");
        if (data["name"] is null) problems.Add($"{where}.data.name: missing");
        Walk(data, "", $"{where}.data", fields, ids, problems);
    }

    private static void Walk(JsonObject o, string path, string where, IReadOnlyDictionary<string, IndigoField> fields, HashSet<string> ids,
        List<string> problems)
    {
        foreach (var (key, node) in o)
        {
            var p = path.Length == 0 ? key : path + "/" + key;
            var at = $"{where}.{key}";
            if (key == "status")
            {
                if (Str(node) is not { } s || !IndigoFields.Statuses.Contains(s)) problems.Add(
                    $"{at}: not one of {string.Join(", ", IndigoFields.Statuses)}");
            }
            else if (IndigoFields.IsPlainText(key))
            {
                if (Str(node) is not { Length: > 0 }) problems.Add($"{at}: not a text");
            }
            else if (fields.TryGetValue(p, out var field)) Field(node, field, at, ids, problems);
            else if (path.Length == 0 && IndigoFields.RowSections.Contains(key) && fields == IndigoFields.Project) Rows(node, key, at, ids,
                problems);
            else if (node is JsonObject section && fields.Keys.Any(k => k.StartsWith(p + "/", StringComparison.Ordinal)))
                Walk(section, p, at, fields, ids, problems);
            else problems.Add($"{at}: not a field of INDIGO {StandardVersion} that the export writes");
        }
    }

    private static void Rows(JsonNode? node, string section, string where, HashSet<string> ids, List<string> problems)
    {
        if (node is not JsonArray rows) { problems.Add($"{where}: not a list"); return; }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var n = 0; n < rows.Count; n++)
        {
            var at = $"{where}[{n}]";
            if (rows[n] is not JsonObject row) { problems.Add($"{at}: not an object"); continue; }
            if (row["status"] is null) problems.Add($"{at}.status: missing");
            if (Str(row["id"]) is { } id && !seen.Add(id)) problems.Add($"{at}.id: {id} repeated");
            Walk(row, section + "[]", at, IndigoFields.Project, ids, problems);
        }
    }

    /// <summary>A field: {"value", "status": PUBLIC} with a value of its kind, or {"status": PRIVATE} with no value.</summary>
    private static void Field(JsonNode? node, IndigoField field, string at, HashSet<string> ids, List<string> problems)
    {
        if (node is not JsonObject o) { problems.Add($"{at}: not a {{value, status}} object"); return; }
        foreach (var key in o.Select(p => p.Key).Where(k => k is not ("value" or "status"))) problems.Add(
            $"{at}.{key}: not part of a field");
        var status = Str(o["status"]);
        var value = o["value"];
        if (status == Private)
        {
            if (o.ContainsKey("value")) problems.Add($"{at}: PRIVATE but has a value");
            return;
        }
        if (status != Public) { problems.Add($"{at}.status: not PUBLIC or PRIVATE"); return; }
        if (value is null) { problems.Add($"{at}: PUBLIC without a value"); return; }
        if (Problem(value, field, ids) is { } problem) problems.Add($"{at}.value: {problem}");
    }

    private static string? Problem(JsonNode value, IndigoField field, HashSet<string> ids)
    {
        if (field.Kind == IndigoKind.Number)
            return value.GetValueKind() == JsonValueKind.Number && decimal.TryParse(value.ToJsonString(), NumberStyles.Float,
                CultureInfo.InvariantCulture, out var number) && number >= 0 ? null : "not a number of 0 or more";
        if (Str(value) is not { } text) return "not a text";
        return field.Kind switch
        {
            IndigoKind.Text => text.Trim().Length > 0 ? null : "empty",
            IndigoKind.NumberText => decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _) ? null
                : $"'{text}' is not a number (digits, a decimal point, nothing else)",
            IndigoKind.Date => IsDate(text) ? null : $"'{text}' is not a date yyyy, yyyy-mm or yyyy-mm-dd",
            IndigoKind.Currency => Currency().IsMatch(text) ? null : $"'{text}' is not an ISO 4217 currency code",
            IndigoKind.Organisation => ids.Contains(text) ? null : $"'{text}' is not an organisation of the export",
            IndigoKind.Code => field.Codes!.Contains(text) ? null : $"'{text}' is not in the codelist",
            _ => null,
        };
    }

    /// <summary>A pricing names a metric of its project.</summary>
    private static void MetricReferences(JsonObject data, string where, List<string> problems)
    {
        var metrics = (data["outcome_metrics"] as JsonArray ?? []).Select(m => Str(m?["id"])).OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var pricings = data["outcome_pricings"] as JsonArray ?? [];
        for (var n = 0; n < pricings.Count; n++)
            if (Str(pricings[n]?["outcome_metric_id"]?["value"]) is { } id && !metrics.Contains(id))
                problems.Add($"{where}.data.outcome_pricings[{n}].outcome_metric_id: '{id}' is not an outcome metric of the project");
    }

    private static bool IsDate(string text) => text.Length switch
    {
        4 or 7 or 10 => DateOnly.TryParseExact(text, text.Length switch { 4 => "yyyy", 7 => "yyyy-MM", _ => "yyyy-MM-dd" },
            CultureInfo.InvariantCulture, DateTimeStyles.None, out _) && Digits().IsMatch(text),
        _ => false,
    };

    private static string? Str(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>()
        : null;

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$")]
    private static partial Regex Key();

    [GeneratedRegex("^INDIGO-POJ-[0-9]{4}$")]
    private static partial Regex IndigoProjectId();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex Currency();

    [GeneratedRegex("^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")]
    private static partial Regex Digits();
}
