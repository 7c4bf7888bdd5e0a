using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bundlinje.Web.Infrastructure;

/// <summary>/health: the database answers AND takes a write. Touches every row of the migrations history inside a
/// transaction and rolls it back (no schema change, nothing kept), so a read-only file or database, a full disk or a
/// lost connection makes /health Unhealthy (503).</summary>
public sealed class DatabaseWritableCheck(BundlinjeDb db, ILogger<DatabaseWritableCheck> log) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("UPDATE \"__EFMigrationsHistory\" SET \"ProductVersion\" = \"ProductVersion\"", ct);
            await transaction.RollbackAsync(ct);
            return HealthCheckResult.Healthy("The database takes writes.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError("Health: the database cannot be written ({Error}).", e.GetBaseException().GetType().Name + ": "
                + e.GetBaseException().Message.ReplaceLineEndings(" "));
            return HealthCheckResult.Unhealthy("The database cannot be written.");
        }
    }
}
