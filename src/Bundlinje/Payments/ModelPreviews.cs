using Bundlinje.BusinessCases;
using Bundlinje.Common;
using Bundlinje.Investments;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Payments;

/// <summary>The editor's preview of an unsaved model: at the investment's current business case (the cases of the
/// model's agreement version, else of the newest version that has one; every part of it) and on the latest run's data.</summary>
public sealed record ModelPreviewResult(IReadOnlyList<ComputedCase> Cases, ExpectedPreview? Expected, RunPreview? Run)
{
    /// <summary>What the business cases themselves expect to be repaid (their outcome payments), for comparison.</summary>
    public decimal CaseRepayment => Cases.Sum(c => c.Result.Payments.Sum(p => p.Amount));
}

/// <summary>Loads what the editor's preview needs and runs <see cref="ModelPreview"/> on the model as the form has it.</summary>
public sealed class ModelPreviews(IBundlinjeStore store, BusinessCases.BusinessCases cases)
{
    public async Task<ModelPreviewResult> PreviewAsync(Investment investment, PaymentModel model, CancellationToken ct = default)
    {
        var current = await cases.CurrentAsync(investment, ct);
        var version = current.Any(c => c.AgreementVersion == model.AgreementVersion) ? model.AgreementVersion
            : current.FirstOrDefault()?.AgreementVersion;
        var computed = new List<ComputedCase>();
        foreach (var stored in current.Where(c => c.AgreementVersion == version))
            computed.Add(await cases.ComputeAsync(investment, stored, ct, withSensitivity: false));
        var expected = computed.Count == 0 ? null : ModelPreview.Expected(model, computed.Select(c => c.Case).ToList());
        var latest = await store.FollowUpRuns.AsNoTracking().Where(r => r.InvestmentId == investment.Id).OrderByDescending(r => r.Id)
            .Select(r => r.ResultJson).FirstOrDefaultAsync(ct);
        var run = latest is null ? null : ModelPreview.OnRun(model, FollowUps.RunResult.FromJson(latest));
        return new(computed, expected, run);
    }
}
