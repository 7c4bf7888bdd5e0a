using Bundlinje.Peers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bundlinje.Data.Peers;

internal sealed class PeerRecordConfiguration : IEntityTypeConfiguration<PeerRecord>
{
    public void Configure(EntityTypeBuilder<PeerRecord> b)
    {
        // One revision n per record: two imports at once cannot both add revision n.
        b.HasIndex(r => new { r.Table, r.Key, r.Revision }).IsUnique();
        b.HasIndex(r => r.ProjectId);
        b.HasOne<PeerImport>().WithMany().HasForeignKey(r => r.ImportId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.Table).HasMaxLength(40);
        b.Property(r => r.Key).HasMaxLength(100);
        b.Property(r => r.ProjectId).HasMaxLength(100);
    }
}

internal sealed class PeerImportConfiguration : IEntityTypeConfiguration<PeerImport>
{
    public void Configure(EntityTypeBuilder<PeerImport> b)
    {
        b.Property(i => i.ImportedBy).HasMaxLength(256);
        b.Property(i => i.Source).HasMaxLength(300);
    }
}

internal sealed class PeerProjectConfiguration : IEntityTypeConfiguration<PeerProject>
{
    public void Configure(EntityTypeBuilder<PeerProject> b)
    {
        b.HasIndex(p => p.IndigoId).IsUnique();
        b.Property(p => p.IndigoId).HasMaxLength(100);
        b.Property(p => p.Countries).HasMaxLength(1000);
        b.Property(p => p.PolicySector).HasMaxLength(400);
        b.Property(p => p.Stage).HasMaxLength(200);
        // Currencies as given: "DKK", but also "Japanese Yen".
        b.Property(p => p.CapitalCurrency).HasMaxLength(100);
        b.Property(p => p.CapitalAmount).HasPrecision(20, 2);
        b.Property(p => p.MetricSectors).HasMaxLength(4000);
        b.Property(p => p.LinkedInvestmentKey).HasMaxLength(100);
        b.Property(p => p.LinkedSubProject).HasMaxLength(200);
    }
}
