using Bundlinje.Common;
using Bundlinje.Investments;

namespace Bundlinje.Reports.FactSheets;

/// <summary>A fact sheet's "Status": enrolment against the plan as of the date (<see cref="EnrolmentPlan.At"/>), the latest
/// approved follow-up run's results as the run stored them, and the payments to date (the obligations of the runs approved on
/// or before the date, per payer).</summary>
public static class FactSheetStatus
{
    public static List<Fact> Facts(FactSheetFacts facts, bool en)
    {
        var key = facts.Investment.Key;
        var list = new List<Fact> { Enrolment(facts, en) };
        if (facts.LatestRun is { } approved)
        {
            var (run, result) = (approved.Run, approved.Result);
            var source = $"/Investments/{key}/FollowUp/Runs/{run.Id}";
            list.Add(new(en ? "Latest approved follow-up" : "Seneste godkendte opfølgning",
                (en ? $"run {run.Id} as of " : $"kørsel {run.Id} pr. ") + FactSheetDocument.Date(run.AsOf)
                + (en ? ", approved " : ", godkendt ") + FactSheetDocument.Date(ApprovedOn(approved.Approval))
                + (en ? ": payable " : ": til betaling ") + Kroner.Format(result.Payable), source));
            foreach (var metric in result.Metrics.GroupBy(m => m.Name))
                list.Add(new(metric.Key,
                    Kroner.Text($"{metric.Sum(m => m.Achieved):N0} {(en ? "of" : "af")} {metric.Sum(m => m.Eligible):N0}")
                    + "; " + Kroner.Format(metric.Sum(m => m.AfterCaps)), source));
        }
        else list.Add(new(en ? "Latest approved follow-up" : "Seneste godkendte opfølgning", en ? "none yet" : "ingen endnu",
            $"/Investments/{key}/FollowUp/Runs"));
        list.Add(new(en ? "Payments to date" : "Betalt til dato", Kroner.Format(facts.Obligations.Sum(o => o.Amount)),
            $"/Investments/{key}/FollowUp/Runs"));
        foreach (var payer in PaymentsByPayer(facts))
            list.Add(new((en ? "of which " : "heraf ") + payer.Payer, Kroner.Format(payer.Amount), $"/Investments/{key}/FollowUp/Runs"));
        return list;
    }

    /// <summary>The approved obligations up to the date per payer, in order of payer.</summary>
    public static IReadOnlyList<(string Payer, decimal Amount)> PaymentsByPayer(FactSheetFacts facts) =>
        facts.Obligations.GroupBy(o => o.Payer).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Sum(o => o.Amount)))
            .ToList();

    /// <summary>The day an approval was given (UTC): what "approved on or before the date" compares.</summary>
    public static DateOnly ApprovedOn(FollowUps.FollowUpApproval approval) => DateOnly.FromDateTime(approval.ApprovedAt.UtcDateTime);

    /// <summary>The enrolled counts summed per reporting date up to the as-of date.</summary>
    public static IReadOnlyList<(DateOnly Date, int Count)> Enrolled(FactSheetFacts facts) =>
        facts.Investment.Enrolment.Where(e => e.AsOf <= facts.AsOf).GroupBy(e => e.AsOf).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Sum(e => e.Enrolled))).ToList();

    /// <summary>The plan's cumulative line at the start, each reporting date and the as-of date: the reported expectation
    /// where the count gives one, else the agreement's straight line (<see cref="EnrolmentPlan.Planned"/>).</summary>
    public static IReadOnlyList<(DateOnly Date, int Count)> Plan(FactSheetFacts facts)
    {
        var i = facts.Investment;
        var dates = Enrolled(facts).Select(e => e.Date).ToList();
        if ((i.PeriodStart ?? i.AgreedOn) is { } start && start <= facts.AsOf) dates.Add(start);
        if (dates.Count > 0) dates.Add(facts.AsOf);
        return dates.Distinct().Order().Select(d => (d, Expected(i, d))).Where(p => p.Item2 is not null)
            .Select(p => (p.d, p.Item2!.Value)).ToList();
    }

    private static int? Expected(Investment i, DateOnly date)
    {
        var reported = i.Enrolment.Where(e => e.AsOf == date && e.Expected is not null).ToList();
        return reported.Count > 0 ? reported.Sum(e => e.Expected!.Value) : EnrolmentPlan.Planned(i, date);
    }

    public static ReportChart? Chart(FactSheetFacts facts, bool en)
    {
        var enrolled = Enrolled(facts);
        if (enrolled.Count == 0) return null;
        var caption = en ? "Enrolment against plan" : "Tilgang mod plan";
        return new(caption, EnrolmentChart.Svg(caption, enrolled, Plan(facts), en ? "en" : "da", facts.Investment.Planned()?.Max),
            EnrolmentChart.Width,
            EnrolmentChart.Height);
    }

    private static Fact Enrolment(FactSheetFacts facts, bool en)
    {
        var label = (en ? "Enrolment as of " : "Tilgang pr. ");
        var page = FactSheetDocument.Page(facts);
        if (EnrolmentPlan.At(facts.Investment, facts.AsOf) is { } s)
            return new(label + FactSheetDocument.Date(s.AsOf), Kroner.Text($"{s.Enrolled:N0} {(en ? "enrolled of" : "optaget af")} ")
                + Kroner.Text($"{s.Expected:N0} {(en ? "planned" : "planlagt")} ({(decimal)s.Enrolled / s.Expected:P0})"), page);
        var enrolled = Enrolled(facts);
        if (enrolled.Count > 0 && facts.Investment.Planned()?.Max is { } total)
            return new(label + FactSheetDocument.Date(enrolled[^1].Date), Kroner.Text($"{enrolled[^1].Count:N0} ")
                + Kroner.Text($"{(en ? "enrolled of" : "optaget af")} {total:N0} {(en ? "planned in all" : "planlagt i alt")}"),
                page);
        if (enrolled.Count > 0)
            return new(label + FactSheetDocument.Date(enrolled[^1].Date),
                Kroner.Text($"{enrolled[^1].Count:N0} {(en ? "enrolled (no plan recorded)" : "optaget (ingen plan registreret)")}"),
                page);
        return new(label + FactSheetDocument.Date(facts.AsOf), en ? "no enrolment reported" : "ingen tilgang indberettet", page);
    }
}
