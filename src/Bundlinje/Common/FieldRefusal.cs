namespace Bundlinje.Common;

/// <summary>A change refused because of one input field; pages show <see cref="Exception.Message"/> beside that field.</summary>
public abstract class FieldRefusal(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
