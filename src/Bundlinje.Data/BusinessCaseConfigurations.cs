using Bundlinje.BusinessCases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bundlinje.Data;

internal sealed class StoredBusinessCaseConfiguration : IEntityTypeConfiguration<StoredBusinessCase>
{
    public void Configure(EntityTypeBuilder<StoredBusinessCase> b)
    {
        b.ToTable("BusinessCases");
        b.HasOne<Investments.Investment>().WithMany().HasForeignKey(c => c.InvestmentId).OnDelete(DeleteBehavior.Restrict);
        // One revision n per case: two saves at once cannot both become revision n.
        b.HasIndex(c => new { c.InvestmentId, c.AgreementVersion, c.Part, c.Revision }).IsUnique();
        b.Property(c => c.Part).HasMaxLength(200);
        b.Property(c => c.Hash).HasMaxLength(64);
        b.Property(c => c.SavedBy).HasMaxLength(256);
        b.Ignore(c => c.Case);
    }
}

internal sealed class UnitPriceConfiguration : IEntityTypeConfiguration<UnitPrice>
{
    public void Configure(EntityTypeBuilder<UnitPrice> b)
    {
        b.HasOne<Fund.Fund>().WithMany().HasForeignKey(p => p.FundId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.FundId, p.Code }).IsUnique();
        b.Property(p => p.Code).HasMaxLength(60);
        b.Property(p => p.Service).HasMaxLength(200);
        b.Property(p => p.Unit).HasMaxLength(60);
        b.Property(p => p.Source).HasMaxLength(400);
        b.Property(p => p.Department).HasMaxLength(200);
    }
}

internal sealed class PriceIndexConfiguration : IEntityTypeConfiguration<PriceIndex>
{
    public void Configure(EntityTypeBuilder<PriceIndex> b)
    {
        b.ToTable("PriceIndices");
        b.HasOne<Fund.Fund>().WithMany().HasForeignKey(p => p.FundId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.FundId, p.Year }).IsUnique();
        b.Property(p => p.Value).HasPrecision(12, 4);
    }
}
