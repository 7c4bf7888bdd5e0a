using Bundlinje.Common;
using Bundlinje.Data.RegisterData;
using Bundlinje.Data.Spreadsheets;
using Bundlinje.Fund;
using Bundlinje.FollowUps;
using Bundlinje.Participants;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bundlinje.Data;

/// <summary>Pseudonymisation, the register store and the follow-up services, for the web app and the CLI alike.</summary>
public static class FollowUpSetup
{
    /// <summary>Used only when Bundlinje:Demo is true and no key is configured; pseudonyms made with it are not protected.</summary>
    public const string DemoKey = "bundlinje-demo-pseudonym-key-NOT-FOR-REAL-DATA";

    public static string PseudonymKey(IConfiguration config) =>
        config["Bundlinje:PseudonymKey"] is { Length: > 0 } key ? key
        : config.GetValue<bool>("Bundlinje:Demo") ? DemoKey
        : throw new PseudonymKeyMissing(
            "Bundlinje:PseudonymKey er ikke sat: deltager- og registerdata kan ikke pseudonymiseres (se docs/configuration.md).");

    /// <summary>The DuckDB file: Bundlinje:RegisterStore, or register.duckdb in the data folder.</summary>
    public static string RegisterPath(IConfiguration config)
    {
        if (config["Bundlinje:RegisterStore"] is { Length: > 0 } path) return Path.GetFullPath(path);
        var folder = Path.GetFullPath(config["Bundlinje:DataFolder"] ?? "data");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, "register.duckdb");
    }

    public static IServiceCollection AddBundlinjeFollowUps(this IServiceCollection services, IConfiguration config)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new Pseudonymiser(PseudonymKey(config)));
        services.AddSingleton(sp => new RegisterStore(RegisterPath(config), sp.GetRequiredService<Pseudonymiser>()));
        services.AddSingleton<IRegisterStore>(sp => sp.GetRequiredService<RegisterStore>());
        services.TryAddSingleton<ISheetReader, MiniExcelSheets>();
        services.TryAddSingleton<IEconomicsWorkbook, EconomicsXlsx>();
        services.TryAddSingleton<BusinessCases.IBusinessCaseWorkbook, BusinessCaseXlsx>();
        services.AddScoped<ParticipantStore>();
        services.AddScoped<ParticipantImporter>();
        services.AddScoped<FollowUpRunner>();
        services.AddScoped<FinalSettlements>();
        services.AddScoped<RegisterImports>();
        services.AddScoped<FollowUpSlices>();
        // Lazy<T> of any service: pages take the services that pseudonymise lazily, so a missing Bundlinje:PseudonymKey is
        // a message on the form that needs it (the services cannot be made without it), not a broken page.
        services.TryAddTransient(typeof(Lazy<>), typeof(Resolved<>));
        return services;
    }

    private sealed class Resolved<T>(IServiceProvider services) : Lazy<T>(services.GetRequiredService<T>) where T : notnull;
}
