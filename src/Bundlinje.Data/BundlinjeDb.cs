using Bundlinje.Agreements;
using Bundlinje.Common;
using Bundlinje.Investments;
using Bundlinje.Organisations;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Data;

/// <summary>The database. Provider-specific subclasses carry their own migrations. It also keeps the ASP.NET Core Data
/// Protection keys (cookies, antiforgery tokens), so every web instance on the same database accepts the others' cookies.</summary>
public abstract class BundlinjeDb(DbContextOptions options, ICurrentUser user, TimeProvider clock)
    : IdentityDbContext<BundlinjeUser>(options), IBundlinjeStore,
        Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys =>
        Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();
    public DbSet<Fund.Fund> Funds => Set<Fund.Fund>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Investment> Investments => Set<Investment>();
    public DbSet<Party> Parties => Set<Party>();
    public DbSet<SubProject> SubProjects => Set<SubProject>();
    public DbSet<EnrolmentCount> EnrolmentCounts => Set<EnrolmentCount>();
    public DbSet<AgreementVersion> AgreementVersions => Set<AgreementVersion>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Fund.LedgerPosting> LedgerPostings => Set<Fund.LedgerPosting>();
    public DbSet<Fund.ClosedFiscalYear> ClosedFiscalYears => Set<Fund.ClosedFiscalYear>();
    public DbSet<Participants.Participant> Participants => Set<Participants.Participant>();
    public DbSet<Participants.ParticipantImport> ParticipantImports => Set<Participants.ParticipantImport>();
    public DbSet<Participants.ParticipantAccess> ParticipantAccesses => Set<Participants.ParticipantAccess>();
    public DbSet<Payments.StoredPaymentModel> PaymentModels => Set<Payments.StoredPaymentModel>();
    public DbSet<FollowUps.FollowUpRun> FollowUpRuns => Set<FollowUps.FollowUpRun>();
    public DbSet<FollowUps.FollowUpApproval> FollowUpApprovals => Set<FollowUps.FollowUpApproval>();
    public DbSet<FollowUps.PaymentObligation> PaymentObligations => Set<FollowUps.PaymentObligation>();
    public DbSet<Proposals.Proposal> Proposals => Set<Proposals.Proposal>();
    public DbSet<Proposals.ProposalEvent> ProposalEvents => Set<Proposals.ProposalEvent>();
    public DbSet<Proposals.Call> Calls => Set<Proposals.Call>();
    public DbSet<Proposals.ProposalAttachment> ProposalAttachments => Set<Proposals.ProposalAttachment>();
    public DbSet<Proposals.AssessmentRequest> AssessmentRequests => Set<Proposals.AssessmentRequest>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<PhaseChange> PhaseChanges => Set<PhaseChange>();
    public DbSet<MaturityAssessment> MaturityAssessments => Set<MaturityAssessment>();
    public DbSet<Approval> Approvals => Set<Approval>();
    public DbSet<FollowUps.Measure> Measures => Set<FollowUps.Measure>();
    public DbSet<Jobs.BackgroundJob> Jobs => Set<Jobs.BackgroundJob>();
    public DbSet<BusinessCases.StoredBusinessCase> BusinessCases => Set<BusinessCases.StoredBusinessCase>();
    public DbSet<BusinessCases.UnitPrice> UnitPrices => Set<BusinessCases.UnitPrice>();
    public DbSet<BusinessCases.PriceIndex> PriceIndices => Set<BusinessCases.PriceIndex>();
    public DbSet<Reports.ReportRecord> Reports => Set<Reports.ReportRecord>();
    public DbSet<Reports.ReportNarrative> ReportNarratives => Set<Reports.ReportNarrative>();
    public DbSet<Fund.PublishedEconomicsTable> PublishedEconomicsTables => Set<Fund.PublishedEconomicsTable>();
    public DbSet<Bundlinje.Peers.PeerRecord> PeerRecords => Set<Bundlinje.Peers.PeerRecord>();
    public DbSet<Bundlinje.Peers.PeerProject> PeerProjects => Set<Bundlinje.Peers.PeerProject>();
    public DbSet<Bundlinje.Peers.PeerImport> PeerImports => Set<Bundlinje.Peers.PeerImport>();
    public DbSet<Publication.PublicationRevision> PublicationRevisions => Set<Publication.PublicationRevision>();
    public DbSet<Publication.PublicationApproval> PublicationApprovals => Set<Publication.PublicationApproval>();
    public DbSet<Publication.EconomicsPublication> EconomicsPublications => Set<Publication.EconomicsPublication>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(BundlinjeDb).Assembly);
        MoneyColumns.AddChecks(builder, sqlite: Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        conventions.Properties<decimal>().HavePrecision(18, 2);
        conventions.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveAudited(acceptAllChangesOnSuccess, CancellationToken.None, sync: true).GetAwaiter().GetResult();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        SaveAudited(acceptAllChangesOnSuccess, cancellationToken, sync: false);

    /// <summary>Saves the changes and their audit entries in one transaction.</summary>
    private async Task<int> SaveAudited(bool accept, CancellationToken ct, bool sync)
    {
        SeedMeasuresOfNewFunds();
        var pending = AuditTrail.Collect(ChangeTracker);
        if (pending.Count == 0)
            return sync ? base.SaveChanges(accept) : await base.SaveChangesAsync(accept, ct);

        var ownTransaction = Database.CurrentTransaction is null;
        var transaction = ownTransaction ? (sync ? Database.BeginTransaction() : await Database.BeginTransactionAsync(ct)) : null;
        try
        {
            var written = sync ? base.SaveChanges(accept) : await base.SaveChangesAsync(accept, ct);
            AuditEntries.AddRange(AuditTrail.Entries(pending, user.Name, clock.GetUtcNow()));
            if (sync) base.SaveChanges(accept); else await base.SaveChangesAsync(accept, ct);
            if (transaction is not null) { if (sync) transaction.Commit(); else await transaction.CommitAsync(ct); }
            return written;
        }
        finally
        {
            if (transaction is not null) { if (sync) transaction.Dispose(); else await transaction.DisposeAsync(); }
        }
    }

    /// <summary>A fund created by any path (the fund form, the portfolio import, the CLI) gets the seed measure catalogue
    /// in the same save, audited with it (docs/measures.md).</summary>
    private void SeedMeasuresOfNewFunds()
    {
        var created = ChangeTracker.Entries<Fund.Fund>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        foreach (var fund in created)
            if (!ChangeTracker.Entries<FollowUps.Measure>().Any(m => m.Entity.Fund == fund))
                Measures.AddRange(FollowUps.Measures.For(fund));
    }
}

public sealed class SqliteBundlinjeDb(DbContextOptions<SqliteBundlinjeDb> options, ICurrentUser user, TimeProvider clock) : BundlinjeDb(
    options, user, clock);

public sealed class PostgresBundlinjeDb(DbContextOptions<PostgresBundlinjeDb> options, ICurrentUser user, TimeProvider clock) : BundlinjeDb(
    options, user, clock);
