using System.Text.RegularExpressions;

namespace Bundlinje.Payments;

/// <summary>
/// A payment model as the editor's form holds it (docs/business-cases.md, "Payment-model editor"): the same fields as
/// <see cref="PaymentModel"/>, nullable where a person may leave a field empty, with lists a form can post
/// (<c>Form.Metrics[2].Payers[0].Share</c>). <see cref="From"/> and <see cref="ToModel"/> are the one conversion; a model
/// read from a file and put through both comes back equal (tests). The form is saved as the JSON file
/// <see cref="PaymentModelFile.Write"/> makes of <see cref="ToModel"/>, so the file's rules decide, and each refusal's JSON
/// path is turned back into the form field it names by <see cref="FieldOf"/>.
/// </summary>
public sealed partial class PaymentModelForm
{
    public string Investment { get; set; } = "";
    public int AgreementVersion { get; set; } = 1;
    public decimal? CapPerParticipant { get; set; }
    public decimal? CapPerPeriod { get; set; }
    public decimal? CapContract { get; set; }
    public int RepaymentYears { get; set; } = 1;
    public List<MetricForm> Metrics { get; set; } = [];

    public static PaymentModelForm From(PaymentModel model) => new()
    {
        Investment = model.Investment, AgreementVersion = model.AgreementVersion, CapPerParticipant = model.CapPerParticipant,
        CapPerPeriod = model.CapPerPeriod, CapContract = model.CapContract, RepaymentYears = model.RepaymentYears,
        Metrics = model.Metrics.Select(MetricForm.From).ToList(),
    };

    /// <summary>The model the form describes. Empty tier and payer rows (the form's spare rows) are left out; a field the
    /// metric's kind does not use with its basis (<see cref="MetricFields.UsedWith"/>) is left at its neutral default, so
    /// a field still posted from before the kind was changed is dropped rather than refused.</summary>
    public PaymentModel ToModel() => new(Investment.Trim(), AgreementVersion, Metrics.Select(m => m.ToMetric()).ToList(),
        Normal(CapPerParticipant), Normal(CapPerPeriod), Normal(CapContract), RepaymentYears);

    /// <summary>The form field (a ModelState key under <paramref name="prefix"/>) a JSON path of the model names:
    /// <c>$.model.metrics[2].payers[1].share</c> → <c>Form.Metrics[2].Payers[1].Share</c>, counting the rows as the
    /// form shows them (spare rows left out of the model are skipped); null for a path outside the form.</summary>
    public string? FieldOf(string? path, string prefix = "Form")
    {
        if (path is null || !path.StartsWith("$.model", StringComparison.Ordinal)) return null;
        if (path == "$.model") return null;
        var key = prefix;
        MetricForm? metric = null;
        foreach (Match s in Segment().Matches(path["$.model.".Length..]))
        {
            var name = s.Groups["name"].Value;
            var index = s.Groups["index"].Success ? int.Parse(s.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture)
                : (int?)null;
            if (name == "investment") return null; // not a field of the form: the route's investment
            if (index is { } i)
            {
                i = name switch
                {
                    "tiers" when metric is not null => metric.TierRow(i),
                    "payers" when metric is not null => metric.PayerRow(i),
                    _ => i,
                };
                if (name == "metrics") metric = i < Metrics.Count ? Metrics[i] : null;
                key += $".{Pascal(name)}[{i}]";
            }
            else key += $".{Pascal(name)}";
        }
        return key;
    }

    [GeneratedRegex(@"(?<name>[A-Za-z]+)(\[(?<index>\d+)\])?")]
    private static partial Regex Segment();

    private static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    /// <summary>A decimal without trailing zeros (0,50 → 0,5), so a typed value writes the same JSON (and hash) as the file.</summary>
    internal static decimal Normal(decimal value) => value / 1.000000000000000000000000000m;

    internal static decimal? Normal(decimal? value) => value is { } v ? Normal(v) : null;
}

/// <summary>One metric row of the form.</summary>
public sealed class MetricForm
{
    public string? Key { get; set; }
    public string? Name { get; set; }
    public MetricKind Kind { get; set; }
    public string? Measure { get; set; }
    public decimal? Price { get; set; }
    public PriceBasis Basis { get; set; }
    public int FromMonth { get; set; }
    public int ToMonth { get; set; } = 12;
    public Aggregate Aggregate { get; set; }
    public Comparison Comparison { get; set; } = Comparison.AtLeast;
    public decimal? Threshold { get; set; }
    public decimal? AssumedRate { get; set; }
    /// <summary>The form's checkbox says "cannot be measured" (unchecked posts nothing, which is the default: measurable).</summary>
    public bool NotMeasurable { get; set; }
    public decimal? MinimumEffect { get; set; }
    public List<TierForm> Tiers { get; set; } = [];
    public decimal? BaselineRate { get; set; }
    public decimal? Share { get; set; }
    public decimal? IsolatedSaving { get; set; }
    public decimal? CapPerMetric { get; set; }
    public Scope Scope { get; set; } = Scope.Pooled;
    public bool CountEvents { get; set; }
    public int? Repeats { get; set; }
    public int? RepeatEveryMonths { get; set; }
    public decimal? CohortMinimumEffect { get; set; }
    public List<PayerForm> Payers { get; set; } = [];

    public static MetricForm From(Metric m) => new()
    {
        Key = m.Key, Name = m.Name, Kind = m.Kind, Measure = m.Measure, Price = m.Price == 0 ? null : m.Price, Basis = m.Basis,
        FromMonth = m.FromMonth, ToMonth = m.ToMonth, Aggregate = m.Aggregate, Comparison = m.Comparison,
        Threshold = m.Threshold == 0 ? null : m.Threshold, AssumedRate = m.AssumedRate == 0 ? null : m.AssumedRate,
        NotMeasurable = !m.Measurable, MinimumEffect = m.MinimumEffect,
        Tiers = (m.Tiers ?? []).Select(t => new TierForm { FromEffect = t.FromEffect, Price = t.Price }).ToList(),
        BaselineRate = m.BaselineRate, Share = m.Share == 1 ? null : m.Share, IsolatedSaving = m.IsolatedSaving,
        CapPerMetric = m.CapPerMetric, Scope = m.Scope, CountEvents = m.CountEvents, Repeats = m.Repeats == 1 ? null : m.Repeats,
        RepeatEveryMonths = m.RepeatEveryMonths, CohortMinimumEffect = m.CohortMinimumEffect,
        Payers = m.Payers.Select(p => new PayerForm { Payer = p.Payer, Share = p.Weight is null ? p.Share : null, Weight = p.Weight })
            .ToList(),
    };

    /// <summary>The metric as the form describes it; fields its kind does not use with its basis keep their neutral defaults.</summary>
    public Metric ToMetric()
    {
        var all = Raw();
        var used = MetricFields.Bases[Kind].Contains(Basis) || (MetricFields.IsAggregate(Kind) && Basis == PriceBasis.PerParticipant)
            ? MetricFields.UsedWith(all) : MetricFields.UsedBy[Kind];
        bool U(string field) => used.Contains(field);
        return all with
        {
            Price = U("price") ? all.Price : 0,
            Basis = U("basis") ? all.Basis : PriceBasis.PerParticipant,
            Tiers = U("tiers") ? all.Tiers : null,
            MinimumEffect = U("minimumEffect") ? all.MinimumEffect : null,
            IsolatedSaving = U("isolatedSaving") ? all.IsolatedSaving : null,
            Aggregate = U("aggregate") ? all.Aggregate : Aggregate.Sum,
            Comparison = U("comparison") ? all.Comparison : Comparison.AtLeast,
            Threshold = U("threshold") ? all.Threshold : 0,
            CountEvents = U("countEvents") && all.CountEvents,
            AssumedRate = U("assumedRate") ? all.AssumedRate : 0,
            Measurable = !U("measurable") || all.Measurable,
            BaselineRate = U("baselineRate") ? all.BaselineRate : null,
            Share = U("share") ? all.Share : 1,
            Repeats = U("repeats") ? all.Repeats : 1,
            RepeatEveryMonths = U("repeatEveryMonths") ? all.RepeatEveryMonths : null,
            CohortMinimumEffect = U("cohortMinimumEffect") ? all.CohortMinimumEffect : null,
        };
    }

    /// <summary>The fields the form shows for this row: those its kind uses with its basis and scope.</summary>
    public IReadOnlySet<string> Shown() => MetricFields.Bases[Kind].Contains(Basis)
        || (MetricFields.IsAggregate(Kind) && Basis == PriceBasis.PerParticipant)
            ? MetricFields.UsedWith(Raw()) : MetricFields.UsedBy[Kind];

    private Metric Raw() => new(
        (Key ?? "").Trim(), (Name ?? "").Trim(), Kind, (Measure ?? "").Trim(), PaymentModelForm.Normal(Price ?? 0), Basis,
        Payers.Where(p => !p.IsEmpty).Select(p => new PayerShare((p.Payer ?? "").Trim(), PaymentModelForm.Normal(p.Share ?? 0),
            PaymentModelForm.Normal(p.Weight))).ToList(),
        FromMonth, ToMonth, Aggregate, Comparison, PaymentModelForm.Normal(Threshold ?? 0), PaymentModelForm.Normal(AssumedRate ?? 0),
        !NotMeasurable, PaymentModelForm.Normal(MinimumEffect),
        Tiers.Where(t => !t.IsEmpty)
            .Select(t => new Tier(PaymentModelForm.Normal(t.FromEffect ?? 0), PaymentModelForm.Normal(t.Price ?? 0)))
            .ToList() is { Count: > 0 } tiers ? tiers : null,
        PaymentModelForm.Normal(BaselineRate), PaymentModelForm.Normal(Share ?? 1), PaymentModelForm.Normal(IsolatedSaving),
        PaymentModelForm.Normal(CapPerMetric), Scope, CountEvents, Repeats ?? 1, RepeatEveryMonths,
        PaymentModelForm.Normal(CohortMinimumEffect));

    /// <summary>The form row of the model's i-th tier (empty rows are not in the model).</summary>
    internal int TierRow(int i) => Row(Tiers.Select(t => t.IsEmpty).ToList(), i);

    internal int PayerRow(int i) => Row(Payers.Select(p => p.IsEmpty).ToList(), i);

    private static int Row(List<bool> empty, int i)
    {
        for (int row = 0, seen = 0; row < empty.Count; row++)
            if (!empty[row] && seen++ == i) return row;
        return i;
    }
}

public sealed class TierForm
{
    public decimal? FromEffect { get; set; }
    public decimal? Price { get; set; }
    public bool IsEmpty => FromEffect is null && Price is null;
}

public sealed class PayerForm
{
    public string? Payer { get; set; }
    public decimal? Share { get; set; }
    public decimal? Weight { get; set; }
    public bool IsEmpty => string.IsNullOrWhiteSpace(Payer) && Share is null && Weight is null;
}
