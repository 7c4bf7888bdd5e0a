using Bundlinje.Common;

namespace Bundlinje.Peers;

/// <summary>One revision of one INDIGO row in the read-only peer library: the row's fields as read (<see cref="Fields"/>:
/// JSON of <see cref="PeerField"/>s, values and currencies exactly as given, never converted). Revisions are unique per
/// (table, key); the highest is the current one. An import adds a revision only for a new or changed row, and a
/// <see cref="Withdrawn"/> revision (with the last fields) for a row gone from the export; nothing is changed or deleted.
/// Not an audited entity: the revisions are their own history, and the import itself is audited (<see cref="PeerImport"/>).</summary>
public sealed class PeerRecord : IAppendOnly
{
    string IAppendOnly.Refusal => "The peer library keeps every revision; import the export again instead.";

    public int Id { get; set; }
    public PeerTable Table { get; set; }
    /// <summary>The INDIGO id (projects, organisations, funds) or "{project id}#{n}" (a project's sub-table).</summary>
    public required string Key { get; set; }
    /// <summary>The project a row belongs to (the project's own id for a project; null for organisations and funds).</summary>
    public string? ProjectId { get; set; }
    public int Revision { get; set; }
    public bool Withdrawn { get; set; }
    public required string Fields { get; set; }
    /// <summary>Where the row was read: the row in the file as a spreadsheet numbers it (the header is row 1).</summary>
    public int Row { get; set; }
    public int ImportId { get; set; }

    public IReadOnlyList<PeerField> Parsed() => PeerFields.FromJson(Fields);
}

/// <summary>One import of an INDIGO export that changed the library (an import that changes nothing writes nothing).</summary>
public sealed class PeerImport : Entity, IAppendOnly
{
    string IAppendOnly.Refusal => "An import is kept as it happened.";

    public DateTimeOffset ImportedAt { get; set; }
    public required string ImportedBy { get; set; }
    /// <summary>The folder's name (not its path on the importing machine).</summary>
    public required string Source { get; set; }
    public int Added { get; set; }
    public int Changed { get; set; }
    public int Withdrawn { get; set; }
    public int Unchanged { get; set; }
}

/// <summary>The current state of one INDIGO project, in typed columns for the Peers page's filters (kept in step with the
/// project's current <see cref="PeerRecord"/> revision by every import).</summary>
public sealed class PeerProject
{
    public int Id { get; set; }
    public required string IndigoId { get; set; }
    public int Revision { get; set; }
    public bool Withdrawn { get; set; }
    public required string Name { get; set; }
    /// <summary>ISO country codes of the jurisdiction and the delivery locations, as "|DK|" or "|GB|FR|".</summary>
    public required string Countries { get; set; }
    public string? PolicySector { get; set; }
    public string? Stage { get; set; }
    public string? TargetPopulation { get; set; }
    /// <summary>Total investment commitment (exact, else maximum, else minimum) in <see cref="CapitalCurrency"/>.</summary>
    public decimal? CapitalAmount { get; set; }
    public string? CapitalCurrency { get; set; }
    /// <summary>Targeted number of unique service users or beneficiaries.</summary>
    public int? MaxParticipants { get; set; }
    public int? StartYear { get; set; }
    public int? EndYear { get; set; }
    /// <summary>The policy sectors of the project's outcome metrics, as "|Education|Health|".</summary>
    public required string MetricSectors { get; set; }
    /// <summary>Our investment this project is (from the reviewed link file, <see cref="PeerLinks"/>), or null.</summary>
    public string? LinkedInvestmentKey { get; set; }
    public string? LinkedSubProject { get; set; }
}
