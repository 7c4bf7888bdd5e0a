namespace Bundlinje.Common;

/// <summary>Who is making a change; written into the audit log.</summary>
public interface ICurrentUser
{
    string Name { get; }
}

public sealed class FixedUser(string name) : ICurrentUser
{
    public string Name { get; } = name;
}
