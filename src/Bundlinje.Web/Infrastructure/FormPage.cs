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

    /// <summary>A form's save: done, a redirect to <paramref name="done"/>; refused, the refusal is shown at the form's
    /// fields (<c>{form}.{field}</c>), the unsaved changes are forgotten and the page is loaded again by
    /// <paramref name="reload"/>.</summary>
    protected async Task<IActionResult> SaveFormAsync(string form, Func<Task> save, string done, Func<Task> reload)
    {
        ModelState.Clear();
        try
        {
            await save();
            return Redirect(done);
        }
        catch (Refused e)
        {
            ModelState.AddRefusal(e, field => $"{form}.{field}");
            Db.ChangeTracker.Clear();
            await reload();
            return Page();
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
