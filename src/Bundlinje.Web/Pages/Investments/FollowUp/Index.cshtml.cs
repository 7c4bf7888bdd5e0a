using Bundlinje.Common;
using Bundlinje.FollowUps;
using Bundlinje.Investments;
using Bundlinje.Participants;
using Bundlinje.Payments;
using Bundlinje.Portfolio;
using Bundlinje.Security;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Bundlinje.Web.Pages.Investments.FollowUp;

/// <summary>An investment's outcome follow-up: its payment model, participants, register data, runs, approvals and
/// payments. Who may do what is decided per action (see <see cref="Viewer"/>).
/// Uploads hold CPR numbers, so the form is kept in memory up to the upload limit and never buffered to a temporary file
/// (ASP.NET Core would otherwise write any file over 64 KB to the temp folder); a larger upload is refused with a message.</summary>
[Authorize(Policy = Policies.Reader)]
[RequestFormLimits(MemoryBufferThreshold = (int)Uploads.MaxBytes, MultipartBodyLengthLimit = Uploads.MaxBytes)]
[RequestSizeLimit(Uploads.MaxBytes + 1024 * 1024)]
[UploadLimit]
public sealed class IndexModel(BundlinjeDb db, IServiceProvider services, RunJobs jobs, TimeProvider clock) : FormPage(db)
{
    [FromRoute] public string Key { get; set; } = "";
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? ModelJson { get; set; }
    [BindProperty] public DateOnly? AsOf { get; set; }
    [BindProperty] public int RunId { get; set; }
    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public int ObligationId { get; set; }
    [BindProperty] public DateOnly? PaidOn { get; set; }

    public Investment Investment { get; private set; } = null!;
    public Viewer Viewer => User.ToViewer();
    public string FundKey => Investment.Fund!.Key;
    public StoredPaymentModel? Model { get; private set; }
    public int ParticipantCount { get; private set; }
    public List<FollowUpRun> Runs { get; private set; } = [];
    public HashSet<int> Approved { get; private set; } = [];
    public List<PaymentObligation> Obligations { get; private set; } = [];
    /// <summary>The participants and register data are the demo's synthetic ones (imported by <see
    /// cref="FollowUps.Demo.DemoFollowUps.Actor"/>).</summary>
    public bool Synthetic { get; private set; }
    /// <summary>For an investment terminated early: the last approved run and what is settled up front for the open windows.</summary>
    public (FollowUpRun Run, IReadOnlyList<(Metric Metric, int Open, decimal Amount)> Lines)? Early { get; private set; }
    public string? Done { get; private set; }
    public (IReadOnlyList<(string Cohort, int Enrolled)> Cohorts, EnrolmentStatus? Total) Enrolment { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Request.Query[Uploads.TooLargeQuery] == "for-stor") ModelState.AddModelError(nameof(Upload), Uploads.TooLargeMessage);
        return await LoadAsync(ct) ?? Page();
    }

    public Task<IActionResult> OnPostParticipantsAsync(CancellationToken ct) => ActAsync(Operations.ImportParticipants, null, async () =>
    {
        if (Upload is null) throw new ParticipantsRejected(["Fil: vælg en CSV- eller XLSX-fil."]);
        await using var stream = Upload.OpenReadStream();
        var result = await services.GetRequiredService<ParticipantImporter>().ImportAsync(Key, Upload.FileName, stream, ct);
        return $"Deltagere: {result.Added} tilføjet, {result.Updated} opdateret.";
    }, ct);

    public Task<IActionResult> OnPostRegisterAsync(CancellationToken ct) => ActAsync(Operations.RunFollowUps, null, async () =>
    {
        if (Upload is null) throw new RegisterRejected(["Fil: vælg en CSV- eller Parquet-fil."]);
        // The upload is in memory; the store pseudonymises it as it reads (see RegisterStore.Import), nothing goes to the temp folder.
        await using var stream = Upload.OpenReadStream();
        var known = await MeasureCatalogue.ValueTypesAsync(Db, Investment.FundId, ct); // the codes of the investment's fund's catalogue
        var read = services.GetRequiredService<RegisterStore>().Import(stream, Upload.FileName, User.Identity!.Name!, known);
        return $"Registerdata: {read} observationer indlæst.";
    }, ct);

    public Task<IActionResult> OnPostModelAsync(CancellationToken ct) => ActAsync(Operations.Administer, null, async () =>
    {
        var model = await PaymentModelFile.StoreAsync(Db, ModelJson ?? "", Key, ct);
        return $"Betalingsmodellen er gemt ({model.Metrics.Count} effektmål).";
    }, ct);

    /// <summary>Starts the run in the background and shows its progress page (a large run takes a while and can be cancelled).</summary>
    public async Task<IActionResult> OnPostRunAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        if (!await HttpContext.MayAsync(Investment, Operations.RunFollowUps, refusesRequest: true)) return Forbid();
        if (AsOf is null) { ModelState.AddModelError(nameof(AsOf), "Opgørelsesdato: skriv en dato."); return Page(); }
        var job = jobs.Start(Key, AsOf.Value, User.Identity!.Name!);
        return Redirect($"/Investments/{Key}/FollowUp/Jobs/{job.Id}");
    }

    /// <summary>Approves a run of this investment (a run of another investment is 404, whoever asks).</summary>
    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) => ActAsync(Operations.Administer,
        () => Db.FollowUpRuns.AnyAsync(r => r.Id == RunId && r.InvestmentId == Investment.Id, ct), async () =>
    {
        await services.GetRequiredService<FollowUpRunner>().ApproveAsync(RunId, Decision ?? "", ct);
        return $"Kørsel {RunId} er godkendt; betalingsforpligtelserne er oprettet.";
    }, ct);

    /// <summary>Records the payment of an obligation of this investment (another investment's is 404).</summary>
    public Task<IActionResult> OnPostPayAsync(CancellationToken ct) => ActAsync(Operations.Administer,
        () => Db.PaymentObligations.AnyAsync(o => o.Id == ObligationId && o.InvestmentId == Investment.Id, ct), async () =>
    {
        var paid = await services.GetRequiredService<FollowUpRunner>()
            .RecordPaymentAsync(ObligationId, PaidOn ?? throw new FollowUpRefused("Betalingsdato: skriv en dato."), ct);
        return $"Betalingen er bogført i fondens regnskab (postering {paid.LedgerPostingId}).";
    }, ct);

    /// <summary>Loads the investment of the route, authorizes it for the operation (403), checks that the posted id
    /// belongs to it (404), then acts.</summary>
    private async Task<IActionResult> ActAsync(OperationAuthorizationRequirement operation, Func<Task<bool>>? owned,
        Func<Task<string>> action, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        if (!await HttpContext.MayAsync(Investment, operation, refusesRequest: true)) return Forbid();
        if (owned is not null && !await owned()) return NotFound();
        try { Done = await action(); }
        // The services that pseudonymise are resolved per action, so a missing Bundlinje:PseudonymKey is a message, not a broken page.
        catch (Exception e) when (e is ParticipantsRejected or RegisterRejected or PortfolioRejected or FollowUpRefused
            or PseudonymKeyMissing)
        {
            IReadOnlyList<string> problems =
                e switch
                {
                    ParticipantsRejected p => p.Problems,
                    RegisterRejected r => r.Problems,
                    PortfolioRejected m =>
                    [m.Heading + ":", .. m.Problems],
                    _ => [e.Message]
                };
            foreach (var problem in problems.Take(30)) ModelState.AddModelError(string.Empty, problem);
        }
        return await LoadAsync(ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var (refusal, investment) = await this.LoadAsync(Db.Investments.AsNoTracking(), Key, ct: ct);
        if (refusal is not null) return refusal;
        Investment = investment!;
        Model = await Db.PaymentModels.AsNoTracking().Where(m => m.InvestmentId == Investment.Id).OrderByDescending(m => m.Id)
            .FirstOrDefaultAsync(ct);
        ModelJson ??= Model?.Json;
        ParticipantCount = await Db.Participants.CountAsync(p => p.InvestmentId == Investment.Id, ct);
        var treated = await Db.Participants.AsNoTracking()
            .Where(p => p.InvestmentId == Investment.Id && p.Group == ParticipantGroup.Treatment)
            .Select(p => new { p.Cohort, p.EnrolledOn }).ToListAsync(ct);
        Enrolment = EnrolmentPlan.FromParticipants(Investment, treated.Select(t => (t.Cohort, t.EnrolledOn)), clock.Today());
        Runs = await Db.FollowUpRuns.AsNoTracking().Where(r => r.InvestmentId == Investment.Id).OrderByDescending(r => r.Id).Take(20)
            .ToListAsync(ct);
        Approved = (await Db.FollowUpApprovals.AsNoTracking().Where(a => a.InvestmentId == Investment.Id).Select(a => a.RunId)
            .ToListAsync(ct)).ToHashSet();
        Obligations = await Db.PaymentObligations.AsNoTracking().Include(o => o.LedgerPosting).Where(o => o.InvestmentId == Investment.Id)
            .OrderBy(o => o.Id).ToListAsync(ct);
        Synthetic = await Db.ParticipantImports.AnyAsync(i => i.InvestmentId == Investment.Id
            && i.ImportedBy == FollowUps.Demo.DemoFollowUps.Actor, ct);
        if (Investment.Status == InvestmentStatus.TerminatedEarly && Model is not null && Runs.Where(r => Approved.Contains(r.Id))
            .MaxBy(r => r.AsOf) is { } last)
        {
            var people = (await Db.Participants.AsNoTracking().Where(p => p.InvestmentId == Investment.Id).ToListAsync(ct)).Select(p =>
                p.ToPerson()).ToList();
            Early = (last, EarlyTermination.ForOpenWindows(Model.Model, people, last.AsOf));
        }
        return null;
    }
}
