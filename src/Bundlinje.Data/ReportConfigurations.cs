using Bundlinje.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bundlinje.Data;

internal sealed class ReportRecordConfiguration : IEntityTypeConfiguration<ReportRecord>
{
    public void Configure(EntityTypeBuilder<ReportRecord> b)
    {
        b.ToTable("Reports");
        b.HasOne<Fund.Fund>().WithMany().HasForeignKey(r => r.FundId).OnDelete(DeleteBehavior.Restrict);
        // One number n per report and format: two generations at once cannot both become number n.
        b.HasIndex(r => new { r.FundId, r.Kind, r.Subject, r.Period, r.Format, r.Number }).IsUnique();
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.Format).HasConversion<string>().HasMaxLength(10);
        b.Property(r => r.Subject).HasMaxLength(200);
        b.Property(r => r.Period).HasMaxLength(20);
        b.Property(r => r.Language).HasMaxLength(5);
        b.Property(r => r.FileName).HasMaxLength(300);
        b.Property(r => r.InputsSha256).HasMaxLength(64);
        b.Property(r => r.OutputSha256).HasMaxLength(64);
        b.Property(r => r.GeneratedBy).HasMaxLength(256);
    }
}

internal sealed class ReportNarrativeConfiguration : IEntityTypeConfiguration<ReportNarrative>
{
    public void Configure(EntityTypeBuilder<ReportNarrative> b)
    {
        b.HasOne<Fund.Fund>().WithMany().HasForeignKey(n => n.FundId).OnDelete(DeleteBehavior.Restrict);
        // One revision n per text: two saves at once cannot both become revision n.
        b.HasIndex(n => new { n.FundId, n.Scope, n.Key, n.Revision }).IsUnique();
        b.Property(n => n.Scope).HasMaxLength(200);
        b.Property(n => n.Key).HasMaxLength(200);
        b.Property(n => n.Text).HasMaxLength(ReportNarrativeLimits.MaxLength);
        b.Property(n => n.WrittenBy).HasMaxLength(256);
        b.Property(n => n.CopiedFrom).HasMaxLength(200);
    }
}

internal sealed class PublishedEconomicsTableConfiguration : IEntityTypeConfiguration<Fund.PublishedEconomicsTable>
{
    public void Configure(EntityTypeBuilder<Fund.PublishedEconomicsTable> b)
    {
        b.HasOne<Fund.Fund>().WithMany().HasForeignKey(t => t.FundId).OnDelete(DeleteBehavior.Restrict);
        // One revision n per fund and year: two stores at once cannot both become revision n.
        b.HasIndex(t => new { t.FundId, t.Year, t.Revision }).IsUnique();
        b.Property(t => t.FileName).HasMaxLength(300);
        b.Property(t => t.Sha256).HasMaxLength(64);
        b.Property(t => t.StoredBy).HasMaxLength(256);
    }
}

internal sealed class PublicationRevisionConfiguration : IEntityTypeConfiguration<Publication.PublicationRevision>
{
    public void Configure(EntityTypeBuilder<Publication.PublicationRevision> b)
    {
        b.HasOne<Fund.Fund>().WithMany().HasForeignKey(r => r.FundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Investments.Investment>().WithMany().HasForeignKey(r => r.InvestmentId).OnDelete(DeleteBehavior.Restrict);
        // One revision n per investment and field group: two drafts at once cannot both become revision n.
        b.HasIndex(r => new { r.InvestmentId, r.Field, r.Revision }).IsUnique();
        b.HasIndex(r => r.FundId);
        b.Property(r => r.Field).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.DraftedBy).HasMaxLength(256);
        b.Property(r => r.Note).HasMaxLength(500);
    }
}

internal sealed class PublicationApprovalConfiguration : IEntityTypeConfiguration<Publication.PublicationApproval>
{
    public void Configure(EntityTypeBuilder<Publication.PublicationApproval> b)
    {
        b.HasOne<Fund.Fund>().WithMany().HasForeignKey(a => a.FundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Publication.PublicationRevision>().WithMany().HasForeignKey(a => a.RevisionId).OnDelete(DeleteBehavior.Restrict);
        // A revision is approved once: two approvals at once cannot both be saved.
        b.HasIndex(a => a.RevisionId).IsUnique();
        b.Property(a => a.ApprovedBy).HasMaxLength(256);
    }
}
