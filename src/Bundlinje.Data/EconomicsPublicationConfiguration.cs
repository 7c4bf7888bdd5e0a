using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bundlinje.Data;

internal sealed class EconomicsPublicationConfiguration : IEntityTypeConfiguration<Publication.EconomicsPublication>
{
    public void Configure(EntityTypeBuilder<Publication.EconomicsPublication> b)
    {
        b.HasOne<Fund.Fund>().WithMany().HasForeignKey(p => p.FundId).OnDelete(DeleteBehavior.Restrict);
        // One decision n per fund: two recordings at once (two clicks, two members) cannot both become decision n.
        b.HasIndex(p => new { p.FundId, p.Sequence }).IsUnique();
        b.Property(p => p.SnapshotSha256).HasMaxLength(64);
        b.Property(p => p.InputsSha256).HasMaxLength(64);
        b.Property(p => p.Reference).HasMaxLength(Publication.EconomicsPublications.ReferenceMaxLength);
        b.Property(p => p.RecordedBy).HasMaxLength(256);
    }
}
