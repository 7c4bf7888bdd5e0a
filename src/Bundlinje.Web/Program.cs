using System.Reflection;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = WebRoot() });
builder.AddBundlinje();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseBundlinje();
app.Run();

// The content root is the working directory (where data/ lives); wwwroot is found there when published,
// or in the project folder when started with `dotnet run --project src/Bundlinje.Web` from elsewhere.
static string? WebRoot()
{
    if (Directory.Exists("wwwroot")) return null;
    var project = typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "ProjectDirectory")?.Value;
    var candidate = project is null ? null : Path.Combine(project, "wwwroot");
    return candidate is not null && Directory.Exists(candidate) ? candidate : null;
}

public partial class Program;
