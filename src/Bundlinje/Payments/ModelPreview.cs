using Bundlinje.BusinessCases;

namespace Bundlinje.Payments;

/// <summary>A cohort as the business case plans it: <see cref="Planned"/> participants who start in <see cref="Year"/>
/// (of a case's part, when the investment has parts), and per metric key the outcome and success rate it is previewed at
/// (none: the metric has no outcome in the case).</summary>
public sealed record PlannedCohort(string Name, int Year, int Planned, IReadOnlyDictionary<string, Outcome> Outcomes);

/// <summary>What the model pays in one year of the preview: in total (after the caps) and per payer.</summary>
public sealed record PreviewYear(int Year, decimal Payable, IReadOnlyList<PayerPayment> ByPayer);

/// <summary>Which outcome a metric is previewed at, and how it was matched ("key" or "position"); null outcome: none, or
/// ("assumed") a metric that cannot be measured is paid at its own assumed rate.</summary>
public sealed record MetricLink(Metric Metric, Outcome? Outcome, string? MatchedBy);

/// <summary>The preview at the business case's rates: per year and payer, the total, and the notes of the settlements.</summary>
public sealed record ExpectedPreview(IReadOnlyList<MetricLink> Links, IReadOnlyList<PreviewYear> Years, decimal Total,
    IReadOnlyList<PayerPayment> ByPayer, IReadOnlyList<string> Notes);

/// <summary>What the model would give on a run's stored per-metric counts.</summary>
public sealed record RunPreview(DateOnly AsOf, decimal Entitled, IReadOnlyList<PayerPayment> ByPayer, decimal RunEntitled,
    IReadOnlyList<string> Missing, IReadOnlyList<string> Notes);

/// <summary>
/// Previews what a payment model pays before it is saved (docs/business-cases.md, "Payment-model editor"), through the
/// engine itself: <see cref="MetricEvaluator.Evaluate"/> and <see cref="Settler.Settle"/>, never a price rule of its own.
/// <see cref="Expected"/>: each planned cohort becomes that many synthetic participants enrolled on 1 July of its year;
/// round(planned × success rate) of them achieve each metric (the same persons for every metric), as synthetic
/// observations (<see cref="ExpectedObservations"/>); the model is run at the end of every year with everything before
/// settled, as the runner does with approved runs, so the caps, repeats and scopes apply as in a real run.
/// <see cref="OnRun"/>: a run's stored counts per metric line, priced with the model's prices
/// (<see cref="MetricEvaluator.Reprice"/>).
/// </summary>
public static class ModelPreview
{
    /// <summary>The outcome each metric is previewed at: the outcome whose key is the metric's key, else the outcome at the
    /// metric's position in the model.</summary>
    public static IReadOnlyList<MetricLink> Link(PaymentModel model, BusinessCase c)
    {
        var byKey = model.Metrics.Select(m => c.Outcomes.FirstOrDefault(o => o.Key == m.Key)).ToList();
        var taken = byKey.OfType<Outcome>().ToHashSet();
        return model.Metrics.Select((m, i) => !m.Measurable ? new MetricLink(m, null, "assumed")
            : byKey[i] is { } o ? new MetricLink(m, o, "key")
            : i < c.Outcomes.Count && !taken.Contains(c.Outcomes[i]) ? new MetricLink(m, c.Outcomes[i], "position")
            : new MetricLink(m, null, null)).ToList();
    }

    /// <summary>The planned cohorts of the cases (one per case and year), each with its case's outcomes per metric.</summary>
    public static List<PlannedCohort> Cohorts(PaymentModel model, IEnumerable<BusinessCase> cases) =>
        cases.SelectMany(c =>
        {
            var outcomes = Link(model, c).Where(l => l.Outcome is not null).ToDictionary(l => l.Metric.Key, l => l.Outcome!);
            return c.Participants.Where(p => p.Count > 0).Select(p =>
                new PlannedCohort(c.Part is { Length: > 0 } part ? $"{part} {p.Year}" : $"{p.Year}", p.Year, p.Count, outcomes));
        }).ToList();

    /// <summary>The most synthetic participants a preview runs (each year re-runs every metric over all of them).</summary>
    public const int MaxParticipants = 20_000;

    public static ExpectedPreview Expected(PaymentModel model, IReadOnlyList<BusinessCase> cases)
    {
        var cohorts = Cohorts(model, cases);
        var links = cases.Count == 0 ? model.Metrics.Select(m => new MetricLink(m, null, null)).ToList() : Link(model, cases[0]);
        var notes = new List<string>();
        if (cohorts.Sum(c => (long)c.Planned) is var planned and > MaxParticipants)
        {
            notes.Add(Common.Kroner.Text($"Business casen planlægger {planned:N0} deltagere; ")
                + Common.Kroner.Text($"forhåndsvisningen regner på højst {MaxParticipants:N0}."));
            return new(links, [], 0m, [], notes);
        }
        var people = cohorts.SelectMany(c => Enumerable.Range(1, c.Planned).Select(i =>
            new Person($"{c.Name}-{i:00000}", c.Name, ParticipantGroup.Treatment, new DateOnly(c.Year, 7, 1)))).ToList();
        var metrics = model.Metrics.Where(m => Previewable(m, cohorts, notes)).ToList();
        if (people.Count == 0 || metrics.Count == 0) return new(links, [], 0m, [], notes);
        var sources = metrics.ToDictionary(m => m.Key, m => (IObservationSource)new ExpectedObservations(m, Achievers(m, cohorts)));
        var last = cohorts.Max(c => c.Year)
            + metrics.Max(m => (m.ToMonth + (m.Repeats - 1) * (m.RepeatEveryMonths ?? m.ToMonth - m.FromMonth)) / 12 + 1);
        var years = new List<PreviewYear>();
        var settledLines = new List<(string Metric, string Cohort, decimal Amount)>();
        var settledRows = new List<(string Metric, string Cohort, string Person, int Window, decimal Amount)>();
        var paid = 0m;
        var previewed = model with { Metrics = metrics };
        for (var year = cohorts.Min(c => c.Year); year <= last; year++)
        {
            var asOf = new DateOnly(year, 12, 31);
            var results = metrics.SelectMany(m => MetricEvaluator.Evaluate(m, people, sources[m.Key], asOf)).ToList();
            var before = PaidBefore.Sum(settledLines, settledRows);
            var s = Settler.Settle(previewed, results, [], paid, 0m, before);
            for (var i = 0; i < results.Count; i++)
            {
                settledLines.Add((results[i].Metric.Key, results[i].Cohort, MetricEvaluator.Ore(s.AfterCaps[i])));
                foreach (var ((person, window), amount) in s.Settled[i] ?? new Dictionary<(string, int), decimal>())
                    settledRows.Add((results[i].Metric.Key, results[i].Cohort, person, window, amount));
            }
            var payable = MetricEvaluator.Ore(s.Payable);
            paid += payable;
            notes.AddRange(s.Notes.Where(n => !notes.Contains(n)));
            if (payable != 0 || years.Count > 0)
                years.Add(new(year, payable, s.ByPayer.Select(p => p with { Amount = MetricEvaluator.Ore(p.Amount) }).ToList()));
        }
        while (years.Count > 0 && years[^1].Payable == 0) years.RemoveAt(years.Count - 1);
        var byPayer = years.SelectMany(y => y.ByPayer).GroupBy(p => p.Payer, StringComparer.Ordinal)
            .Select(g => new PayerPayment(g.Key, g.Sum(p => p.Amount))).OrderBy(p => p.Payer, StringComparer.Ordinal).ToList();
        return new(links, years, years.Sum(y => y.Payable), byPayer, notes);
    }

    /// <summary>A metric is previewed when the business case gives it a success rate (or it is paid at its assumed rate);
    /// a share of a measured saving in kroner cannot be priced from a success rate.</summary>
    private static bool Previewable(Metric m, List<PlannedCohort> cohorts, List<string> notes)
    {
        if (m.Kind == MetricKind.TreatmentVsControl && MetricFields.Effective(m) == PriceBasis.ShareOfSaving
            || m.Kind == MetricKind.CohortMeanChange && MetricFields.Effective(m) == PriceBasis.ShareOfSaving)
        {
            notes.Add($"{m.Name}: en andel af en målt besparelse kan ikke forudsiges ud fra en succesrate og er ikke med.");
            return false;
        }
        if (!m.Measurable || cohorts.Any(c => c.Outcomes.ContainsKey(m.Key))) return true;
        notes.Add($"{m.Name}: intet udfald i business casen (hverken samme nøgle eller samme plads) og er ikke med.");
        return false;
    }

    /// <summary>Per cohort, the first round(planned × success rate) synthetic participants achieve the metric.</summary>
    private static HashSet<string> Achievers(Metric m, List<PlannedCohort> cohorts) =>
        cohorts.Where(c => c.Outcomes.ContainsKey(m.Key)).SelectMany(c => Enumerable.Range(1,
                (int)decimal.Round(c.Planned * Math.Clamp(c.Outcomes[m.Key].SuccessRate, 0m, 1m), MidpointRounding.AwayFromZero))
            .Select(i => $"{c.Name}-{i:00000}")).ToHashSet();

    /// <summary>The model priced on a run's stored per-metric lines (matched by metric key; a metric the run did not have
    /// is listed in <see cref="RunPreview.Missing"/>), capped per metric, per period and by the contract as the run was
    /// (the per-participant cap needs the participants and is not applied), split over the payers.</summary>
    public static RunPreview OnRun(PaymentModel model, FollowUps.RunResult run)
    {
        var results = new List<MetricResult>();
        var missing = new List<string>();
        foreach (var m in model.Metrics)
        {
            var lines = run.Metrics.Where(l => l.Key == m.Key).ToList();
            if (lines.Count == 0) { missing.Add(m.Name); continue; }
            results.AddRange(lines.Select(l => MetricEvaluator.Reprice(m, l.Cohort, l.Eligible, l.Achieved, l.Events, l.Effect, l.Price)));
        }
        var s = Settler.Settle(model with { CapPerParticipant = null }, results, [], 0m, 0m,
            new PaidBefore(new Dictionary<(string, string), decimal>()));
        var notes = s.Notes.ToList();
        if (model.CapPerParticipant is not null) notes.Add("Loftet pr. deltager kræver deltagernes data og er ikke anvendt.");
        return new(run.AsOf, MetricEvaluator.Ore(s.Payable),
            s.ByPayer.Select(p => p with { Amount = MetricEvaluator.Ore(p.Amount) }).ToList(),
            run.Metrics.Sum(l => l.EntitledToDate != 0 ? l.EntitledToDate : l.Amount), missing, notes);
    }
}

/// <summary>
/// The observations the preview's synthetic participants would have: each participant in <c>achievers</c> meets the
/// metric's condition in every window, the others do not. Per kind: a value at the threshold (or one past it) for the
/// window kinds; a fall of exactly the threshold from a baseline of 100 for the change kinds (none for the others); for a rate against a
/// baseline the non-achievers have the event; for treatment against control each treated person has one control
/// person with one unit of the measure, and an achiever has none.
/// </summary>
public sealed class ExpectedObservations(Metric metric, IReadOnlySet<string> achievers) : IObservationSource
{
    private bool Meets(Person p) => achievers.Contains(p.Pseudonym) != (metric.Kind == MetricKind.RateVsBaseline);

    public IReadOnlyDictionary<string, WindowValue> InWindow(string measure, Aggregate aggregate, int fromMonth, int toMonth,
        IReadOnlyCollection<Person> people) =>
        people.ToDictionary(p => p.Pseudonym, p => new WindowValue(Meets(p) ? metric.Threshold
            : metric.Comparison == Comparison.AtMost ? metric.Threshold + 1 : metric.Threshold - 1, 1));

    public GroupTotals TotalsByGroup(string measure, int fromMonth, int toMonth, IReadOnlyCollection<Person> people)
    {
        var treated = people.Count(p => p.Group == ParticipantGroup.Treatment);
        return new(people.Count(p => p.Group == ParticipantGroup.Treatment && !achievers.Contains(p.Pseudonym)), treated, treated, treated);
    }

    public IReadOnlyDictionary<string, (decimal? Baseline, decimal? After)> BaselineAndAfter(string measure, int fromMonth, int toMonth,
        IReadOnlyCollection<Person> people) =>
        people.ToDictionary(p => p.Pseudonym, p => ((decimal?)100m,
            (decimal?)(achievers.Contains(p.Pseudonym) ? 100m * (1 - metric.Threshold) : metric.Threshold > 0 ? 100m : 101m)));
}
