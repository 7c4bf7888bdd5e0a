using Bundlinje.FollowUps;
using Bundlinje.Investments;
using Bundlinje.Payments;

namespace Bundlinje.Reports.FactSheets;

/// <summary>An approved follow-up run: the run, its approval and its parsed result.</summary>
public sealed record ApprovedRun(FollowUpRun Run, FollowUpApproval Approval, RunResult Result);

/// <summary>Everything one fact sheet is built from, as read from the store (<see cref="FactSheets.LoadAsync"/>); building the
/// document from it (<see cref="FactSheetDocument"/>) needs no database.</summary>
/// <param name="Investment">With its fund, enrolment counts and sub-projects.</param>
/// <param name="Parties">With their organisations, in the order they were added.</param>
/// <param name="Phase">The current development phase as of the date, if any was recorded.</param>
/// <param name="Model">The latest stored payment model (highest agreement version), if any.</param>
/// <param name="Measures">The fund's measure catalogue by code (names and units for the payment model in words).</param>
/// <param name="LatestRun">The latest run approved on or before the date.</param>
/// <param name="Obligations">The obligations of the runs approved on or before the date.</param>
public sealed record FactSheetFacts(
    Investment Investment, IReadOnlyList<Party> Parties, PhaseChange? Phase, StoredPaymentModel? Model,
    IReadOnlyDictionary<string, Measure> Measures, ApprovedRun? LatestRun, IReadOnlyList<PaymentObligation> Obligations,
    NarrativeSet Narratives, DateOnly AsOf)
{
    /// <summary>The paying departments: the organisations with the authority role, as stored, in the order they were added.</summary>
    public IReadOnlyList<string> Departments => PayingDepartments(Parties);

    public static IReadOnlyList<string> PayingDepartments(IEnumerable<Party> parties) =>
        parties.Where(p => p.Role == PartyRole.Authority).Select(p => p.Organisation!.Name).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Records every fact read under a stable key (see <see cref="ReportInputs"/>).</summary>
    public void AddTo(ReportInputs inputs)
    {
        var i = Investment;
        inputs.Add($"investment/{i.Key}", new
        {
            i.Name, Status = i.Status.ToString(), i.StatusNote, i.AgreedOn, i.PeriodStart, i.PeriodEnd, i.TargetGroup,
            i.PlannedParticipants, i.PlannedPerYear, i.PaymentModel, AsOf,
            SubProjects = i.SubProjects.OrderBy(s => s.Id).Select(s => new { s.Id, s.PlannedMin, s.PlannedMax }).ToList(),
        });
        inputs.Add($"fund/{i.FundId}", new { i.Fund?.Name });
        foreach (var p in Parties)
            inputs.Add($"investment/{i.Key}/party/{p.Id}", new
            {
                p.Organisation!.Key, p.Organisation.Name, Role = p.Role.ToString(), p.Capital, p.Guarantee, p.GuaranteeShare, p.Donation,
            });
        inputs.Add($"investment/{i.Key}/enrolment", i.Enrolment.Where(e => e.AsOf <= AsOf).OrderBy(e => e.AsOf).ThenBy(e => e.SubProject)
            .Select(e => new { e.AsOf, e.SubProject, e.Enrolled, e.Expected }).ToList());
        if (Phase is not null) inputs.Add($"investment/{i.Key}/phase", new { Phase.Id, Phase = Phase.Phase.ToString(), Phase.StartedOn });
        if (Model is not null)
        {
            inputs.Add($"investment/{i.Key}/model/{Model.Id}", new { Model.AgreementVersion, Model.Hash });
            foreach (var code in Model.Model.Metrics.Select(m => m.Measure).Distinct(StringComparer.Ordinal))
                if (Measures.TryGetValue(code, out var m))
                    inputs.Add($"measure/{i.FundId}/{code}", new { m.NameDa, m.NameEn, Unit = m.Unit.ToString(), m.Decimals });
        }
        if (LatestRun is { } r)
            inputs.Add($"run/{r.Run.Id}", new { r.Run.AsOf, r.Run.ResultHash, r.Approval.Sequence, r.Approval.ApprovedAt });
        foreach (var o in Obligations) inputs.Add($"obligation/{o.Id}", new { o.RunId, o.Payer, o.Amount });
        Narratives.AddTo(inputs);
    }
}
