using Bundlinje.FollowUps;

namespace Bundlinje.Web.Pages.Investments.FollowUp;

/// <summary>The runs slice: start a run (queued, done by the worker: <see cref="JobQueue"/>), approve a run, record a payment.</summary>
public sealed class RunsPage(BundlinjeDb db, FollowUpSlices slices, JobQueue jobs, Lazy<FollowUpRunner> runner) : SlicePage(db)
{
    [BindProperty] public DateOnly? AsOf { get; set; }
    [BindProperty] public int RunId { get; set; }
    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public int ObligationId { get; set; }
    [BindProperty] public DateOnly? PaidOn { get; set; }
    public RunsSlice Slice { get; private set; } = null!;

    protected override async Task ShowAsync(CancellationToken ct) => Slice = await slices.RunsAsync(Investment, ct);

    /// <summary>Queues the run and shows its progress page (a large run takes a while and can be cancelled; it survives a
    /// restart).</summary>
    [Requires(nameof(Operations.RunFollowUps))]
    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        string? job = null;
        var page = await ActAsync(async () =>
        {
            var asOf = AsOf ?? throw Refused.At(nameof(AsOf), "followUp.asOfRequired");
            job = $"/Investments/{Key}/FollowUp/Jobs/{(await jobs.EnqueueFollowUpRunAsync(Investment, asOf, User.Identity!.Name!, ct)).Id}";
            return "";
        }, ct);
        return job is null ? page : Redirect(job);
    }

    /// <summary>Approves a run of this investment (a run of another investment is 404, whoever asks).</summary>
    [Requires(nameof(Operations.Administer))]
    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) => ActAsync(async () =>
    {
        await runner.Value.ApproveAsync(Investment, RunId, Decision ?? "", ct);
        return $"Kørsel {RunId} er godkendt; betalingsforpligtelserne er oprettet.";
    }, ct);

    /// <summary>Records the payment of an obligation of this investment (another investment's is 404).</summary>
    [Requires(nameof(Operations.Administer))]
    public Task<IActionResult> OnPostPayAsync(CancellationToken ct) => ActAsync(async () =>
    {
        var paid = await runner.Value.RecordPaymentAsync(Investment, ObligationId, PaidOn
            ?? throw Refused.At(nameof(PaidOn), "followUp.paidOnRequired"), ct);
        return $"Betalingen er bogført i fondens regnskab (postering {paid.LedgerPostingId}).";
    }, ct);
}
