using Bundlinje.Agreements;
using Bundlinje.Investments;
using Bundlinje.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Common;

/// <summary>The small window onto the database that the application logic uses. One SaveChanges is one transaction.</summary>
public interface IBundlinjeStore
{
    DbSet<Fund.Fund> Funds { get; }
    DbSet<Organisation> Organisations { get; }
    DbSet<Investment> Investments { get; }
    DbSet<Party> Parties { get; }
    DbSet<AgreementVersion> AgreementVersions { get; }
    DbSet<AuditEntry> AuditEntries { get; }
    DbSet<Fund.LedgerPosting> LedgerPostings { get; }
    DbSet<Fund.ClosedFiscalYear> ClosedFiscalYears { get; }
    DbSet<Participants.Participant> Participants { get; }
    DbSet<Participants.ParticipantImport> ParticipantImports { get; }
    DbSet<Participants.ParticipantAccess> ParticipantAccesses { get; }
    DbSet<Payments.StoredPaymentModel> PaymentModels { get; }
    DbSet<FollowUps.FollowUpRun> FollowUpRuns { get; }
    DbSet<FollowUps.FollowUpApproval> FollowUpApprovals { get; }
    DbSet<FollowUps.PaymentObligation> PaymentObligations { get; }
    DbSet<Proposals.Proposal> Proposals { get; }
    DbSet<Proposals.Call> Calls { get; }
    DbSet<Proposals.ProposalAttachment> ProposalAttachments { get; }
    DbSet<Proposals.AssessmentRequest> AssessmentRequests { get; }
    DbSet<OutboxMessage> OutboxMessages { get; }
    DbSet<PhaseChange> PhaseChanges { get; }
    DbSet<MaturityAssessment> MaturityAssessments { get; }
    DbSet<Approval> Approvals { get; }
    DbSet<FollowUps.Measure> Measures { get; }
    DbSet<BusinessCases.StoredBusinessCase> BusinessCases { get; }
    DbSet<BusinessCases.UnitPrice> UnitPrices { get; }
    DbSet<BusinessCases.PriceIndex> PriceIndices { get; }
    DbSet<Reports.ReportRecord> Reports { get; }
    DbSet<Reports.ReportNarrative> ReportNarratives { get; }
    DbSet<Fund.PublishedEconomicsTable> PublishedEconomicsTables { get; }
    DbSet<Peers.PeerRecord> PeerRecords { get; }
    DbSet<Peers.PeerProject> PeerProjects { get; }
    DbSet<Peers.PeerImport> PeerImports { get; }
    DbSet<Publication.PublicationRevision> PublicationRevisions { get; }
    DbSet<Publication.PublicationApproval> PublicationApprovals { get; }
    DbSet<Publication.EconomicsPublication> EconomicsPublications { get; }
    /// <summary>For the few changes that need two saves (a new record's id) inside one transaction.</summary>
    Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade Database { get; }
    /// <summary>What a unit of work has added or changed; a service forgets a failed save's additions through it.</summary>
    Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker ChangeTracker { get; }
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
