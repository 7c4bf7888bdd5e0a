using Bundlinje.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Bundlinje.Web.Infrastructure;

/// <summary>A page with a form: DKFDS error classes and optimistic-concurrency checks.</summary>
public abstract class FormPage(BundlinjeDb db) : PageModel
{
    protected BundlinjeDb Db { get; } = db;

    public string ErrorClass(string key) =>
        ModelState.GetFieldValidationState(key) == ModelValidationState.Invalid ? "form-error" : "";

    /// <summary>Stale-form check: the record must still have the version the form was opened with.</summary>
    protected async Task<bool> IsCurrentAsync(Entity record, int postedVersion, CancellationToken ct)
    {
        if (record.Version == postedVersion)
        {
            Db.Entry(record).Property(nameof(Entity.Version)).OriginalValue = postedVersion;
            return true;
        }
        await AddStaleErrorAsync(record, ct);
        return false;
    }

    /// <summary>Saves; if someone else saved the record meanwhile, reports who and when instead of overwriting.</summary>
    protected async Task<bool> TrySaveAsync(Entity record, CancellationToken ct)
    {
        try
        {
            await Db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            await AddStaleErrorAsync(record, ct);
            return false;
        }
    }

    private async Task AddStaleErrorAsync(Entity record, CancellationToken ct)
    {
        var type = record.GetType().Name;
        var last = await Db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == type && a.EntityId == record.Id)
            .OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        var who = last?.User ?? "en anden";
        var when = last is null ? "" : " " + Labels.Local(last.At, "dd-MM-yyyy 'kl.' HH:mm");
        ModelState.AddModelError(string.Empty,
            $"Posten er ændret af {who}{when}, efter du åbnede formularen. Dine ændringer er ikke gemt: genindlæs siden og ret igen.");
    }
}
