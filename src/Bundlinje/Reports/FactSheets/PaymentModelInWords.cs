using Bundlinje.Common;
using Bundlinje.FollowUps;
using Bundlinje.Payments;

namespace Bundlinje.Reports.FactSheets;

/// <summary>A stored payment model told in words for a fact sheet's "Investeringsmodel": one sentence per metric (what is
/// paid, per what, when, by whom) and one for the model's caps and instalments, in Danish or English. Amounts and
/// percentages are written the Danish way in both languages.</summary>
public static class PaymentModelInWords
{
    /// <summary>A sentence per metric, in the model's order, then the caps sentence when the model has caps or instalments.</summary>
    public static IReadOnlyList<string> Describe(PaymentModel model, string language,
        IReadOnlyDictionary<string, Measure>? measures = null)
    {
        var sentences = model.Metrics.Select(m => Metric(m, language, measures?.GetValueOrDefault(m.Measure))).ToList();
        if (Caps(model, language) is { } caps) sentences.Add(caps);
        return sentences;
    }

    /// <summary>"Der udbetales 12.000 kr. pr. deltager, hvis …; betales af SFB (100 %)."</summary>
    public static string Metric(Metric m, string language, Measure? measure = null)
    {
        var en = language == "en";
        var name = measure is null ? m.Measure : en ? measure.NameEn : measure.NameDa;
        var quoted = en ? $"“{name}”" : $"»{name}«";
        var window = en ? $"in months {m.FromMonth}–{m.ToMonth} after enrolment" : $"i måned {m.FromMonth}–{m.ToMonth} efter start";
        var condition = MetricCondition.Text(m, quoted, window, Quantity(m, measure, m.Threshold, en), en);
        var repeat = m.Repeats <= 1 ? ""
            : en ? $", repeated {m.Repeats} times every {m.RepeatEveryMonths ?? m.ToMonth - m.FromMonth} months"
            : $", gentaget {m.Repeats} gange med {m.RepeatEveryMonths ?? m.ToMonth - m.FromMonth} måneders mellemrum";
        var extras = string.Concat(Extras(m, en).Select(e => "; " + e));
        var payers = And(m.Payers.Select(p => $"{p.Payer} ({Percent(p.Share)})").ToList(), en);
        var connector = MetricFields.IsAggregate(m.Kind) ? en ? "when" : "når" : en ? "if" : "hvis";
        var paid = Paid(m, en);
        return en ? $"{paid} {connector} {condition}{repeat}{extras}; paid by {payers}."
            : $"{paid}, {connector} {condition}{repeat}{extras}; betales af {payers}.";
    }

    /// <summary>The model's caps and instalments in one sentence; null when it has neither.</summary>
    public static string? Caps(PaymentModel model, string language)
    {
        var en = language == "en";
        var parts = new List<string>();
        if (model.CapPerParticipant is { } p) parts.Add((en ? "cap per participant " : "loft pr. deltager ") + Kroner.Format(p));
        if (model.CapPerPeriod is { } q) parts.Add((en ? "cap per period " : "loft pr. periode ") + Kroner.Format(q));
        if (model.CapContract is { } c) parts.Add((en ? "cap for the whole agreement " : "loft for hele aftalen ") + Kroner.Format(c));
        if (model.RepaymentYears > 1)
            parts.Add(en ? $"approved amounts are paid in {model.RepaymentYears} yearly instalments"
                : $"godkendte beløb betales i {model.RepaymentYears} årlige rater");
        if (parts.Count == 0) return null;
        var text = string.Join("; ", parts);
        return char.ToUpperInvariant(text[0]) + text[1..] + (text.EndsWith('.') ? "" : "."); // "… 50.000 kr." has its full stop
    }

    /// <summary>What is paid, per what: "Der udbetales 12.000 kr. pr. deltager" / "12.000 kr. is paid per participant".</summary>
    private static string Paid(Metric m, bool en)
    {
        var basis = MetricFields.Effective(m);
        if (basis == PriceBasis.ShareOfSaving)
            return en ? $"{Percent(m.Share)} of the saving is paid" : $"Der udbetales {Percent(m.Share)} af besparelsen";
        var price = m.Tiers is { Count: > 0 } tiers
            ? (en ? "the price by tier (" : "prisen efter trin (") + string.Join(", ", tiers.OrderBy(t => t.FromEffect).Select(t =>
                (en ? "from an effect of " : "fra en effekt på ") + $"{Percent(t.FromEffect)}: {Kroner.Format(t.Price)}")) + ")"
            : Kroner.Format(m.Price);
        var per = basis switch
        {
            PriceBasis.PerEvent => en ? "per event" : "pr. hændelse",
            PriceBasis.PerAvoidedEvent => en ? "per avoided event" : "pr. undgået hændelse",
            PriceBasis.PerTreatedPerson => en ? "per treated participant" : "pr. behandlet deltager",
            PriceBasis.Flat => en ? "in total" : "i alt",
            _ => en ? "per participant" : "pr. deltager",
        };
        return en ? $"{char.ToUpperInvariant(price[0])}{price[1..]} is paid {per}" : $"Der udbetales {price} {per}";
    }

    private static IEnumerable<string> Extras(Metric m, bool en)
    {
        if (m.CountEvents) yield return en ? "each event counts" : "hver hændelse tælles";
        if (m.MinimumEffect is { } min)
            yield return en ? $"nothing is paid below an effect of {Percent(min)}" : $"intet udbetales under en effekt på {Percent(min)}";
        if (m.Scope == Scope.PerCohort) yield return en ? "settled per cohort" : "opgøres pr. kohorte";
        if (m.Scope == Scope.PerCohortAndPooled)
            yield return en ? $"settled per cohort (from an effect of {Percent(m.CohortMinimumEffect ?? m.MinimumEffect ?? 0m)}) and pooled"
                : $"opgøres pr. kohorte (fra en effekt på {Percent(m.CohortMinimumEffect ?? m.MinimumEffect ?? 0m)}) og samlet";
        if (m.IsolatedSaving is { } saving)
            yield return en ? $"the price is at most the isolated saving of {Kroner.Format(saving)}"
                : $"prisen er højst den isolerede besparelse på {Kroner.Format(saving)}";
        if (m.CapPerMetric is { } cap)
            yield return en ? $"at most {Kroner.Format(cap)} in total for this metric"
                : $"højst {Kroner.Format(cap)} i alt for effektmålet";
        if (!m.Measurable)
            yield return en ? $"cannot be measured: paid on an assumed success rate of {Percent(m.AssumedRate)}"
                : $"kan ikke måles: betales ud fra en antaget succesrate på {Percent(m.AssumedRate)}";
    }

    /// <summary>0,085 → "8,5 %".</summary>
    public static string Percent(decimal fraction) => (fraction * 100m).ToString("#,##0.##", Kroner.Danish) + " %";

    /// <summary>A threshold in the measure's unit ("5 dage", "25 %"); yes/no measures as the bare number.</summary>
    private static string Quantity(Metric m, Measure? measure, decimal value, bool en)
    {
        var format = measure?.Format ?? m.Format ?? Measures.SeedFormats.GetValueOrDefault(m.Measure) ?? new(MeasureUnit.Events, 4);
        if (format.Unit == MeasureUnit.Percent) return Percent(value);
        var number = decimal.Round(value, Math.Clamp(format.Decimals, 0, FollowUps.Measure.MaxDecimals), MidpointRounding.AwayFromZero)
            .ToString("#,##0.######", Kroner.Danish);
        var unit = format.Unit switch
        {
            MeasureUnit.YesNo => "",
            MeasureUnit.Kroner => "kr.",
            MeasureUnit.Days => en ? "days" : "dage",
            MeasureUnit.Persons => en ? "persons" : "personer",
            MeasureUnit.MmolPerMol => "mmol/mol",
            _ => en ? "events" : "hændelser",
        };
        return unit.Length == 0 ? number : $"{number} {unit}";
    }

    private static string And(IReadOnlyList<string> items, bool en) => items.Count <= 1 ? string.Concat(items)
        : string.Join(", ", items.Take(items.Count - 1)) + (en ? " and " : " og ") + items[^1];
}
