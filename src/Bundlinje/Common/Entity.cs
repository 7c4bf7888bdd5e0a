namespace Bundlinje.Common;

/// <summary>A stored record: every change to it is audited, and edits are checked against <see cref="Version"/>.</summary>
public abstract class Entity
{
    public int Id { get; set; }

    /// <summary>Optimistic concurrency token, incremented on every save of the record.</summary>
    public int Version { get; set; }
}
