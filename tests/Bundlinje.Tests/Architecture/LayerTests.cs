using System.Reflection;
using System.Xml.Linq;
using Bundlinje.Data.RegisterData;
using Bundlinje.FollowUps;

namespace Bundlinje.Tests.Architecture;

/// <summary>The domain and application (src/Bundlinje) depend on no database driver, file format, mail or web library:
/// those live in Bundlinje.Data behind interfaces the domain owns (docs/architecture.md).</summary>
public sealed class LayerTests
{
    /// <summary>Assembly and package names the domain must not reference (a name equal to one, or below it with a dot).</summary>
    private static readonly string[] Forbidden =
    [
        "Microsoft.EntityFrameworkCore.Sqlite", "Microsoft.EntityFrameworkCore.Sqlite.Core", "Microsoft.Data.Sqlite", "SQLitePCLRaw",
        "Npgsql", "Npgsql.EntityFrameworkCore.PostgreSQL", "DuckDB.NET", "DocumentFormat.OpenXml", "MiniExcel", "MiniExcelLibs",
        "Microsoft.AspNetCore",
    ];

    private static readonly Assembly Domain = typeof(IRegisterStore).Assembly;

    private static List<string> Offending(IEnumerable<string> names) =>
        names.Where(n => Forbidden.Any(f => n.Equals(f, StringComparison.OrdinalIgnoreCase)
                || n.StartsWith(f + ".", StringComparison.OrdinalIgnoreCase))).Order().ToList();

    [Fact]
    public void The_domain_assembly_references_no_database_provider_driver_file_format_or_web_library()
    {
        Assert.Equal("Bundlinje", Domain.GetName().Name);
        var offending = Offending(Domain.GetReferencedAssemblies().Select(a => a.Name!));
        Assert.True(offending.Count == 0,
            "src/Bundlinje references " + string.Join(", ", offending) + "; move that code to src/Bundlinje.Data.");
    }

    [Fact]
    public void The_check_sees_the_infrastructure_where_it_is()
    {
        // The same check over Bundlinje.Data finds what moved there, so the domain's empty answer is not an empty check.
        var found = Offending(typeof(RegisterStore).Assembly.GetReferencedAssemblies().Select(a => a.Name!));
        Assert.Contains(found, n => n.StartsWith("DuckDB.NET", StringComparison.Ordinal));
        Assert.Contains("DocumentFormat.OpenXml", found);
        Assert.Contains("MiniExcel", found);
        Assert.Contains(found, n => n.StartsWith("Npgsql", StringComparison.Ordinal));
    }

    [Fact]
    public void The_domain_project_declares_none_of_those_packages()
    {
        // A package that is referenced but not yet used leaves no trace in the assembly; the project file is read too.
        var project = XDocument.Load(Path.Combine(HouseRulesTests.RepositoryRoot(), "src", "Bundlinje", "Bundlinje.csproj"));
        var packages = project.Descendants().Where(e => e.Name.LocalName is "PackageReference" or "FrameworkReference")
            .Select(e => (string?)e.Attribute("Include") ?? "").ToList();
        Assert.Contains("Microsoft.EntityFrameworkCore", packages);
        var offending = Offending(packages);
        Assert.True(offending.Count == 0, "src/Bundlinje/Bundlinje.csproj references " + string.Join(", ", offending) + ".");
    }
}
