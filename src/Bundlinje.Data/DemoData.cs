using Bundlinje.Common;
using Bundlinje.FollowUps;
using Bundlinje.FollowUps.Demo;
using Bundlinje.Fund;
using Bundlinje.Participants;
using Bundlinje.Portfolio;
using Bundlinje.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Data;

/// <summary>The demo: the Aarhus portfolio, its ledger and proposals, synthetic follow-ups of four investments (payment
/// models, participants, register data, runs; see <see cref="DemoFollowUpLoader"/>; off with Bundlinje:DemoFollowUps=false)
/// and one account per role. Accounts exist only in demo mode.</summary>
public sealed class DemoData(BundlinjeDb db, Accounts accounts, ICurrentUser user, PortfolioImporter portfolio, LedgerImporter ledgerFile,
    Ledger ledger, IServiceProvider services, IConfiguration config)
{
    public const string Password = "Demo-Bundlinje-2026";

    public static readonly IReadOnlyList<(string Email, string Role, string Scope, string Name)> Users =
    [
        ("sekretariat@demo.bundlinje.dk", Roles.Secretariat, "aarhus", "Sekretariatet (demo)"),
        // A second secretariat member: publication needs someone other than the drafter to approve.
        ("sekretariat2@demo.bundlinje.dk", Roles.Secretariat, "aarhus", "Sekretariatet, anden medarbejder (demo)"),
        ("raad@demo.bundlinje.dk", Roles.CouncilMember, "aarhus", "Rådsmedlem (demo)"),
        ("analytiker@demo.bundlinje.dk", Roles.DepartmentAnalyst, "sfb", "Analytiker, SFB (demo)"),
        ("leverandoer@demo.bundlinje.dk", Roles.Provider, "dialog-mod-vold", "Dialog mod Vold (demo)"),
        ("investor@demo.bundlinje.dk", Roles.Investor, "dsi", "DSI (demo)"),
    ];

    /// <summary>Loads what is missing: the portfolio if fund 'aarhus' is absent, and each demo account.</summary>
    public async Task LoadAsync(CancellationToken ct = default)
    {
        if (!await db.Funds.AnyAsync(f => f.Key == "aarhus", ct))
            await portfolio.ImportAsync(PortfolioJson.ReadDemo(), ct);
        if (!await db.LedgerPostings.AnyAsync(p => p.Fund!.Key == "aarhus", ct))
        {
            await ledgerFile.ImportAsync(LedgerFile.ReadDemo(), ct);
            // The accounts behind the 2024 annual report are final.
            for (var year = 2020; year <= 2024; year++) await ledger.CloseYearAsync("aarhus", year, ct);
        }
        if (await db.Funds.FirstOrDefaultAsync(f => f.Key == "aarhus", ct) is { } aarhus
            && !await db.Proposals.AnyAsync(p => p.FundId == aarhus.Id, ct))
            await Proposals.ProposalFile.ImportAsync(db, Proposals.ProposalFile.ReadDemo(), user.Name, ct);
        if (!await db.PhaseChanges.AnyAsync(ct)) await DerivePhasesAsync(ct);
        if (await db.Funds.AsNoTracking().FirstOrDefaultAsync(f => f.Key == "aarhus", ct) is { } fund)
            await services.GetRequiredService<PublishedTables>().LoadDemoAsync(fund, ct);
        await services.GetRequiredService<BusinessCases.DemoBusinessCases>().LoadAsync(ct);
        if (await db.Funds.AsNoTracking().FirstOrDefaultAsync(f => f.Key == "aarhus", ct) is { } published)
            await services.GetRequiredService<Publication.Publications>().LoadDemoAsync(published.Id, Users[0].Email, Users[1].Email, ct);
        if (await db.Funds.AsNoTracking().FirstOrDefaultAsync(f => f.Key == "aarhus", ct) is { } approved)
            await services.GetRequiredService<Publication.EconomicsPublications>().LoadDemoAsync(approved,
                Users.First(u => u.Role == Roles.CouncilMember).Email, ct);
        // Resolved only when wanted: it needs the pseudonym key and opens the register store.
        if (config.GetValue("Bundlinje:DemoFollowUps", true)) await services.GetRequiredService<DemoFollowUpLoader>().LoadAsync(ct);
        await accounts.EnsureRolesAsync();
        foreach (var (email, role, scope, name) in Users)
            if (!await db.Users.AnyAsync(u => u.Email == email, ct))
                await accounts.AddAsync(email, role, [scope], Password, name);
    }

    /// <summary>The portfolio file has no phase history: running investments are put in phase 5 (follow-up) from their
    /// start and ended ones in phase 6 (evaluation) from their end (or the latest date known), each saying it was derived.</summary>
    private async Task DerivePhasesAsync(CancellationToken ct)
    {
        foreach (var i in await db.Investments.Where(i => i.Fund!.Key == "aarhus").OrderBy(i => i.Id).ToListAsync(ct))
        {
            (Investments.DevelopmentPhase Phase, DateOnly? On)? derived = i.Status switch
            {
                Investments.InvestmentStatus.Active => (Investments.DevelopmentPhase.FollowUp, i.PeriodStart ?? i.AgreedOn),
                Investments.InvestmentStatus.Ended or Investments.InvestmentStatus.TerminatedEarly =>
                    (Investments.DevelopmentPhase.Evaluation, i.PeriodEnd ?? i.PeriodStart ?? i.AgreedOn),
                Investments.InvestmentStatus.InDevelopment => (Investments.DevelopmentPhase.Idea, i.AgreedOn),
                _ => null,
            };
            if (derived is not { On: { } on } d) continue;
            db.PhaseChanges.Add(new Investments.PhaseChange
            {
                InvestmentId = i.Id, Phase = d.Phase, StartedOn = on, Owner = "Sekretariatet", RecordedBy = user.Name,
                Note = "Afledt af investeringens status og periode, da demodata blev indlæst",
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
