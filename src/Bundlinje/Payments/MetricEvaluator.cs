namespace Bundlinje.Payments;

/// <summary>What one metric gave for one cohort (or "Alle" when pooled), with the participants behind it.</summary>
public sealed record MetricResult(
    Metric Metric, string Cohort, int Eligible, int Achieved, decimal Events, decimal Effect, decimal Price, decimal Amount,
    IReadOnlyDictionary<string, decimal> PerParticipant, string Explanation)
{
    /// <summary>A repeated metric's amounts per participant and window (0 = the first window); null when the metric has one
    /// window.</summary>
    public IReadOnlyDictionary<(string Person, int Window), decimal>? Windows { get; init; }

    /// <summary>The amount per participant × window: what cumulative settlement pays once each (window 0 without repeats).</summary>
    public Dictionary<(string Person, int Window), decimal> PerWindow() =>
        Windows is null ? PerParticipant.ToDictionary(kv => (kv.Key, 0), kv => kv.Value) : new(Windows);
}

/// <summary>
/// Evaluates a metric over participants and observations as of a date. A participant is eligible once the metric's
/// window has ended (enrolment + <see cref="Metric.ToMonth"/> months ≤ as-of). Pure and deterministic.
/// </summary>
public static class MetricEvaluator
{
    public const string AllCohorts = "Alle";

    public static IEnumerable<MetricResult> Evaluate(Metric metric, IReadOnlyCollection<Person> people, IObservationSource observations,
        DateOnly asOf)
    {
        var groups = metric.Scope == Scope.Pooled
            ? [new(AllCohorts, people.ToList())]
            : people.GroupBy(p => p.Cohort).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.ToList()))
                .ToList<(string Cohort, List<Person> People)>();
        // Per cohort and pooled: each cohort on its own (earlier) threshold, then the pool on the metric's minimum effect;
        // the Settler reduces the pooled line by what the cohort lines received.
        if (metric.Scope == Scope.PerCohortAndPooled) groups.Add((AllCohorts, people.ToList()));
        foreach (var (cohort, members) in groups)
        {
            var m = metric.Scope == Scope.PerCohortAndPooled && cohort != AllCohorts
                ? metric with { MinimumEffect = metric.CohortMinimumEffect ?? metric.MinimumEffect } : metric;
            // The window [from, to) is fully observed once its last day is on or before the as-of date.
            var eligible = members.Where(p => p.EnrolledOn.AddMonths(metric.ToMonth) <= asOf.AddDays(1)).ToList();
            var result = m.Kind switch
            {
                MetricKind.ConditionInWindow or MetricKind.Milestone when m.Repeats > 1 => Repeated(m, cohort, members, observations, asOf),
                MetricKind.TreatmentVsControl => TreatmentVsControl(m, cohort, eligible, observations),
                MetricKind.RateVsBaseline => RateVsBaseline(m, cohort, eligible.Where(Treated).ToList(), observations),
                MetricKind.CohortMeanChange => CohortMean(m, cohort, eligible.Where(Treated).ToList(), observations),
                _ => PerParticipant(m, cohort, eligible.Where(Treated).ToList(), observations),
            };
            yield return result with
            {
                Metric = metric,
                Amount = Ore(result.Amount),
                Events = decimal.Round(result.Events, 4, MidpointRounding.AwayFromZero)
            };
        }
    }

    /// <summary>Amounts are kept to the øre.</summary>
    public static decimal Ore(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);

    private static bool Treated(Person p) => p.Group == ParticipantGroup.Treatment;

    private static IReadOnlyDictionary<string, WindowValue> Window(Metric m, Aggregate aggregate, List<Person> people,
        IObservationSource observations) =>
        observations.InWindow(m.Measure, aggregate, m.FromMonth, m.ToMonth, people);

    /// <summary>Any observation meets "at least" when the largest does, "at most" when the smallest does.</summary>
    private static Aggregate Extreme(Metric m) => m.Comparison == Comparison.AtMost ? Aggregate.Min : Aggregate.Max;

    /// <summary>The metric's aggregate for a person; a sum over no observations is 0, other aggregates are missing.</summary>
    private static decimal? Aggregated(Metric m, WindowValue? v) => v is null
        ? (m.Aggregate == Aggregate.Sum ? 0m : null)
        : m.Aggregate == Aggregate.Mean ? v.Value / v.Count : v.Value;

    private static bool Meets(Metric m, decimal value) => m.Comparison == Comparison.AtMost ? value <= m.Threshold : value >= m.Threshold;

    /// <summary>Does any observation in the window meet the condition (the largest for "at least", the smallest for "at most")?</summary>
    private static bool AnyMeets(Metric m, WindowValue? v) => v is not null && Meets(m, v.Value);

    /// <summary>Relative reduction from the last value on or before enrolment to the last value in the window.</summary>
    private static decimal? Reduction((decimal? Baseline, decimal? After) v) =>
        v is { Baseline: { } before, After: { } after } && before != 0 ? (before - after) / before : null;

    private static MetricResult PerParticipant(Metric m, string cohort, List<Person> eligible, IObservationSource observations)
    {
        var price = Math.Min(m.Price, m.IsolatedSaving ?? decimal.MaxValue);
        if (!m.Measurable)
        {
            var assumed = eligible.Count * m.AssumedRate;
            var amount = m.MinimumEffect is { } min && m.AssumedRate < min ? 0m : assumed * PriceAt(m, m.AssumedRate, price);
            return new(m, cohort, eligible.Count, 0, assumed, m.AssumedRate, PriceAt(m, m.AssumedRate, price), amount,
                new Dictionary<string, decimal>(),
                    Common.Kroner.Text($"Kan ikke måles: betales som om den antagne succesrate {m.AssumedRate:P1} blev nået ")
                    + Common.Kroner.Text($"({eligible.Count} × {m.AssumedRate:0.###} × {price:N0} kr.)."));
        }
        var achieved = new Dictionary<string, decimal>();
        var windows = m.Kind == MetricKind.ChangeFromBaseline ? null
            : Window(m, m.Kind == MetricKind.Milestone ? Extreme(m) : m.Aggregate == Aggregate.Mean ? Aggregate.Sum : m.Aggregate,
                eligible, observations);
        var changes = m.Kind == MetricKind.ChangeFromBaseline ? observations.BaselineAndAfter(m.Measure, m.FromMonth, m.ToMonth, eligible)
            : null;
        foreach (var p in eligible)
        {
            var values = windows?.GetValueOrDefault(p.Pseudonym);
            var (ok, events) = m.Kind switch
            {
                MetricKind.ChangeFromBaseline => Reduction(changes![p.Pseudonym]) is { } r ? (r >= m.Threshold, 1m) : (false, 0m),
                MetricKind.Milestone => (AnyMeets(m, values), 1m),
                _ => Aggregated(m, values) is { } v ? (Meets(m, v), m.CountEvents ? v : 1m) : (false, 0m),
            };
            if (ok) achieved[p.Pseudonym] = events;
        }
        var effect = eligible.Count == 0 ? 0m : (decimal)achieved.Count / eligible.Count;
        var unit = PriceAt(m, effect, price);
        var perParticipant = achieved.ToDictionary(a => a.Key, a => unit * (m.Basis == PriceBasis.PerEvent ? a.Value : 1m));
        var total = m.Basis == PriceBasis.Flat ? (unit > 0 && achieved.Count > 0 ? unit : 0m) : perParticipant.Values.Sum();
        if (m.Basis == PriceBasis.Flat) perParticipant.Clear();
        return new(m, cohort, eligible.Count, achieved.Count, achieved.Values.Sum(), effect, unit, total, perParticipant,
            Common.Kroner.Text($"{achieved.Count:N0} af {eligible.Count:N0} opfyldte målet ({effect:P1}); pris {unit:N0} kr. {Basis(
                m.Basis)}."));
    }

    /// <summary>The same condition in successive windows; each window counts for the participants whose window has ended.</summary>
    private static MetricResult Repeated(Metric m, string cohort, List<Person> members, IObservationSource observations, DateOnly asOf)
    {
        var step = m.RepeatEveryMonths ?? (m.ToMonth - m.FromMonth);
        var windows = Enumerable.Range(0, m.Repeats)
            .Select(k => (Window: k, Metric: m with { FromMonth = m.FromMonth + k * step, ToMonth = m.ToMonth + k * step, Repeats = 1 }))
            .Select(w => (w.Window,
                Result: PerParticipant(w.Metric, cohort,
                    members.Where(p => Treated(p) && p.EnrolledOn.AddMonths(w.Metric.ToMonth) <= asOf.AddDays(1)).ToList(), observations)))
            .Where(w => w.Result.Eligible > 0).ToList();
        var parts = windows.Select(w => w.Result).ToList();
        var perParticipant = parts.SelectMany(r => r.PerParticipant).GroupBy(kv => kv.Key)
            .ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
        var perWindow = windows.SelectMany(w => w.Result.PerParticipant.Select(kv => (Key: (kv.Key, w.Window), kv.Value)))
            .ToDictionary(x => x.Key, x => x.Value);
        var (eligible, achieved) = (parts.Sum(r => r.Eligible), parts.Sum(r => r.Achieved));
        return new(m, cohort, eligible, achieved, parts.Sum(r => r.Events), eligible == 0 ? 0m : (decimal)achieved / eligible,
            parts.LastOrDefault()?.Price ?? m.Price, parts.Sum(r => r.Amount), perParticipant,
            Common.Kroner.Text($"{parts.Count} af {m.Repeats} vinduer à {m.ToMonth - m.FromMonth} måneder er afsluttet: ")
                + Common.Kroner.Text($"{achieved:N0} af {eligible:N0} deltagervinduer opfyldte målet."))
        { Windows = perWindow };
    }

    /// <summary>The cohort's mean relative reduction from each person's own baseline. Avoided: the summed fall in the measure
    /// (baseline − after, in its unit) over the persons measured; the treated persons are those measured.</summary>
    private static MetricResult CohortMean(Metric m, string cohort, List<Person> eligible, IObservationSource observations)
    {
        var changes = observations.BaselineAndAfter(m.Measure, m.FromMonth, m.ToMonth, eligible);
        var measured = eligible.Select(p => changes[p.Pseudonym]).Where(v => Reduction(v) is not null).ToList();
        var reductions = measured.Select(v => Reduction(v)!.Value).ToList();
        var mean = reductions.Count == 0 ? 0m : reductions.Sum() / reductions.Count;
        var avoided = measured.Sum(v => v.Baseline!.Value - v.After!.Value);
        var (unit, amount, pricing) = Priced(m, mean, avoided, reductions.Count, avoided);
        return new(m, cohort, reductions.Count, reductions.Count(r => r >= m.Threshold), Events(m, avoided), mean, unit, amount,
            new Dictionary<string, decimal>(),
                Common.Kroner.Text($"Gennemsnitlig reduktion {mean:P2} for {reductions.Count} med målinger (samlet fald {Quantity(m,
                    avoided)}); {pricing}."));
    }

    /// <summary>The measure summed over the window per group (a cost in kroner, or events/days such as reconvictions or days
    /// in custody). Avoided: the control group's sum scaled to the treated group's size minus the treated group's sum;
    /// effect: the relative reduction (control mean − treated mean) / control mean.</summary>
    private static MetricResult TreatmentVsControl(Metric m, string cohort, List<Person> eligible, IObservationSource observations)
    {
        var totals = observations.TotalsByGroup(m.Measure, m.FromMonth, m.ToMonth, eligible);
        if (totals.Treated == 0 || totals.Controls == 0)
            return new(m, cohort, totals.Treated, 0, 0, 0, 0, 0, new Dictionary<string, decimal>(),
                Common.Kroner.Text($"Ingen sammenligning: behandlings- eller kontrolgruppen er tom."));
        var (treatedMean, controlMean) = (totals.TreatedSum / totals.Treated, totals.ControlSum / totals.Controls);
        var treated = totals.Treated;
        var saving = controlMean - treatedMean;
        var effect = controlMean == 0 ? 0m : saving / controlMean;
        var avoided = totals.ControlSum * treated / totals.Controls - totals.TreatedSum;
        var compared = $"Kontrolgruppen {Quantity(m, controlMean)} pr. person, behandlingsgruppen {Quantity(m, treatedMean)}";
        if (MetricFields.Effective(m) == PriceBasis.ShareOfSaving)
        {
            var reached = effect > 0 && (m.MinimumEffect is not { } min || effect >= min);
            return new(m, cohort, treated, 0, 0, effect, saving, reached ? saving * treated * m.Share : 0m,
                new Dictionary<string, decimal>(),
                Common.Kroner.Text($"{compared}; forskel {Quantity(m, saving)} × {treated} × andel {m.Share:P0}{(reached || saving <= 0
                    ? "" : $" (under minimumseffekten {m.MinimumEffect:P1}: intet betales)")}."));
        }
        var (unit, amount, pricing) = Priced(m, effect, avoided, treated, avoided);
        return new(m, cohort, treated, 0, Events(m, avoided), effect, unit, amount, new Dictionary<string, decimal>(),
            Common.Kroner.Text($"{compared}; {Quantity(m, avoided)} undgået for {treated} behandlede ({effect:P1} reduktion); {pricing}."));
    }

    /// <summary>The cohort's event rate against the baseline rate: avoided = baseline rate × eligible − events; the effect is
    /// the fall in percentage points (as a fraction), which tiers and the minimum effect are read on.</summary>
    private static MetricResult RateVsBaseline(Metric m, string cohort, List<Person> eligible, IObservationSource observations)
    {
        var baseline = m.BaselineRate ?? throw new InvalidOperationException($"Metric '{m.Key}' needs a baseline rate.");
        var windows = Window(m, Extreme(m), eligible, observations);
        var events = eligible.Count(p => AnyMeets(m, windows.GetValueOrDefault(p.Pseudonym)));
        var rate = eligible.Count == 0 ? 0m : (decimal)events / eligible.Count;
        var fall = baseline - rate;
        var avoided = baseline * eligible.Count - events;
        var (unit, amount, pricing) = Priced(m, fall, avoided, eligible.Count, avoided);
        return new(m, cohort, eligible.Count, events, avoided, fall, unit, amount, new Dictionary<string, decimal>(),
            Common.Kroner.Text($"{events:N0} af {eligible.Count:N0} ({rate:P1}) mod grundniveau {baseline:P1}: ")
                + Common.Kroner.Text($"{fall * 100:0.0} procentpoint lavere, {avoided:0.#} færre hændelser; {pricing}."));
    }

    /// <summary>An aggregate kind's payment from its effect, the quantity avoided, the treated persons and (share of saving)
    /// the saving in kroner. Nothing is paid unless the effect is an improvement (&gt; 0) and reaches the minimum effect.
    /// The unit price is the tier the effect reaches (or <see cref="Metric.Price"/>), capped at the isolated saving.</summary>
    private static (decimal Unit, decimal Amount, string Pricing) Priced(Metric m, decimal effect, decimal avoided, int treated,
        decimal saving)
    {
        var basis = MetricFields.Effective(m);
        var reached = effect > 0 && (m.MinimumEffect is not { } min || effect >= min);
        if (!reached) return (0m, 0m, m.MinimumEffect is { } floor && effect > 0
            ? Common.Kroner.Text($"under minimumseffekten {floor:P1}: intet betales") : "ingen forbedring: intet betales");
        if (basis == PriceBasis.ShareOfSaving)
            return (treated == 0 ? 0m : saving / treated, Math.Max(0m, saving) * m.Share,
                Common.Kroner.Text($"andel {m.Share:P0} af besparelsen {Quantity(m, saving)}"));
        var unit = PriceAt(m, effect, Math.Min(m.Price, m.IsolatedSaving ?? decimal.MaxValue));
        return basis switch
        {
            PriceBasis.PerAvoidedEvent =>
                (unit, unit * Math.Max(0m, avoided),
                    Common.Kroner.Text($"{decimal.Round(Math.Max(0m, avoided), 4,
                        MidpointRounding.AwayFromZero):#,0.####} undgåede × {unit:N0} kr.")),
            PriceBasis.PerTreatedPerson => (unit, unit * treated, Common.Kroner.Text($"{treated} behandlede × {unit:N0} kr.")),
            _ => (unit, unit, Common.Kroner.Text($"{unit:N0} kr. i alt")),
        };
    }

    /// <summary>A stored line's counts (a run's eligible, achieved, events and effect) priced with a metric's prices, by the
    /// same rules as <see cref="Evaluate"/>: the unit price at the effect (tiers, minimum effect, isolated saving), times the
    /// achievers, the events or the treated persons, or once (flat); a share of a saving of the saving the line measured
    /// (<paramref name="unit"/>, the line's saving per treated person, × eligible). A repeated metric's line is priced at its
    /// effect over all its windows. The per-participant amounts are not known, so the line is settled as a whole.</summary>
    public static MetricResult Reprice(Metric m, string cohort, int eligible, int achieved, decimal events, decimal effect, decimal unit)
    {
        if (MetricFields.IsAggregate(m.Kind))
        {
            var (price, amount, pricing) = Priced(m, effect, events, eligible, unit * eligible);
            return new(m, cohort, eligible, achieved, events, effect, price, Ore(amount), new Dictionary<string, decimal>(), pricing);
        }
        var basePrice = Math.Min(m.Price, m.IsolatedSaving ?? decimal.MaxValue);
        if (!m.Measurable)
        {
            var at = PriceAt(m, m.AssumedRate, basePrice);
            var assumed = m.MinimumEffect is { } min && m.AssumedRate < min ? 0m : eligible * m.AssumedRate * at;
            return new(m, cohort, eligible, 0, eligible * m.AssumedRate, m.AssumedRate, at, Ore(assumed), new Dictionary<string, decimal>(),
                Common.Kroner.Text($"{eligible} × {m.AssumedRate:0.###} × {at:N0} kr."));
        }
        var each = PriceAt(m, effect, basePrice);
        var total = m.Basis switch
        {
            PriceBasis.Flat => each > 0 && achieved > 0 ? each : 0m,
            PriceBasis.PerEvent => each * events,
            _ => each * achieved,
        };
        return new(m, cohort, eligible, achieved, events, effect, each, Ore(total), new Dictionary<string, decimal>(),
            Common.Kroner.Text($"{achieved:N0} af {eligible:N0}; pris {each:N0} kr. {Basis(m.Basis)}."));
    }

    /// <summary>What a line counts as events: the quantity avoided, except for a share of a saving (kroner, not events).</summary>
    private static decimal Events(Metric m, decimal avoided) => MetricFields.Effective(m) == PriceBasis.ShareOfSaving ? 0m : avoided;

    /// <summary>The price at an effect: the highest tier reached (or the base price without tiers); 0 below the minimum effect.</summary>
    public static decimal PriceAt(Metric m, decimal effect, decimal basePrice)
    {
        if (m.MinimumEffect is { } min && effect < min) return 0m;
        if (m.Tiers is not { Count: > 0 } tiers) return basePrice;
        var tier = tiers.Where(t => effect >= t.FromEffect).MaxBy(t => t.FromEffect);
        return tier is null ? 0m : Math.Min(tier.Price, m.IsolatedSaving ?? decimal.MaxValue);
    }


    /// <summary>A value of the metric's measure in its unit and precision from the fund's catalogue (<see cref="Metric.Format"/>):
    /// kroner as whole kroner, days and events with their decimals ("0,14 hændelser", never "0 kr.").</summary>
    public static string Quantity(Metric m, decimal value) =>
        (m.Format ?? FollowUps.Measures.SeedFormats.GetValueOrDefault(m.Measure ?? "") ?? new(FollowUps.MeasureUnit.Events, 4)).Text(value);

    private static string Basis(PriceBasis basis) => basis switch
    {
        PriceBasis.PerParticipant => "pr. deltager",
        PriceBasis.PerEvent => "pr. hændelse",
        PriceBasis.PerAvoidedEvent => "pr. undgået hændelse",
        PriceBasis.PerTreatedPerson => "pr. behandlet",
        _ => "i alt",
    };
}
