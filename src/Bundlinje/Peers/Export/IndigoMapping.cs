using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bundlinje.Investments;
using Bundlinje.Organisations;
using Bundlinje.Payments;
using Bundlinje.Publication;

namespace Bundlinje.Peers.Export;

/// <summary>A fund's published investments as INDIGO 4.1.0 projects and organisations (docs/indigo.md, "Export"). Pure: the
/// same facts give the same bytes. Every field is <c>{"value": …, "status": "PUBLIC"}</c> when its field group is approved
/// public, else <c>{"status": "PRIVATE"}</c> with no value; the rows of a private group (investments, metrics, results, …)
/// are left out, so that not even their number shows. Result counts below 5 are suppressed (<see cref="Suppression"/>).</summary>
public static class IndigoMapping
{
    public const string StandardVersion = "4.1.0";
    /// <summary>Our ids: INDIGO-POJ/INDIGO-ORG ids are assigned by INDIGO itself (docs/identifiers.rst), so a publisher's own
    /// export uses its own prefix, stable because investment and organisation keys never change.</summary>
    public const string ProjectPrefix = "BUNDLINJE-POJ-", OrganisationPrefix = "BUNDLINJE-ORG-";
    public const string Public = "PUBLIC", Private = "PRIVATE";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The document: the standard, the publisher, the projects (ordered by investment key) and the organisations
    /// they name publicly (ordered by id).</summary>
    public static JsonObject Build(IndigoFacts facts)
    {
        var organisations = new SortedDictionary<string, Organisation>(StringComparer.Ordinal);
        var projects = new JsonArray();
        foreach (var p in facts.Projects.OrderBy(p => p.Investment.Key, StringComparer.Ordinal))
        {
            var entry = new JsonObject { ["id"] = ProjectPrefix + p.Investment.Key };
            if (p.IndigoIds.Count > 0) entry["same_as"] = new JsonArray([.. p.IndigoIds.Order(StringComparer.Ordinal).Select(Text)]);
            entry["data"] = new ProjectWriter(p, facts.Currency, facts.Today, organisations).Project();
            projects.Add(entry);
        }
        return new JsonObject
        {
            ["standard"] = new JsonObject
            {
                ["name"] = "INDIGO data standard", ["version"] = StandardVersion,
                ["url"] = "https://indigo-data-standard.readthedocs.io/en/4.1/",
            },
            ["publisher"] = new JsonObject { ["fund"] = facts.FundKey, ["name"] = facts.FundName, ["software"] = "Bundlinje" },
            ["projects"] = projects,
            ["organisations"] = new JsonArray([.. organisations.Select(o => OrganisationEntry(o.Key, o.Value))]),
        };
    }

    /// <summary>The document as UTF-8 JSON text, indented, with a final newline.</summary>
    public static string Write(JsonObject document) => document.ToJsonString(Json) + "\n";

    public static string ProjectId(string investmentKey) => ProjectPrefix + investmentKey;

    public static string OrganisationId(string organisationKey) => OrganisationPrefix + organisationKey;

    private static JsonNode OrganisationEntry(string id, Organisation o)
    {
        var data = new JsonObject { ["status"] = Public, ["name"] = new JsonObject { ["value"] = o.Name, ["status"] = Public } };
        if (OrganisationType(o.Kind) is { } type) data["type"] = new JsonObject { ["value"] = type, ["status"] = Public };
        return new JsonObject { ["id"] = id, ["data"] = data };
    }

    /// <summary>INDIGO's organisation type where our kind says it for sure (a provider or investor may be any type).</summary>
    private static string? OrganisationType(OrganisationKind kind) => kind switch
    {
        OrganisationKind.Department => "Government body",
        OrganisationKind.Foundation => "Registered non-profit organisation, charity or foundation",
        _ => null,
    };

    /// <summary>INDIGO's organisation role category where our kind says it for sure.</summary>
    internal static string? RoleCategory(OrganisationKind kind) => kind switch
    {
        OrganisationKind.Department => "Government/Public Sector/Public Bank",
        OrganisationKind.Foundation => "Foundation/Philanthropist",
        _ => null,
    };

    internal static JsonNode Text(string text) => JsonValue.Create(text);

    /// <summary>A decimal without trailing zeros (SQLite and PostgreSQL give the same amount with different scales).</summary>
    internal static JsonNode Number(decimal d) => JsonValue.Create(d / 1.000000000000000000000000000m);

    internal static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Adds the node unless it is null or an empty object.</summary>
    internal static void Put(JsonObject o, string key, JsonNode? node)
    {
        if (node is not null && node is not JsonObject { Count: 0 }) o[key] = node;
    }

    internal static string? Stage(Investment i, DateOnly today) => i.Status switch
    {
        InvestmentStatus.Active => i.PeriodStart > today ? "Contracted" : "Implementation",
        InvestmentStatus.Ended or InvestmentStatus.TerminatedEarly => "Service delivery complete",
        _ => null,
    };

    /// <summary>How a metric's price is paid, in words (INDIGO's price description).</summary>
    internal static string PriceDescription(Metric m, string currency)
    {
        var basis = MetricFields.Effective(m) switch
        {
            PriceBasis.PerEvent => "per event",
            PriceBasis.PerAvoidedEvent => "per avoided event",
            PriceBasis.Flat => "once, when the outcome is achieved",
            PriceBasis.PerTreatedPerson => "per treated person",
            PriceBasis.ShareOfSaving => $"{Percent(m.Share)} of the measured saving",
            _ => "per participant who achieves the outcome",
        };
        if (m.Tiers is { Count: > 0 } tiers)
            basis += "; by effect: " + string.Join(", ", tiers.OrderBy(t => t.FromEffect)
                .Select(t => $"from {Percent(t.FromEffect)} {currency} {Plain(t.Price)}"));
        else if (m.MinimumEffect is { } minimum) basis += $"; from an effect of {Percent(minimum)}";
        return basis;
    }

    internal static string Plain(decimal d) => (d / 1.000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private static string Percent(decimal share) => Plain(share * 100m) + " %";
}
