using System.CommandLine;
using Bundlinje.Common;
using Bundlinje.Data;
using Bundlinje.Data.Texts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bundlinje.Cli;

/// <summary>Services for one CLI command, configured like the web app: appsettings.json, then environment variables.</summary>
public static class CliHost
{
    /// <summary>Per invocation (flows with async calls): extra settings over the configuration, and where output goes.</summary>
    public sealed record Context(IReadOnlyDictionary<string, string?> Settings, TextWriter Out, TextWriter Error);

    private static readonly AsyncLocal<Context?> Current = new();

    /// <summary>Runs the `bundlinje` command line as a program would, but with its own settings and output (used by tests).</summary>
    public static async Task<int> RunAsync(string[] args, Context context)
    {
        Current.Value = context;
        try { return await BundlinjeCommand.InvokeAsync(args); }
        finally { Current.Value = null; }
    }

    public static ServiceProvider Build(IReadOnlyDictionary<string, string?>? defaults = null)
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(defaults ?? new Dictionary<string, string?>())
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(Current.Value?.Settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(config);
        services.AddLogging(l => l.AddFilter(_ => false));
        services.AddSingleton<ICurrentUser>(new FixedUser("cli:" + Environment.UserName));
        services.AddBundlinje(config);
        services.AddIdentityCore<BundlinjeUser>(o => { o.Password.RequiredLength = 12; o.User.RequireUniqueEmail = true; })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<BundlinjeDb>();
        return services.BuildServiceProvider();
    }

    /// <summary>Runs a command body in a scope; any failure becomes one line on stderr and exit code 1.</summary>
    /// <param name="defaults">Settings under everything configured (e.g. demo mode for `demo load`).</param>
    public static async Task<int> RunAsync(Func<IServiceProvider, Task<string>> body, IReadOnlyDictionary<string, string?>? defaults = null)
    {
        try
        {
            await using var provider = Build(defaults);
            await using var scope = provider.CreateAsyncScope();
            var message = await body(scope.ServiceProvider);
            (Current.Value?.Out ?? Console.Out).WriteLine(message);
            return 0;
        }
        catch (Exception e)
        {
            var inner = e is Microsoft.EntityFrameworkCore.DbUpdateException && e.InnerException is not null ? e.InnerException : e;
            // A refusal is rendered from resources in the --lang language (Danish by default); anything else as it says.
            var message = inner is Refused refused ? RefusalText.Message(refused) : inner.Message;
            (Current.Value?.Error ?? Console.Error).WriteLine("bundlinje: " + message.ReplaceLineEndings(" "));
            return 1;
        }
    }

    /// <summary>The file, which must exist.</summary>
    public static FileInfo Existing(FileInfo? file) =>
        file is { Exists: true } ? file : throw new FileNotFoundException($"File not found: {file?.FullName}");

    /// <summary>The action of an `… import FILE` command: the text of the file (which must exist) handed to the service
    /// <typeparamref name="TImporter"/>; what it returns is the line printed.</summary>
    public static Func<ParseResult, CancellationToken, Task<int>> ImportFile<TImporter>(Argument<FileInfo> file,
        Func<TImporter, string, CancellationToken, Task<string>> import) where TImporter : notnull =>
        (parse, ct) => RunAsync(async sp =>
        {
            var text = await File.ReadAllTextAsync(Existing(parse.GetValue(file)).FullName, ct);
            return await import(sp.GetRequiredService<TImporter>(), text, ct);
        });
}
