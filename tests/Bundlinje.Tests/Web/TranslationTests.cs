using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Bundlinje.Tests.Web;

/// <summary>Every Danish UI text used through the localizer in a page has an English translation.</summary>
public sealed partial class TranslationTests
{
    [GeneratedRegex("""L\["((?:[^"\\]|\\.)*)"\]""")]
    private static partial Regex Key();

    [Fact]
    public void Every_page_text_has_an_english_translation()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "Bundlinje.Web");
        var english = XDocument.Load(Path.Combine(web, "Resources", "SharedResource.en.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
        var used = Directory.EnumerateFiles(Path.Combine(web, "Pages"), "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => Key().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Text: m.Groups[1].Value)));
        Assert.Empty(used.Where(u => !english.Contains(u.Text)).Select(u => $"{u.File}: {u.Text}").Distinct());
    }

    [Fact]
    public void No_two_texts_differ_only_in_case()
    {
        // The resource compiler drops the second of two keys that differ only in case, and that text would show in Danish.
        var names = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Bundlinje.Web", "Resources", "SharedResource.en.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!);
        Assert.Empty(names.GroupBy(n => n.ToLowerInvariant()).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g)));
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bundlinje.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root (Bundlinje.slnx) not found.");
    }
}
