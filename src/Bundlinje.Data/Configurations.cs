using Bundlinje.Agreements;
using Bundlinje.Common;
using Bundlinje.Investments;
using Bundlinje.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bundlinje.Data;

internal sealed class FundConfiguration : IEntityTypeConfiguration<Fund.Fund>
{
    public void Configure(EntityTypeBuilder<Fund.Fund> b)
    {
        b.HasIndex(f => f.Key).IsUnique();
        b.Property(f => f.Key).HasMaxLength(60);
        b.Property(f => f.Name).HasMaxLength(200);
        b.Property(f => f.Version).IsConcurrencyToken();
        b.Property(f => f.Currency).HasMaxLength(3).HasDefaultValue(Fund.Currencies.Default);
        // Finansministeriet's rates and a ± 20 % step for the funds that exist already (sentinel -1: a rate of 0 is saved as 0).
        b.Property(f => f.DiscountRateShort).HasPrecision(7, 5).HasDefaultValue(0.035m).HasSentinel(-1m);
        b.Property(f => f.DiscountRateMedium).HasPrecision(7, 5).HasDefaultValue(0.025m).HasSentinel(-1m);
        b.Property(f => f.DiscountRateLong).HasPrecision(7, 5).HasDefaultValue(0.015m).HasSentinel(-1m);
        b.Property(f => f.SensitivityStep).HasPrecision(5, 4).HasDefaultValue(0.20m).HasSentinel(-1m);
        b.Ignore(f => f.DiscountRates);
    }
}

/// <summary>A fund's measure catalogue: a code is unique within the fund (two secretaries adding the same code at once
/// store one; the other gets a message).</summary>
internal sealed class MeasureConfiguration : IEntityTypeConfiguration<FollowUps.Measure>
{
    public void Configure(EntityTypeBuilder<FollowUps.Measure> b)
    {
        b.HasIndex(m => new { m.FundId, m.Code }).IsUnique();
        b.Property(m => m.Code).HasMaxLength(60);
        b.Property(m => m.NameDa).HasMaxLength(200);
        b.Property(m => m.NameEn).HasMaxLength(200);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasOne(m => m.Fund).WithMany().HasForeignKey(m => m.FundId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(m => m.Format);
    }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.HasIndex(o => o.Key).IsUnique();
        b.Property(o => o.Key).HasMaxLength(60);
        b.Property(o => o.Name).HasMaxLength(200);
        b.Property(o => o.Version).IsConcurrencyToken();
    }
}

internal sealed class InvestmentConfiguration : IEntityTypeConfiguration<Investment>
{
    public void Configure(EntityTypeBuilder<Investment> b)
    {
        b.HasIndex(i => i.Key).IsUnique();
        b.Property(i => i.Key).HasMaxLength(60);
        b.Property(i => i.Name).HasMaxLength(200);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasOne(i => i.Fund).WithMany().HasForeignKey(i => i.FundId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(i => i.Parties).WithOne(p => p.Investment).HasForeignKey(p => p.InvestmentId);
        b.HasMany(i => i.SubProjects).WithOne().HasForeignKey(s => s.InvestmentId);
        b.HasMany(i => i.Enrolment).WithOne().HasForeignKey(e => e.InvestmentId);
        b.HasMany(i => i.Versions).WithOne().HasForeignKey(v => v.InvestmentId);
    }
}

internal sealed class PartyConfiguration : IEntityTypeConfiguration<Party>
{
    public void Configure(EntityTypeBuilder<Party> b)
    {
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne(p => p.Organisation).WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.InvestmentId, p.OrganisationId, p.Role }).IsUnique();
        b.Property(p => p.GuaranteeShare).HasPrecision(9, 6);
    }
}

internal sealed class SubProjectConfiguration : IEntityTypeConfiguration<SubProject>
{
    public void Configure(EntityTypeBuilder<SubProject> b) => b.Property(s => s.Version).IsConcurrencyToken();
}

internal sealed class EnrolmentCountConfiguration : IEntityTypeConfiguration<EnrolmentCount>
{
    public void Configure(EntityTypeBuilder<EnrolmentCount> b) => b.Property(e => e.Version).IsConcurrencyToken();
}

internal sealed class AgreementVersionConfiguration : IEntityTypeConfiguration<AgreementVersion>
{
    public void Configure(EntityTypeBuilder<AgreementVersion> b)
    {
        b.Property(v => v.Version).IsConcurrencyToken();
        b.HasIndex(v => new { v.InvestmentId, v.Number }).IsUnique();
        b.HasMany(v => v.Changes).WithOne().HasForeignKey(c => c.AgreementVersionId);
    }
}

internal sealed class LedgerPostingConfiguration : IEntityTypeConfiguration<Fund.LedgerPosting>
{
    public void Configure(EntityTypeBuilder<Fund.LedgerPosting> b)
    {
        b.HasOne(p => p.Fund).WithMany().HasForeignKey(p => p.FundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.Investment).WithMany().HasForeignKey(p => p.InvestmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.FundId, p.FiscalYear });
        // Exactly once, decided by the database: a posting is reversed at most once, an obligation paid at most once
        // (its result payment's source reference is "run:R/obligation:O", see FollowUpRunner.PaymentReference).
        b.HasIndex(p => p.Reverses).IsUnique().HasFilter("\"Reverses\" IS NOT NULL");
        b.HasIndex(p => p.SourceReference).IsUnique()
            .HasFilter("\"SourceReference\" LIKE 'run:%/obligation:%' OR \"SourceReference\" LIKE 'settlement:%'");
        b.Property(p => p.PostedBy).HasMaxLength(256);
        b.Property(p => p.Category).HasMaxLength(100);
        b.Property(p => p.Metric).HasMaxLength(200);
        // Postings from before the outcome fund existed belong to the investment fund.
        b.Property(p => p.Pot).HasDefaultValueSql("'InvestmentFund'");
    }
}

/// <summary>Every stored amount is bounded by a CHECK (|amount| ≤ 10^12 kr., two decimals), on both providers.</summary>
internal static class MoneyColumns
{
    private static readonly (Type Entity, string Table, string Column)[] All =
    [
        (typeof(Fund.LedgerPosting), "LedgerPostings", nameof(Fund.LedgerPosting.Amount)),
        (typeof(FollowUps.PaymentObligation), "PaymentObligations", nameof(FollowUps.PaymentObligation.Amount)),
        (typeof(FollowUps.FollowUpRun), "FollowUpRuns", nameof(FollowUps.FollowUpRun.Payable)),
        (typeof(Party), "Parties", nameof(Party.Capital)),
        (typeof(Party), "Parties", nameof(Party.Guarantee)),
        (typeof(Party), "Parties", nameof(Party.Donation)),
        (typeof(SubProject), "SubProjects", nameof(SubProject.InjectedCapital)),
        (typeof(Proposals.ProposalEvent), "ProposalEvents", nameof(Proposals.ProposalEvent.Amount)),
    ];

    public static void AddChecks(ModelBuilder builder, bool sqlite)
    {
        foreach (var (entity, table, column) in All)
            builder.Entity(entity)
                .ToTable(t => t.HasCheckConstraint($"CK_{table}_{column}_Kroner", Migrations.TrustSql.MoneyCheck(column, sqlite)));
        // A guarantee as a share of drawn capital is in (0, 1].
        var share = sqlite ? "CAST(\"GuaranteeShare\" AS REAL)" : "\"GuaranteeShare\"";
        builder.Entity<Party>()
            .ToTable(t => t.HasCheckConstraint("CK_Parties_GuaranteeShare",
                $"\"GuaranteeShare\" IS NULL OR ({share} > 0 AND {share} <= 1)"));
    }
}

internal sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participants.Participant>
{
    public void Configure(EntityTypeBuilder<Participants.Participant> b)
    {
        b.HasOne<Investments.Investment>().WithMany().HasForeignKey(p => p.InvestmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.InvestmentId, p.Pseudonym }).IsUnique();
        b.Property(p => p.Pseudonym).HasMaxLength(64);
        b.Property(p => p.Cohort).HasMaxLength(40);
    }
}

internal sealed class ParticipantImportConfiguration : IEntityTypeConfiguration<Participants.ParticipantImport>
{
    public void Configure(EntityTypeBuilder<Participants.ParticipantImport> b)
    {
        b.HasOne<Investments.Investment>().WithMany().HasForeignKey(p => p.InvestmentId).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.FileName).HasMaxLength(260);
        b.Property(p => p.ContentHash).HasMaxLength(64);
        b.Property(p => p.ImportedBy).HasMaxLength(256);
    }
}

internal sealed class ParticipantAccessConfiguration : IEntityTypeConfiguration<Participants.ParticipantAccess>
{
    public void Configure(EntityTypeBuilder<Participants.ParticipantAccess> b)
    {
        b.HasIndex(a => new { a.InvestmentId, a.At });
        b.Property(a => a.User).HasMaxLength(256);
        b.Property(a => a.What).HasMaxLength(200);
    }
}

internal sealed class PaymentModelConfiguration : IEntityTypeConfiguration<Payments.StoredPaymentModel>
{
    public void Configure(EntityTypeBuilder<Payments.StoredPaymentModel> b)
    {
        b.ToTable("PaymentModels");
        b.HasOne<Investments.Investment>().WithMany().HasForeignKey(m => m.InvestmentId).OnDelete(DeleteBehavior.Restrict);
        b.Property(m => m.Hash).HasMaxLength(64);
        b.Ignore(m => m.Model);
    }
}

internal sealed class FollowUpRunConfiguration : IEntityTypeConfiguration<FollowUps.FollowUpRun>
{
    public void Configure(EntityTypeBuilder<FollowUps.FollowUpRun> b)
    {
        b.HasOne<Investments.Investment>().WithMany().HasForeignKey(r => r.InvestmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Payments.StoredPaymentModel>().WithMany().HasForeignKey(r => r.PaymentModelId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.ModelHash).HasMaxLength(64);
        b.Property(r => r.ParticipantsHash).HasMaxLength(64);
        b.Property(r => r.RegisterFingerprint).HasMaxLength(100);
        b.Property(r => r.ResultHash).HasMaxLength(64);
        b.Property(r => r.RunBy).HasMaxLength(256);
    }
}

internal sealed class FollowUpApprovalConfiguration : IEntityTypeConfiguration<FollowUps.FollowUpApproval>
{
    public void Configure(EntityTypeBuilder<FollowUps.FollowUpApproval> b)
    {
        b.HasOne<FollowUps.FollowUpRun>().WithMany().HasForeignKey(a => a.RunId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => a.RunId).IsUnique();
        b.HasIndex(a => new { a.InvestmentId, a.Sequence }).IsUnique();
        b.Property(a => a.DecisionReference).HasMaxLength(200);
        b.Property(a => a.ApprovedBy).HasMaxLength(256);
    }
}

internal sealed class PaymentObligationConfiguration : IEntityTypeConfiguration<FollowUps.PaymentObligation>
{
    public void Configure(EntityTypeBuilder<FollowUps.PaymentObligation> b)
    {
        b.HasOne<FollowUps.FollowUpRun>().WithMany().HasForeignKey(o => o.RunId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(o => o.LedgerPosting).WithMany().HasForeignKey(o => o.LedgerPostingId).OnDelete(DeleteBehavior.Restrict);
        // One posting pays one obligation (the demo links obligations to imported postings; a second link is refused).
        b.HasIndex(o => o.LedgerPostingId).IsUnique().HasFilter("\"LedgerPostingId\" IS NOT NULL");
        b.Property(o => o.Payer).HasMaxLength(200);
    }
}

internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposals.Proposal>
{
    public void Configure(EntityTypeBuilder<Proposals.Proposal> b)
    {
        b.HasOne<Fund.Fund>().WithMany().HasForeignKey(p => p.FundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.Call).WithMany().HasForeignKey(p => p.CallId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Investments.Investment>().WithMany().HasForeignKey(p => p.InvestmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Events).WithOne().HasForeignKey(e => e.ProposalId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.FundId, p.Reference }).IsUnique();
        b.Property(p => p.Reference).HasMaxLength(40);
        b.Property(p => p.Title).HasMaxLength(300);
        b.Property(p => p.Proposer).HasMaxLength(300);
        b.Property(p => p.Contact).HasMaxLength(300);
    }
}

internal sealed class ProposalEventConfiguration : IEntityTypeConfiguration<Proposals.ProposalEvent>
{
    public void Configure(EntityTypeBuilder<Proposals.ProposalEvent> b)
    {
        b.Property(e => e.Note).HasMaxLength(2000);
        b.Property(e => e.By).HasMaxLength(256);
    }
}

internal sealed class ProposalAttachmentConfiguration : IEntityTypeConfiguration<Proposals.ProposalAttachment>
{
    public void Configure(EntityTypeBuilder<Proposals.ProposalAttachment> b)
    {
        b.HasOne(a => a.Proposal).WithMany().HasForeignKey(a => a.ProposalId).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.FileName).HasMaxLength(260);
        b.Property(a => a.ContentType).HasMaxLength(120);
        b.Property(a => a.Sha256).HasMaxLength(64);
    }
}

internal sealed class CallConfiguration : IEntityTypeConfiguration<Proposals.Call>
{
    public void Configure(EntityTypeBuilder<Proposals.Call> b)
    {
        b.HasOne<Fund.Fund>().WithMany().HasForeignKey(c => c.FundId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.FundId, c.Key }).IsUnique();
        b.Property(c => c.Key).HasMaxLength(100);
        b.Property(c => c.Title).HasMaxLength(300);
    }
}

internal sealed class AssessmentRequestConfiguration : IEntityTypeConfiguration<Proposals.AssessmentRequest>
{
    public void Configure(EntityTypeBuilder<Proposals.AssessmentRequest> b)
    {
        b.HasOne(r => r.Proposal).WithMany().HasForeignKey(r => r.ProposalId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Organisation).WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.ProposalId, r.OrganisationId, r.RequestedOn }).IsUnique();
        b.Property(r => r.RequestedBy).HasMaxLength(256);
        b.Property(r => r.WrittenBy).HasMaxLength(256);
        b.Property(r => r.Relevance).HasMaxLength(5000);
        b.Property(r => r.EconomicConsequences).HasMaxLength(5000);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.HasOne<Fund.Fund>().WithMany().HasForeignKey(m => m.FundId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => m.SentAt);
        b.Property(m => m.ProposalReference).HasMaxLength(40);
        b.Property(m => m.Recipient).HasMaxLength(300);
        b.Property(m => m.Addresses).HasMaxLength(2000);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.Body).HasMaxLength(8000);
        b.Property(m => m.LastError).HasMaxLength(2000);
    }
}

internal sealed class PhaseChangeConfiguration : IEntityTypeConfiguration<PhaseChange>
{
    public void Configure(EntityTypeBuilder<PhaseChange> b)
    {
        b.HasOne<Investment>().WithMany().HasForeignKey(c => c.InvestmentId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.Owner).HasMaxLength(200);
        b.Property(c => c.Note).HasMaxLength(2000);
        b.Property(c => c.RecordedBy).HasMaxLength(256);
    }
}

internal sealed class MaturityAssessmentConfiguration : IEntityTypeConfiguration<MaturityAssessment>
{
    public void Configure(EntityTypeBuilder<MaturityAssessment> b)
    {
        b.HasOne<Investment>().WithMany().HasForeignKey(m => m.InvestmentId).OnDelete(DeleteBehavior.Restrict);
        b.Property(m => m.Strengths).HasMaxLength(4000);
        b.Property(m => m.Attention).HasMaxLength(4000);
        b.Property(m => m.RecordedBy).HasMaxLength(256);
    }
}

internal sealed class ApprovalConfiguration : IEntityTypeConfiguration<Approval>
{
    public void Configure(EntityTypeBuilder<Approval> b)
    {
        b.HasOne<Investment>().WithMany().HasForeignKey(a => a.InvestmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Organisation).WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.ApprovedBy).HasMaxLength(200);
        b.Property(a => a.DocumentReference).HasMaxLength(300);
        b.Property(a => a.RecordedBy).HasMaxLength(256);
    }
}

internal sealed class ClosedFiscalYearConfiguration : IEntityTypeConfiguration<Fund.ClosedFiscalYear>
{
    public void Configure(EntityTypeBuilder<Fund.ClosedFiscalYear> b)
    {
        b.HasOne<Fund.Fund>().WithMany().HasForeignKey(c => c.FundId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.FundId, c.Year }).IsUnique();
        b.Property(c => c.ClosedBy).HasMaxLength(256);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasIndex(a => new { a.EntityType, a.EntityId });
        b.HasIndex(a => a.InvestmentId);
        b.Property(a => a.User).HasMaxLength(256);
        b.Property(a => a.EntityType).HasMaxLength(60);
        b.Property(a => a.Field).HasMaxLength(100);
    }
}
