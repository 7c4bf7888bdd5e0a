using System.Text.RegularExpressions;
using Bundlinje.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>The application services of the composition root, by name: every type <see cref="ServiceSetup.AddBundlinje"/>
    /// registers (service and implementation) from our own assemblies.</summary>
    private static HashSet<string> RegisteredServices()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Bundlinje"] = "Data Source=:memory:", ["Bundlinje:Demo"] = "true",
        }).Build();
        return new ServiceCollection().AddBundlinje(config)
            .SelectMany(d => new[] { d.ServiceType, d.ImplementationType })
            .Where(t => t is { IsInterface: false, IsAbstract: false }
                        && t.Namespace?.StartsWith("Bundlinje", StringComparison.Ordinal) == true)
            .Select(t => t!.Name).ToHashSet();
    }

    [Fact]
    public void Web_and_cli_get_application_services_injected_never_built_with_new()
    {
        var services = RegisteredServices();
        Assert.Superset(new HashSet<string> { "FundEconomics", "Ledger", "MeasureCatalogue", "FollowUpRunner", "FinalSettlements", "Intake",
            "PortfolioImporter", "PortfolioExporter", "LedgerImporter", "Triage", "Calls", "DatabaseBackup" }, services);
        var built = new Regex(@"\bnew\s+(?:[\w.]+\.)?(" + string.Join("|", services) + @")\s*\(");
        var src = Path.Combine(RepositoryRoot(), "src");
        var offenders = new[] { "Bundlinje.Web", "Bundlinje.Cli" }
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(src, project), "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => built.IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(src, x.f)}:{x.i + 1}: {x.line.Trim()}").ToList();
        Assert.True(offenders.Count == 0,
            "Take the service as a constructor or handler parameter (registered in ServiceSetup.AddBundlinje):\n"
            + string.Join("\n", offenders));
    }

    [Fact]
    public void Pages_of_a_fund_or_investment_route_get_it_loaded_and_authorized_by_the_route_filter()
    {
        var pages = Path.Combine(RepositoryRoot(), "src", "Bundlinje.Web", "Pages");
        var routed = Directory.EnumerateFiles(pages, "*.cshtml", SearchOption.AllDirectories)
            .Select(f => (File: f, Name: Path.GetRelativePath(pages, f).Replace(Path.DirectorySeparatorChar, '/')))
            .Where(p => File.ReadLines(p.File).FirstOrDefault() is { } first
                        && (first.Contains("\"/Funds/{key}", StringComparison.Ordinal)
                            || first.Contains("\"/Investments/{key}", StringComparison.Ordinal)))
            .ToList();
        Assert.True(routed.Count >= 15, $"only {routed.Count} fund and investment pages found");
        var marked = new Regex(@"\[Route(Fund|Investment)\(|: PartyForm\(|: SlicePage\(");
        var unmarked = routed.Where(p => !marked.IsMatch(File.ReadAllText(p.File + ".cs"))).Select(p => p.Name).ToList();
        Assert.True(unmarked.Count == 0,
            "Mark the page model [RouteFund(...)] or [RouteInvestment(...)] (RouteResources.cs):\n" + string.Join("\n", unmarked));
    }

    internal static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Bundlinje.slnx"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Bundlinje.slnx not found above the test binaries.");
    }
}
