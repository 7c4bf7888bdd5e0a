using System.Text.RegularExpressions;

namespace Bundlinje.Common;

/// <summary>URL keys from Danish titles: "Din vej i job" → "din-vej-i-job".</summary>
public static partial class Slug
{
    public static string Of(string title, string fallback = "sag")
    {
        var slug = NonKey().Replace(title.ToLowerInvariant().Replace("æ", "ae").Replace("ø", "oe").Replace("å", "aa"), "-").Trim('-');
        return slug.Length == 0 ? fallback : slug[..Math.Min(slug.Length, 50)].Trim('-');
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonKey();
}
