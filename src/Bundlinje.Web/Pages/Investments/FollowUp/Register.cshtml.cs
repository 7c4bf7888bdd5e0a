using Bundlinje.FollowUps;

namespace Bundlinje.Web.Pages.Investments.FollowUp;

/// <summary>The register data slice: an extract is pseudonymised as it is read into the register store (see
/// RegisterStore.Import); the upload stays in memory, as for participants.</summary>
[RequestFormLimits(MemoryBufferThreshold = (int)Uploads.MaxBytes, MultipartBodyLengthLimit = Uploads.MaxBytes)]
[RequestSizeLimit(Uploads.MaxBytes + 1024 * 1024)]
[UploadLimit]
public sealed class RegisterPage(BundlinjeDb db, Lazy<IRegisterStore> register) : SlicePage(db)
{
    [BindProperty] public IFormFile? Upload { get; set; }

    protected override Task ShowAsync(CancellationToken ct) => Task.CompletedTask;

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => ActAsync(Operations.RunFollowUps, null, async () =>
    {
        if (Upload is null) throw Refused.At(nameof(Upload), "upload.chooseRegisterFile");
        await using var stream = Upload.OpenReadStream();
        var known = await MeasureCatalogue.ValueTypesAsync(Db, Investment.FundId, ct); // the codes of the investment's fund's catalogue
        return $"Registerdata: {register.Value.Import(stream, Upload.FileName, User.Identity!.Name!, known)} observationer indlæst.";
    }, ct);
}
