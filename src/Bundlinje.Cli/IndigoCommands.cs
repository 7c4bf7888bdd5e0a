using System.CommandLine;
using System.Text;
using Bundlinje.Data.Peers;
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
        return new Command("indigo", "The INDIGO impact bond data (Government Outcomes Lab).") { import };
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
