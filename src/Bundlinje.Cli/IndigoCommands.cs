using System.CommandLine;
using System.Text;
using Bundlinje.Data.Peers;
using Bundlinje.Peers.Export;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Cli;

/// <summary>`bundlinje indigo import FOLDER`: the INDIGO CSV export into the peer library (docs/indigo.md).</summary>
public static class IndigoCommands
{
    public static Command Indigo()
    {
        var folder = new Argument<DirectoryInfo>("FOLDER")
        {
            Description = "The INDIGO export's all-data-by-type folder (original_projects.csv, original_projects_investments.csv, …).",
        };
        var import = new Command("import", "Import the INDIGO CSV export into the read-only peer library, all or nothing.") { folder };
        import.SetAction((parse, ct) => CliHost.RunAsync(async sp =>
        {
            var dir = parse.GetValue(folder);
            if (dir is not { Exists: true }) throw new DirectoryNotFoundException($"Folder not found: {dir?.FullName}");
            var clock = sp.GetRequiredService<TimeProvider>();
            var started = clock.GetTimestamp();
            var result = await sp.GetRequiredService<IndigoImporter>().ImportAsync(dir.FullName, ct);
            return Describe(result) + $" ({clock.GetElapsedTime(started).TotalSeconds:0.0} s)";
        }));
        return new Command("indigo", "The INDIGO impact bond data (Government Outcomes Lab).") { import, Export() };
    }

    /// <summary>`bundlinje indigo export --fund KEY --out FILE.json`: the fund's published projects in the INDIGO data
    /// standard's shape (docs/indigo.md, "Export"). Written to a temporary file beside the target and moved over it, so a
    /// failed export leaves no file (and an old one as it was).</summary>
    private static Command Export()
    {
        var fund = new Option<string>("--fund") { Required = true, Description = "Fund key, e.g. aarhus." };
        var file = new Option<FileInfo>("--out") { Required = true, Description = "Where to write the JSON, e.g. aarhus-indigo.json." };
        var export = new Command("export", "Export the fund's published projects in the INDIGO data standard (4.1.0).") { fund, file };
        export.SetAction((parse, ct) => CliHost.RunAsync(async sp =>
        {
            var target = parse.GetValue(file)!;
            if (target.Directory is not { Exists: true }) throw new DirectoryNotFoundException($"Folder not found: {target.DirectoryName}");
            if (Directory.Exists(target.FullName)) throw new IOException($"{target.FullName} is a folder, not a file.");
            var result = await sp.GetRequiredService<IndigoExporter>().ExportAsync(parse.GetValue(fund)!, ct);
            if (result.Problems.Count > 0)
                throw new InvalidDataException($"The export does not validate: {string.Join("; ", result.Problems.Take(5))}");
            var temp = Path.Combine(target.DirectoryName!, $".{target.Name}.{Guid.NewGuid():N}.tmp");
            try
            {
                await File.WriteAllTextAsync(temp, result.Json, new UTF8Encoding(false), ct);
                File.Move(temp, target.FullName, overwrite: true);
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
            return $"Exported {result.Projects} project(s) and {result.Organisations} organisation(s) to {target.FullName} "
                + $"(INDIGO {IndigoMapping.StandardVersion}).";
        }));
        return export;
    }

    public static string Describe(PeerImportResult result)
    {
        var text = new StringBuilder(result.ChangedAnything ? "Imported the INDIGO export:"
            : "Nothing changed: the library already holds this export.");
        text.AppendLine();
        text.AppendLine($"{"table",-26} {"rows",6} {"added",6} {"changed",8} {"withdrawn",10} {"unchanged",10}");
        foreach (var t in result.Tables)
            text.AppendLine($"{t.Table,-26} {t.Rows,6} {t.Added,6} {t.Changed,8} {t.Withdrawn,10} {t.Unchanged,10}");
        text.Append($"Projects linked to our investments: {result.Linked}.");
        return text.ToString();
    }
}
