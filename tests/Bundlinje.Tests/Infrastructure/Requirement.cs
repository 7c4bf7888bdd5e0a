namespace Bundlinje.Tests.Infrastructure;

/// <summary>A test that needs an outside program skips with a reason locally, but fails under CI=true.</summary>
public static class Requirement
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void Missing(string reason)
    {
        if (InCi) Assert.Fail($"{reason} (CI=true: this test must run, not skip).");
        Assert.Skip(reason);
    }
}
