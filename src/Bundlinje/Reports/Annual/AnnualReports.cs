using Bundlinje.Common;
using Bundlinje.Fund;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Reports.Annual;

/// <summary>Builds the council's annual report of a year as of 31-12-year from the stored facts: the proposals table
/// (<see cref="Proposals.ProposalStatistics.At"/>), the investments with their terms, enrolment and approved runs
/// (<see cref="AnnualInvestments"/>), the economics table (<see cref="FundEconomics"/>) and the narratives; every fact
/// read is recorded in the <see cref="ReportInputs"/> whose digest the result carries.</summary>
public sealed class AnnualReports(IBundlinjeStore store, FundEconomics economics)
{
    public Task<BuiltReport> BuildAsync(Fund.Fund fund, int year, NarrativeSet narratives, string language,
        CancellationToken ct = default) => BuildAsync(fund, year, narratives, language, null, ct);

    /// <param name="published">A published economics table (<see cref="PublishedTable"/>) to reconcile chapter 6 against;
    /// null for none (nothing stores one: the Reconcile page takes it as an upload).</param>
    public async Task<BuiltReport> BuildAsync(Fund.Fund fund, int year, NarrativeSet narratives, string language,
        IReadOnlyList<PublishedCell>? published, CancellationToken ct = default)
    {
        if (language is not ("da" or "en")) throw new ArgumentOutOfRangeException(nameof(language), language, "da or en.");
        var asOf = new DateOnly(year, 12, 31);
        var inputs = new ReportInputs();
        inputs.Add("report", new { kind = nameof(ReportKind.AnnualReport), fund = fund.Key, year, language });
        narratives.AddTo(inputs);

        var proposals = await store.Proposals.AsNoTracking().Include(p => p.Events)
            .Where(p => p.FundId == fund.Id && p.ReceivedOn <= asOf).OrderBy(p => p.Id).ToListAsync(ct);
        foreach (var p in proposals)
            inputs.Add($"proposal/{p.Id}", new
            {
                p.Reference, p.ReceivedOn, call = p.CallId is not null,
                events = p.Events.Where(e => e.On <= asOf).OrderBy(e => e.On).ThenBy(e => e.Step).Select(e => new { e.Step, e.On }),
            });

        var investments = await new AnnualInvestments(store).LoadAsync(fund.Id, asOf, inputs, ct);

        var report = await economics.BuildAsync(fund, new EconomicsQuery(), null, ct);
        foreach (var e in report.Entries)
            inputs.Add($"ledger/{e.PostingId}", new
            {
                e.FiscalYear, e.Kind, e.Basis, e.Amount, e.Category, e.Investment, e.Text, e.EntryDate, e.Pot, e.Metric,
            });
        inputs.Add("economics", new { report.Options, report.HorizonEndYear });
        IReadOnlyList<CellDifference>? differences = null;
        if (published is not null && report.Table is { } table)
        {
            differences = Reconciliation.Compare(table, published);
            inputs.Add("published", published);
        }

        var facts = new AnnualFacts(fund.Key, fund.Name, year, language, Proposals.ProposalStatistics.At(proposals, asOf), investments,
            report, differences, narratives);
        return new BuiltReport(AnnualReportBuilder.Build(facts), inputs.Sha256());
    }
}
