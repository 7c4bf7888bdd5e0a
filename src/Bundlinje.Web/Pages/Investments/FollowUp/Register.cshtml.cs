using Bundlinje.FollowUps;

namespace Bundlinje.Web.Pages.Investments.FollowUp;

/// <summary>The register data slice: an extract is pseudonymised as it is read into the register store (see
/// RegisterStore.Import) and its codes checked against the
/// investment's fund's catalogue; the upload stays in memory, as for participants.</summary>
[RequestFormLimits(MemoryBufferThreshold = (int)Uploads.MaxBytes, MultipartBodyLengthLimit = Uploads.MaxBytes)]
[RequestSizeLimit(Uploads.MaxBytes + 1024 * 1024)]
[UploadLimit]
public sealed class RegisterPage(BundlinjeDb db, Lazy<RegisterImports> imports) : SlicePage(db)
{
    [BindProperty] public IFormFile? Upload { get; set; }

    protected override Task ShowAsync(CancellationToken ct) => Task.CompletedTask;

    [Requires(nameof(Operations.RunFollowUps))]
    public Task<IActionResult> OnPostAsync(CancellationToken ct) => ActAsync(async () =>
    {
        if (Upload is null) throw Refused.At(nameof(Upload), "upload.chooseRegisterFile");
        await using var stream = Upload.OpenReadStream();
        return $"Registerdata: {await imports.Value.ImportAsync(Investment, stream, Upload.FileName, ct)} observationer indlæst.";
    }, ct);
}
