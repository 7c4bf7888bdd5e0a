using System.Globalization;
using Bundlinje.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Bundlinje.Data;

/// <summary>Turns tracked changes into audit entries: one per changed field. Refuses any change to the audit log itself.</summary>
internal static class AuditTrail
{
    internal sealed record Pending(EntityEntry Entry, AuditAction Action, List<(string Field, string? Old, string? New)> Fields);

    public static List<Pending> Collect(ChangeTracker tracker)
    {
        tracker.DetectChanges();
        var pending = new List<Pending>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is IAppendOnly appendOnly && entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException(appendOnly.Refusal);
            if (entry.Entity is not Entity) continue;
            switch (entry.State)
            {
                case EntityState.Added:
                    pending.Add(new(entry, AuditAction.Created, []));
                    break;
                case EntityState.Modified:
                    var changed = entry.Properties
                        .Where(p => p.IsModified && !p.Metadata.IsPrimaryKey() && p.Metadata.Name != nameof(Entity.Version)
                                    && !Equals(p.OriginalValue, p.CurrentValue))
                        .Select(p => (p.Metadata.Name, Text(p.OriginalValue), Text(p.CurrentValue))).ToList();
                    // Every save of a record moves its version on, so a form opened before it is stale.
                    ((Entity)entry.Entity).Version = (int)entry.Property(nameof(Entity.Version)).OriginalValue! + 1;
                    if (changed.Count > 0) pending.Add(new(entry, AuditAction.Changed, changed));
                    break;
                case EntityState.Deleted:
                    pending.Add(new(entry, AuditAction.Deleted, Values(entry).Select(v => (v.Field, v.Value, (string?)null)).ToList()));
                    break;
            }
        }
        return pending;
    }

    /// <summary>Called after the save, when new records have their ids.</summary>
    public static IEnumerable<AuditEntry> Entries(List<Pending> pending, string user, DateTimeOffset at)
    {
        foreach (var p in pending)
        {
            var fields = p.Action == AuditAction.Created
                ? Values(p.Entry).Select(v => (v.Field, (string?)null, v.Value)).ToList()
                : p.Fields;
            var id = Convert.ToInt32(p.Entry.Property("Id").CurrentValue, CultureInfo.InvariantCulture);
            int? investmentId = p.Entry.Entity switch
            {
                Investments.Investment i => i.Id,
                IPartOfInvestment part => part.InvestmentId,
                _ => null,
            };
            foreach (var (field, old, @new) in fields)
                yield return new AuditEntry
                {
                    At = at, User = user, EntityType = p.Entry.Metadata.ClrType.Name, EntityId = id,
                    InvestmentId = investmentId, Action = p.Action, Field = field, OldValue = old, NewValue = @new,
                };
        }
    }

    private static IEnumerable<(string Field, string? Value)> Values(EntityEntry entry) =>
        entry.Properties
            .Where(p => !p.Metadata.IsPrimaryKey() && p.Metadata.Name != nameof(Entity.Version) && p.CurrentValue is not null)
            .Select(p => (p.Metadata.Name, Text(p.CurrentValue)));

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.##", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
