using Bundlinje.Participants;

namespace Bundlinje.Web.Pages.Investments.FollowUp;

/// <summary>The participants slice: enrolment per cohort and the participant import. The upload holds CPR numbers, so
/// the form is kept in memory up to the upload limit and never buffered to a temporary file (ASP.NET Core would otherwise
/// write any file over 64 KB to the temp folder); a larger upload is refused with a message.</summary>
[RequestFormLimits(MemoryBufferThreshold = (int)Uploads.MaxBytes, MultipartBodyLengthLimit = Uploads.MaxBytes)]
[RequestSizeLimit(Uploads.MaxBytes + 1024 * 1024)]
[UploadLimit]
public sealed class ParticipantImportPage(BundlinjeDb db, FollowUps.FollowUpSlices slices, Lazy<ParticipantImporter> importer) : SlicePage(
    db)
{
    [BindProperty] public IFormFile? Upload { get; set; }
    public FollowUps.ParticipantsSlice Slice { get; private set; } = null!;

    protected override async Task ShowAsync(CancellationToken ct) => Slice = await slices.ParticipantsAsync(Investment, ct);

    [Requires(nameof(Operations.ImportParticipants))]
    public Task<IActionResult> OnPostAsync(CancellationToken ct) => ActAsync(async () =>
    {
        if (Upload is null) throw Refused.At(nameof(Upload), "upload.chooseParticipantFile");
        await using var stream = Upload.OpenReadStream();
        var result = await importer.Value.ImportAsync(Investment, Upload.FileName, stream, ct);
        return $"Deltagere: {result.Added} tilføjet, {result.Updated} opdateret.";
    }, ct);
}
