using Bundlinje.Common;
using Bundlinje.FollowUps;
using Bundlinje.Investments;
using Bundlinje.Reports;
using Bundlinje.Reports.Annual;
using Bundlinje.Reports.FactSheets;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Publication;

/// <summary>The one read service of the public pages and open data: a fund and its investments as the public may see them.
/// What is public is decided by <see cref="Publications.PublishedAsync"/> alone (approved field groups); a field group that
/// is not approved public is absent from the model (null), not hidden by the page. Every count of people goes through
/// <see cref="Suppression"/>. There is no participant-level data in it.</summary>
public sealed class PublicFunds(IBundlinjeStore store, Publications publications, TimeProvider clock)
{
    /// <summary>The fund with its published investments (status and headline results); null for an unknown fund.</summary>
    public async Task<PublicFund?> FundAsync(string fundKey, CancellationToken ct = default)
    {
        if (await FundOfAsync(fundKey, ct) is not { } fund) return null;
        var published = await publications.PublishedAsync(fund.Id, ct);
        var facts = await LoadAsync(fund.Id, published, detail: false, ct);
        var investments = published.Select(p => Summary(p, facts[p.InvestmentId])).ToList();
        return new PublicFund(fund.Id, fund.Key, fund.Name, fund.Council, fund.Currency, investments.Sum(i => i.Capital ?? 0m), investments,
            clock.GetUtcNow());
    }

    /// <summary>One investment's published field groups, texts in <paramref name="language"/> ("da" or "en"); null when the
    /// fund is unknown or the investment is not published by that fund.</summary>
    public async Task<PublicInvestment?> InvestmentAsync(string fundKey, string investmentKey, string language = "da",
        CancellationToken ct = default)
    {
        if (await FundOfAsync(fundKey, ct) is not { } fund) return null;
        var published = (await publications.PublishedAsync(fund.Id, ct)).Where(p => p.Key == investmentKey).ToList();
        if (published.Count == 0) return null;
        var facts = await LoadAsync(fund.Id, published, detail: true, ct);
        return Detail(fund, published[0], facts[published[0].InvestmentId], language);
    }

    /// <summary>The open data: the fund's page and every published investment's page, read at once; null for an unknown fund.</summary>
    public async Task<PublicData?> DataAsync(string fundKey, string language = "da", CancellationToken ct = default)
    {
        if (await FundOfAsync(fundKey, ct) is not { } fund) return null;
        var published = await publications.PublishedAsync(fund.Id, ct);
        var facts = await LoadAsync(fund.Id, published, detail: true, ct);
        var investments = published.Select(p => Summary(p, facts[p.InvestmentId])).ToList();
        return new PublicData(new PublicFund(fund.Id, fund.Key, fund.Name, fund.Council, fund.Currency,
            investments.Sum(i => i.Capital ?? 0m), investments, clock.GetUtcNow()),
            [.. published.Select(p => Detail(fund, p, facts[p.InvestmentId], language))]);
    }

    private PublicInvestment Detail(Fund.Fund fund, PublishedInvestment p, Facts f, string language)
    {
        var i = f.Investment;
        var sheet = new FactSheetFacts(i, f.Parties, null, f.Model, f.Measures, null, f.Obligations, NarrativeSet.Empty("public"),
            clock.Today());
        return new PublicInvestment(fund.Key, fund.Name, fund.Currency, i.Key, i.Name, i.Status, i.PeriodStart, i.PeriodEnd, p.Fields,
            p.Shows(PublicationField.TargetGroup)
                ? new PublicTargetGroup(i.TargetGroup, i.Planned()?.Min, i.Planned()?.Max, i.PlannedPerYear) : null,
            p.Shows(PublicationField.Parties) ? [.. f.Parties.Select(x => new PublicParty(x.Organisation!.Name, x.Role))] : null,
            p.Shows(PublicationField.Capital) ? Capital(f.Parties) : null,
            p.Shows(PublicationField.PaymentModel) ? PaymentModel(f, language) : null,
            p.Shows(PublicationField.Enrolment) ? Enrolment(sheet) : null,
            p.Shows(PublicationField.Results) ? [.. f.Runs.Select(r => Run(r, p.Shows(PublicationField.Payments)))] : null,
            p.Shows(PublicationField.Payments) ? Payments(f) : null,
            clock.GetUtcNow());
    }

    /// <summary>A run's metric lines as published: per metric a table of its cohort lines (achieved, not achieved) with the
    /// line's total (eligible), suppressed by <see cref="Suppression.Suppress"/> so that no total gives a hidden cell away.</summary>
    public static IReadOnlyList<PublicResult> Suppressed(IReadOnlyList<RunMetric> metrics)
    {
        var results = new List<PublicResult>();
        foreach (var metric in metrics.GroupBy(m => m.Key, StringComparer.Ordinal))
        {
            var lines = metric.ToList();
            var counts = new int[lines.Count, 2];
            for (var r = 0; r < lines.Count; r++)
                (counts[r, 0], counts[r, 1]) = (lines[r].Achieved, Math.Max(0, lines[r].Eligible - lines[r].Achieved));
            var table = Suppression.Suppress(counts, rowTotals: true, columnTotals: false);
            results.AddRange(lines.Select((l, r) => new PublicResult(l.Name, l.Cohort, table.Cell(r, 0), table.Cell(r, 1),
                table.RowTotalHidden[r] ? Suppression.Complementary : Suppression.Show(l.Eligible),
                table.Hidden[r, 0] ? null : l.Achieved)));
        }
        return results;
    }

    private static PublicInvestmentSummary Summary(PublishedInvestment p, Facts f)
    {
        var i = f.Investment;
        var latest = i.LatestEnrolment() is { } e ? new PublicCount(e.AsOf, Suppression.Show(e.Enrolled), Shown(e.Enrolled)) : null;
        return new PublicInvestmentSummary(i.Key, i.Name, i.Status,
            p.Shows(PublicationField.Capital) ? i.CommittedCapital : null,
            p.Shows(PublicationField.Enrolment) ? latest : null,
            p.Shows(PublicationField.Results) && f.Runs.Count > 0 ? Run(f.Runs[^1], p.Shows(PublicationField.Payments)) : null,
            p.Shows(PublicationField.Payments) ? f.Obligations.Sum(o => o.Amount) : null);
    }

    private static PublicRun Run(ApprovedRun r, bool payments) => new(r.Run.AsOf, FactSheetStatus.ApprovedOn(r.Approval),
        payments ? r.Run.Payable : null, Suppressed(r.Result.Metrics));

    private static int? Shown(int count) => count < Suppression.Threshold ? null : count;

    private static List<CapitalShare> Capital(IEnumerable<Party> parties) =>
        [.. parties.Where(p => p.Role is PartyRole.Investor or PartyRole.CoFunder && p.Capital is not null)
            .Select(p => new CapitalShare(p.Organisation!.Name, p.Capital!.Value))];

    private static List<string> PaymentModel(Facts f, string language) => f.Model is { } stored
        ? [.. PaymentModelInWords.Describe(stored.Model, language, f.Measures)]
        : f.Investment.PaymentModel is { Length: > 0 } text ? [text] : [];

    /// <summary>The enrolled counts per reporting date (as the fact sheet sums them), each suppressed, with the plan then.</summary>
    private static List<PublicCount> Enrolment(FactSheetFacts sheet)
    {
        var plan = FactSheetStatus.Plan(sheet).ToDictionary(p => p.Date, p => p.Count);
        return [.. FactSheetStatus.Enrolled(sheet).Select(e =>
            new PublicCount(e.Date, Suppression.Show(e.Count), Shown(e.Count), plan.TryGetValue(e.Date, out var n) ? n : null))];
    }

    private static List<PublicPayment> Payments(Facts f)
    {
        var asOf = f.Runs.ToDictionary(r => r.Run.Id, r => r.Run.AsOf);
        return [.. f.Obligations.OrderBy(o => asOf[o.RunId]).ThenBy(o => o.Payer, StringComparer.Ordinal)
            .Select(o => new PublicPayment(asOf[o.RunId], o.Payer, o.Amount, o.PaidOn))];
    }

    private Task<Fund.Fund?> FundOfAsync(string fundKey, CancellationToken ct) =>
        store.Funds.AsNoTracking().FirstOrDefaultAsync(f => f.Key == fundKey, ct);

    private sealed record Facts(Investment Investment, IReadOnlyList<Party> Parties, IReadOnlyList<ApprovedRun> Runs,
        IReadOnlyList<PaymentObligation> Obligations, Payments.StoredPaymentModel? Model, IReadOnlyDictionary<string, Measure> Measures);

    /// <summary>Reads the published investments of the fund with their parties, enrolment, approved runs (oldest first) and
    /// the obligations of those runs; with <paramref name="detail"/> also the latest stored payment model and the measures.</summary>
    private async Task<Dictionary<int, Facts>> LoadAsync(int fundId, IReadOnlyList<PublishedInvestment> published, bool detail,
        CancellationToken ct)
    {
        if (published.Count == 0) return [];
        var ids = published.Select(p => p.InvestmentId).ToHashSet();
        var single = ids.Count == 1 ? ids.First() : (int?)null;
        // One query per collection (not one joined query: parties × enrolment × sub-projects would multiply the rows).
        var investments = (await store.Investments.AsNoTracking().Where(i => i.FundId == fundId && (single == null || i.Id == single))
            .ToListAsync(ct)).Where(i => ids.Contains(i.Id)).ToList();
        var parties = (await store.Parties.AsNoTracking().Include(p => p.Organisation)
            .Where(p => p.Investment!.FundId == fundId && (single == null || p.InvestmentId == single)).ToListAsync(ct))
            .ToLookup(p => p.InvestmentId);
        var enrolment = (await store.Investments.AsNoTracking().Where(i => i.FundId == fundId && (single == null || i.Id == single))
            .SelectMany(i => i.Enrolment).ToListAsync(ct)).ToLookup(e => e.InvestmentId);
        var subProjects = (await store.Investments.AsNoTracking().Where(i => i.FundId == fundId && (single == null || i.Id == single))
            .SelectMany(i => i.SubProjects).ToListAsync(ct)).ToLookup(e => e.InvestmentId);
        foreach (var i in investments)
            (i.Parties, i.Enrolment, i.SubProjects) = ([.. parties[i.Id]], [.. enrolment[i.Id]], [.. subProjects[i.Id]]);
        var runs = (await (from r in store.FollowUpRuns.AsNoTracking()
                           join a in store.FollowUpApprovals.AsNoTracking() on r.Id equals a.RunId
                           join i in store.Investments on r.InvestmentId equals i.Id
                           where i.FundId == fundId && (single == null || i.Id == single)
                           select new { Run = r, Approval = a }).ToListAsync(ct))
            .Where(x => ids.Contains(x.Run.InvestmentId)).OrderBy(x => x.Run.AsOf).ThenBy(x => x.Approval.Sequence)
            .Select(x => new ApprovedRun(x.Run, x.Approval, RunResult.FromJson(x.Run.ResultJson))).ToList();
        var runIds = runs.Select(r => r.Run.Id).ToHashSet();
        var obligations = (await (from o in store.PaymentObligations.AsNoTracking()
                                  join i in store.Investments on o.InvestmentId equals i.Id
                                  where i.FundId == fundId && (single == null || i.Id == single)
                                  select o).OrderBy(o => o.Id).ToListAsync(ct)).Where(o => runIds.Contains(o.RunId)).ToList();
        var models = new Dictionary<int, Payments.StoredPaymentModel>();
        IReadOnlyDictionary<string, Measure> measures = new Dictionary<string, Measure>();
        if (detail)
        {
            models = (await store.PaymentModels.AsNoTracking().Where(m => ids.Contains(m.InvestmentId)).ToListAsync(ct))
                .GroupBy(m => m.InvestmentId)
                .ToDictionary(g => g.Key, g => g.OrderByDescending(m => m.AgreementVersion).ThenByDescending(m => m.Id).First());
            measures = await store.Measures.AsNoTracking().Where(m => m.FundId == fundId)
                .ToDictionaryAsync(m => m.Code, StringComparer.Ordinal, ct);
        }
        return investments.ToDictionary(i => i.Id, i => new Facts(i, [.. i.Parties.OrderBy(p => p.Id)],
            [.. runs.Where(r => r.Run.InvestmentId == i.Id)], [.. obligations.Where(o => o.InvestmentId == i.Id)],
            models.GetValueOrDefault(i.Id), measures));
    }
}
