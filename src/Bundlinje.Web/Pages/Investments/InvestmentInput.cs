using System.ComponentModel.DataAnnotations;
using Bundlinje.Investments;

namespace Bundlinje.Web.Pages.Investments;

/// <summary>The investment's own data (stamdata). Agreement terms change through a revision, not here.</summary>
public sealed class InvestmentInput : IValidatableObject
{
    [Required(ErrorMessage = "Navn skal udfyldes."), StringLength(200, ErrorMessage = "Navn må højst være 200 tegn.")]
    [Display(Name = "Navn")]
    public string? Name { get; set; }

    [Display(Name = "Status")]
    public InvestmentStatus Status { get; set; }

    [StringLength(500, ErrorMessage = "Statusnote må højst være 500 tegn.")]
    public string? StatusNote { get; set; }

    public DateOnly? AgreedOn { get; set; }

    [Range(0, 100000, ErrorMessage = "Planlagte deltagere pr. år skal være mellem 0 og 100.000.")]
    public int? PlannedPerYear { get; set; }

    [StringLength(4000, ErrorMessage = "Noter må højst være 4.000 tegn.")]
    public string? Notes { get; set; }

    public int Version { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (AgreedOn is { } d && (d.Year < 2000 || d.Year > 2100))
            yield return new ValidationResult("Aftaledato skal ligge mellem år 2000 og 2100.", [nameof(AgreedOn)]);
    }

    public static InvestmentInput From(Investment i) => new()
    {
        Name = i.Name, Status = i.Status, StatusNote = i.StatusNote, AgreedOn = i.AgreedOn,
        PlannedPerYear = i.PlannedPerYear, Notes = i.Notes, Version = i.Version,
    };

    /// <summary>Writes the form to the investment; the status through <see cref="Investment.MoveTo"/>, which refuses
    /// active while the approval chain (<paramref name="approvals"/>) is incomplete.</summary>
    public void ApplyTo(Investment i, IReadOnlyCollection<Bundlinje.Agreements.Approval> approvals)
    {
        i.MoveTo(Status, approvals, Blank(StatusNote));
        i.Name = Name!.Trim(); i.AgreedOn = AgreedOn;
        i.PlannedPerYear = PlannedPerYear; i.Notes = Blank(Notes);
    }

    internal static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
