using Bundlinje.Agreements;
using Bundlinje.Common;
using Bundlinje.FollowUps;
using Bundlinje.FollowUps.Demo;
using Bundlinje.Fund;
using Bundlinje.Investments;
using Bundlinje.Participants;
using Bundlinje.Portfolio;
using Bundlinje.Proposals;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bundlinje.Data;

/// <summary>The composition root shared by the web app and the CLI: the database, the clock, the follow-up services and
/// every application service. Pages, API endpoints and CLI commands get these injected; none of them is built with
/// <c>new</c> outside this file (HouseRulesTests). The host adds what only it has: who the current user is
/// (<see cref="ICurrentUser"/>) and the Identity stores.</summary>
public static class ServiceSetup
{
    public static IServiceCollection AddBundlinje(this IServiceCollection services, IConfiguration config)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddBundlinjeDatabase(config);
        services.AddBundlinjeFollowUps(config);

        foreach (var service in ApplicationServices) services.AddScoped(service);
        // The economics table is computed once per change of a fund's books, not per request (docs/performance.md).
        services.AddSingleton<EconomicsCache>();
        services.AddSingleton(new Forecasts.ForecastSettings(config.GetValue("Bundlinje:Forecasts:WarningProbability",
            Forecasts.ForecastSettings.DefaultWarningProbability), config.GetValue("Bundlinje:Forecasts:RecruitmentPriorDays",
            Forecasts.RecruitmentForecast.DefaultPriorDays), config.GetValue("Bundlinje:Forecasts:OutcomePriorStrength",
            Forecasts.ForecastSettings.DefaultOutcomePriorStrength)));
        services.AddScoped<IAssessorDirectory, AssessorDirectory>();
        services.AddSingleton<Documents.ChromiumPrinter>();
        services.AddSingleton<Reports.IReportFiles, Documents.ReportFiles>();
        // Editing a measure asks the register store whether a code has observations; without a pseudonym key (no store
        // can be opened) nothing can have been imported.
        services.AddScoped(sp => new MeasureCatalogue(sp.GetRequiredService<IBundlinjeStore>(), code =>
        {
            try { return sp.GetRequiredService<IRegisterStore>().Observations(code); }
            catch (PseudonymKeyMissing) { return 0; }
        }));
        return services;
    }

    /// <summary>The application services built as they are, one per scope (a request, a CLI command).</summary>
    private static readonly Type[] ApplicationServices =
    [
        typeof(BusinessCases.UnitPriceCatalogue),
        typeof(Ledger), typeof(LedgerImporter), typeof(FundEconomics), typeof(PortfolioImporter), typeof(PortfolioExporter),
        typeof(InvestmentDevelopment), typeof(ApprovalChain), typeof(Calls), typeof(Intake), typeof(Triage), typeof(Assessments),
        typeof(DemoFollowUpLoader), typeof(DatabaseBackup), typeof(Accounts), typeof(DemoData),
        typeof(BusinessCases.BusinessCases), typeof(BusinessCases.DemoBusinessCases), typeof(BusinessCases.BusinessCaseExchange),
        typeof(BusinessCases.BudgetBooking), typeof(Payments.ModelPreviews),
        typeof(Reports.ReportNarratives), typeof(Reports.ReportArchive), typeof(Reports.ReportGenerator),
        typeof(Reports.Annual.AnnualReports), typeof(Reports.FactSheets.FactSheets), typeof(Reports.FactSheets.DepartmentBundles),
        typeof(PublishedTables),
        typeof(Peers.IndigoImporter), typeof(Bundlinje.Peers.PeerLibrary),
        typeof(Publication.Publications), typeof(Bundlinje.Peers.Export.IndigoExporter),
        typeof(Publication.EconomicsPublications),
        typeof(Forecasts.Forecasts), typeof(Publication.PublicFunds),
        typeof(Forecasts.Simulation.FundSimulations),
    ];
}
