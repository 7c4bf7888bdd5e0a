using System.Text.RegularExpressions;

namespace Bundlinje.Tests.Architecture;

/// <summary>Rules of the house that the compiler does not check, read from the source files themselves.</summary>
public sealed partial class HouseRulesTests
{
    [GeneratedRegex(@"\bDateTime(Offset)?\.(Now|UtcNow|Today)\b")]
    private static partial Regex WallClock();

    [Fact]
    public void Time_comes_from_the_injected_time_provider_never_from_the_wall_clock()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var offenders = Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => WallClock().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(src, x.f)}:{x.i + 1}: {x.line.Trim()}").ToList();
        Assert.True(offenders.Count == 0, "Use the injected TimeProvider (clock.Today(), clock.GetUtcNow()):\n"
            + string.Join("\n", offenders));
    }

    internal static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Bundlinje.slnx"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Bundlinje.slnx not found above the test binaries.");
    }
}
