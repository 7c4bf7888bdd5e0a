using System.Text.Json;

namespace Bundlinje.Peers;

/// <summary>An INDIGO project that is one of our investments (and, where INDIGO lists an investment's sub-projects as
/// projects of their own, which sub-project).</summary>
public sealed record PeerLink(string IndigoId, string IndigoName, string Fund, string Investment, string? SubProject, string Why);

/// <summary>The reviewed link file (Peers/aarhus-indigo-links.json): which INDIGO projects are Aarhus investments. A stored
/// mapping, not a guess from names: INDIGO's names are English descriptions ("Prevention of Late-Stage Complications from
/// Type-2 Diabetes - Denmark"), ours Danish; each link is checked against the name, the place, the capital and the
/// participants and says why (docs/indigo.md).</summary>
public static class PeerLinks
{
    private sealed record LinkFile(string Format, List<PeerLink> Links);

    public static IReadOnlyList<PeerLink> Aarhus()
    {
        using var stream = typeof(PeerLinks).Assembly.GetManifestResourceStream("Bundlinje.Peers.aarhus-indigo-links.json")
            ?? throw new InvalidOperationException("The INDIGO link file is not embedded.");
        return JsonSerializer.Deserialize<LinkFile>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))!.Links;
    }
}
