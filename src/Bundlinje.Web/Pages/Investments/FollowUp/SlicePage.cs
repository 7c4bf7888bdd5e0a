using Bundlinje.FollowUps;
using Bundlinje.Security;

namespace Bundlinje.Web.Pages.Investments.FollowUp;

/// <summary>A slice of an investment's follow-up (runs, participants, register data, payment model): its own page with
/// its own form handlers; the overview (<see cref="IndexModel"/>) shows every slice, each form posts to its slice's page.
/// Reading needs Read; each form handler names the operation it needs with [Requires].</summary>
[RouteInvestment(nameof(Operations.Read))]
public abstract class SlicePage(BundlinjeDb db) : InvestmentFormPage(db)
{
    public Viewer Viewer => User.ToViewer();
    public string FundKey => Investment.Fund!.Key;
    public string? Done { get; protected set; }

    /// <summary>Reads what the slice shows (after an action too).</summary>
    protected abstract Task ShowAsync(CancellationToken ct);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Request.Query[Uploads.TooLargeQuery] == "for-stor") ModelState.AddModelError("Upload", Uploads.TooLargeMessage);
        await ShowAsync(ct);
        return Page();
    }

    /// <summary>Acts (the route filter has authorized the handler's [Requires] operation, and a posted id outside the
    /// route's investment is 404 from the service): the action's message, or the service's refusal as form errors.</summary>
    protected async Task<IActionResult> ActAsync(Func<Task<string>> action, CancellationToken ct)
    {
        try { Done = await action(); }
        // The services that pseudonymise are resolved per request, so a missing Bundlinje:PseudonymKey is a message, not a broken page.
        catch (Refused e) { ModelState.AddRefusal(e); }
        catch (Participants.PseudonymKeyMissing e) { ModelState.AddModelError(string.Empty, e.Message); }
        await ShowAsync(ct);
        return Page();
    }
}

public sealed record RunsView(string Key, string FundKey, Viewer Viewer, RunsSlice Slice, DateOnly? AsOf);
public sealed record ParticipantsView(string Key, string FundKey, Viewer Viewer, ParticipantsSlice Slice);
public sealed record RegisterView(string Key, string FundKey, Viewer Viewer);
public sealed record ModelView(string Key, string FundKey, Viewer Viewer, Payments.StoredPaymentModel? Model, string? Json);
