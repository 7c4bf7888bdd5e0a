using Bundlinje.Peers;
using Bundlinje.Tests.Infrastructure;
using Microsoft.VisualBasic.FileIO;

namespace Bundlinje.Tests.Peers;

/// <summary>The public INDIGO CSV export (shared/data/indigo/all-data-by-type next to the repository, as the README's data
/// folder; or BUNDLINJE_INDIGO_FOLDER), and its rows counted by a parser of its own (the framework's TextFieldParser),
/// not by the importer's.</summary>
public static class IndigoExport
{
    public static string? Folder()
    {
        if (Environment.GetEnvironmentVariable("BUNDLINJE_INDIGO_FOLDER") is { Length: > 0 } set && Directory.Exists(set)) return set;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "indigo", "all-data-by-type");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>The export's folder; a test without it skips locally and fails under CI=true.</summary>
    public static string Required() =>
        Folder() ?? Fail("The INDIGO export (shared/data/indigo/all-data-by-type or BUNDLINJE_INDIGO_FOLDER) is not here");

    private static string Fail(string reason)
    {
        Requirement.Missing(reason);
        return "";
    }

    /// <summary>The data rows of one file (records after the header), however many lines a quoted cell spans.</summary>
    public static int Rows(string folder, PeerTable table)
    {
        using var parser = new TextFieldParser(Path.Combine(folder, PeerTables.File(table)), System.Text.Encoding.UTF8)
        {
            TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false,
        };
        parser.SetDelimiters(",");
        var records = 0;
        while (parser.ReadFields() is not null) records++;
        return records - 1;
    }

    /// <summary>A writable copy of the export in a temporary folder (deleted by the caller).</summary>
    public static string Copy(string folder)
    {
        var copy = Directory.CreateTempSubdirectory("indigo-").FullName;
        foreach (var (_, file) in PeerTables.Files) File.Copy(Path.Combine(folder, file), Path.Combine(copy, file));
        return copy;
    }
}
