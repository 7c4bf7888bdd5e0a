namespace Bundlinje.Common;

/// <summary>Records that are written once and never changed or deleted (the database refuses it too, by trigger).</summary>
public interface IAppendOnly
{
    /// <summary>What to tell whoever tries to change or delete one.</summary>
    string Refusal { get; }
}
