namespace Bundlinje.Tests.Architecture;

/// <summary>
/// Hand-written C# (src, tests, bench; generated EF Core migrations excluded) keeps its lines at most 140 characters,
/// the limit set in .editorconfig. `bash scripts/format.sh` wraps longer lines. The inside of a multi-line raw string
/// literal (a JSON, CSV, SQL or HTML fixture) is data whose line breaks can matter, so it is not measured.
/// </summary>
public sealed class LineLengthTests
{
    private const int Max = 140;

    [Fact]
    public void Hand_written_csharp_lines_are_at_most_140_characters()
    {
        var root = HouseRulesTests.RepositoryRoot();
        var sep = Path.DirectorySeparatorChar;
        var offenders = new[] { "src", "tests", "bench" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{sep}obj{sep}") && !f.Contains($"{sep}bin{sep}") && !f.Contains($"{sep}Migrations{sep}"))
            .SelectMany(f => LongLines(File.ReadAllLines(f)).Select(n => $"{Path.GetRelativePath(root, f)}:{n}"))
            .ToList();
        Assert.True(offenders.Count == 0,
            $"Lines longer than {Max} characters (run bash scripts/format.sh, or wrap them by hand):\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_check_finds_a_long_line_and_skips_the_inside_of_a_multi_line_raw_string()
    {
        var longCode = "        var x = " + new string('a', Max) + ";";
        var longData = new string('"', 1) + new string('b', Max);
        string[] lines = ["namespace N;", longCode, "var json = \"\"\"", longData, "    \"\"\";", "var y = \"\"\"one line\"\"\";",
            longCode];
        Assert.Equal([2, 7], LongLines(lines));
    }

    /// <summary>1-based numbers of the lines over the limit, outside multi-line raw string literals.</summary>
    private static IEnumerable<int> LongLines(IReadOnlyList<string> lines)
    {
        var insideRaw = false;
        for (var i = 0; i < lines.Count; i++)
        {
            if (!insideRaw && lines[i].Length > Max) yield return i + 1;
            // A line with an odd number of """ opens or closes a multi-line raw string; a one-line raw string has two.
            if (Count(lines[i], "\"\"\"") % 2 == 1) insideRaw = !insideRaw;
        }
    }

    private static int Count(string line, string what)
    {
        var n = 0;
        for (var at = line.IndexOf(what, StringComparison.Ordinal); at >= 0; at = line.IndexOf(what, at + what.Length,
            StringComparison.Ordinal))
            n++;
        return n;
    }
}
