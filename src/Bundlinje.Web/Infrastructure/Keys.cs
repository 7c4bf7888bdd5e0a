using System.Text.RegularExpressions;

namespace Bundlinje.Web.Infrastructure;

/// <summary>Keys name records in URLs, scripts and files: a-z, 0-9 and hyphens.</summary>
public static partial class Keys
{
    public const string Rule = "Nøglen skal være 2-60 tegn: små bogstaver, tal og bindestreg.";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,59}$")]
    private static partial Regex Pattern();

    public static bool IsValid(string? key) => key is not null && Pattern().IsMatch(key);
}
