using System.Globalization;
using System.Text;
using Bundlinje.Payments;

namespace Bundlinje.Web.Pages.Investments.FollowUp;

/// <summary>The payment model slice: the editor (a form with a row per metric, the fields its kind uses, and a preview of
/// what the model as on the form would pay at the business case's rates and on the latest run's data), and the model's
/// JSON for analysts (import by pasting, export by download). The form is saved as the JSON it describes, through the
/// same <see cref="PaymentModelFile.StoreAsync(IBundlinjeStore, string, Bundlinje.Investments.Investment, CancellationToken)"/>
/// as the JSON; each refusal is shown at the form field its JSON path names (docs/business-cases.md, "Payment-model editor").</summary>
public sealed class PaymentModelPage(BundlinjeDb db, FollowUps.FollowUpSlices slices, ModelPreviews previews) : SlicePage(db)
{
    [BindProperty] public string? ModelJson { get; set; }
    /// <summary>The metric row whose "Fjern" button was pressed.</summary>
    [BindProperty] public int? Remove { get; set; }
    public StoredPaymentModel? Model { get; private set; }
    public PaymentModelForm Form { get; private set; } = new();
    public IReadOnlyList<string> Measures { get; private set; } = [];
    public ModelPreviewResult? Preview { get; private set; }
    /// <summary>Why there is no preview (the form has errors), or null.</summary>
    public bool PreviewBlocked { get; private set; }
    private bool posted;
    /// <summary>JSON was posted (and refused): the advanced section opens with it.</summary>
    public bool JsonPosted { get; private set; }

    protected override async Task ShowAsync(CancellationToken ct)
    {
        Model = await slices.ModelAsync(Investment, ct);
        ModelJson ??= Model?.Json;
        if (!posted) Form = Model is null ? NewForm() : PaymentModelForm.From(Model.Model);
        Measures = await FollowUps.MeasureCatalogue.CodesAsync(Db, Investment.FundId, ct);
        var model = Form.ToModel();
        PreviewBlocked = !ModelState.IsValid || PaymentModelFile.Problems(model).Any();
        if (!PreviewBlocked) Preview = await previews.PreviewAsync(Investment, model, ct);
    }

    private PaymentModelForm NewForm() => new()
    {
        Investment = Investment.Key, AgreementVersion = Math.Max(1, Investment.Versions.Select(v => v.Number).DefaultIfEmpty(1).Max()),
        Metrics = [NewMetric()],
    };

    private static MetricForm NewMetric() => new() { Payers = [new PayerForm { Share = 1 }] };

    /// <summary>The JSON pasted by an analyst.</summary>
    [Requires(nameof(Operations.Administer))]
    public Task<IActionResult> OnPostAsync(CancellationToken ct) => ActAsync(async () =>
    {
        JsonPosted = true;
        var model = await PaymentModelFile.StoreAsync(Db, ModelJson ?? "", Investment, ct);
        return $"Betalingsmodellen er gemt ({model.Metrics.Count} effektmål).";
    }, ct);

    /// <summary>The form saved: written as the model's JSON and stored as if it were posted as JSON.</summary>
    [Requires(nameof(Operations.Administer))]
    public async Task<IActionResult> OnPostSaveFormAsync(CancellationToken ct)
    {
        await BindFormAsync();
        if (!ModelState.IsValid) { await ShowAsync(ct); return Page(); }
        try
        {
            var model = await PaymentModelFile.StoreAsync(Db, PaymentModelFile.Write(Form.ToModel()), Investment, ct);
            Done = $"Betalingsmodellen er gemt ({model.Metrics.Count} effektmål).";
            (posted, ModelJson) = (false, null);
        }
        catch (Refused e) { ModelState.AddRefusal(e, path => Form.FieldOf(path)); }
        await ShowAsync(ct);
        return Page();
    }

    /// <summary>A new metric row, without saving (the form comes back with the row added).</summary>
    [Requires(nameof(Operations.Administer))]
    public async Task<IActionResult> OnPostAddMetricAsync(CancellationToken ct)
    {
        await BindFormAsync();
        Form.Metrics.Add(NewMetric());
        await ShowAsync(ct);
        return Page();
    }

    /// <summary>A metric row removed, without saving.</summary>
    [Requires(nameof(Operations.Administer))]
    public async Task<IActionResult> OnPostRemoveMetricAsync(CancellationToken ct)
    {
        await BindFormAsync();
        if (Remove is { } i && i >= 0 && i < Form.Metrics.Count)
        {
            Form.Metrics.RemoveAt(i);
            ModelState.Clear(); // the rows after it moved up: their binding messages would sit at the wrong row
        }
        await ShowAsync(ct);
        return Page();
    }

    /// <summary>The preview (and the fields of a changed kind) recomputed from the form, without saving.</summary>
    [Requires(nameof(Operations.Administer))]
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        await BindFormAsync();
        await ShowAsync(ct);
        if (!PreviewBlocked) return Page();
        // Show why: the file's rules, at the form's fields, as saving would.
        foreach (var problem in PaymentModelFile.Problems(Form.ToModel()))
            ModelState.AddRefusal(Form.FieldOf(problem.Field) ?? string.Empty, problem);
        return Page();
    }

    /// <summary>The stored model as a file (bundlinje-payment-model/1), for analysts.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken ct) =>
        await slices.ModelAsync(Investment, ct) is { } stored
            ? File(Encoding.UTF8.GetBytes(stored.Json), "application/json", $"{Investment.Key}-betalingsmodel.json")
            : NotFound();

    private async Task BindFormAsync()
    {
        var form = new PaymentModelForm();
        await TryUpdateModelAsync(form, nameof(Form));
        form.Investment = Investment.Key; // the route's investment; the form cannot name another
        // The spare rows posted back empty are dropped (one spare row is shown again), unless a row holds what could not be read.
        for (var i = 0; i < form.Metrics.Count; i++)
        {
            var m = form.Metrics[i];
            while (m.Tiers.Count > 0 && m.Tiers[^1].IsEmpty && Clean($"Form.Metrics[{i}].Tiers[{m.Tiers.Count - 1}]"))
                m.Tiers.RemoveAt(m.Tiers.Count - 1);
            while (m.Payers.Count > 0 && m.Payers[^1].IsEmpty && Clean($"Form.Metrics[{i}].Payers[{m.Payers.Count - 1}]"))
                m.Payers.RemoveAt(m.Payers.Count - 1);
        }
        (Form, posted) = (form, true);
    }

    private bool Clean(string row) => !ModelState.Any(e => e.Key.StartsWith(row, StringComparison.Ordinal) && e.Value!.Errors.Count > 0);

    // ----- rendering helpers -----

    /// <summary>The id of a field's input, as ASP.NET writes it (Form.Metrics[0].Price → Form_Metrics_0__Price).</summary>
    public static string Id(string key) => key.Replace('.', '_').Replace('[', '_').Replace(']', '_');

    /// <summary>What a field shows: what was typed if it could not be read, else the value in the page's culture.</summary>
    public string Value(string key, object? value)
    {
        if (ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 && entry.AttemptedValue is { } typed) return typed;
        return value switch
        {
            null => "",
            decimal d => d.ToString(CultureInfo.CurrentCulture),
            IFormattable f => f.ToString(null, CultureInfo.CurrentCulture),
            _ => value.ToString() ?? "",
        };
    }

    public IEnumerable<string> Errors(string key) =>
        ModelState.TryGetValue(key, out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];

    /// <summary>Each field's label and help text (Danish; English in SharedResource.en.resx).</summary>
    public static readonly IReadOnlyDictionary<string, (string Label, string Help)> Fields = new Dictionary<string, (string, string)>
    {
        ["key"] = ("Nøgle",
            "Unik i modellen, fx 'bolig'. Er nøglen den samme som et udfalds nøgle i business casen, " +
            "forhåndsvises effektmålet på det udfalds succesrate."),
        ["name"] = ("Navn", "Navnet, som kørsler og opgørelser viser."),
        ["kind"] = ("Type", "Hvordan det afgøres, om målet er nået. Skift type, og tryk Forhåndsvis for at se typens felter."),
        ["measure"] = ("Mål", "Målet i fondens målkatalog, som effektmålet læser register- eller leverandørdata for."),
        ["fromMonth"] = ("Fra måned", "Vinduet starter så mange måneder efter indskrivning (0 = ved indskrivning)."),
        ["toMonth"] = ("Til måned",
            "Vinduet slutter så mange måneder efter indskrivning (skal være efter fra-måneden). En deltager " +
            "tæller med, når vinduet er slut."),
        ["scope"] = ("Opgøres", "Samlet for alle kohorter, pr. kohorte eller (sammenlignende typer) begge dele, modregnet."),
        ["capPerMetric"] = ("Loft for effektmålet (kr.)", "Højst så meget betales i alt for dette effektmål. Tomt: intet loft."),
        ["price"] = ("Pris (kr.)",
            "Enhedsprisen: pr. deltager, hændelse, undgået hændelse eller behandlet, eller i alt – efter " +
            "grundlaget."),
        ["basis"] = ("Betales pr.", "Hvad prisen betales pr.; typen bestemmer, hvilke grundlag der kan vælges."),
        ["tiers"] = ("Takstkort",
            "Trin: fra en effekt (brøk, 0,10 = 10 %) gælder prisen; det højeste nåede trin gælder. Tomme rækker " +
            "ignoreres."),
        ["minimumEffect"] = ("Minimumseffekt", "Under denne effekt (brøk, 0,05 = 5 %) betales intet. Tomt: ingen."),
        ["isolatedSaving"] = ("Isoleret besparelse (kr.)",
            "Enhedsprisen må højst være den isolerede kommunale besparelse pr. enhed. Tomt: intet loft."),
        ["aggregate"] = ("Sammentælling", "Hvordan værdierne i vinduet lægges sammen pr. deltager."),
        ["comparison"] = ("Sammenligning", "Om værdien skal være mindst eller højst tærsklen."),
        ["threshold"] = ("Tærskel", "Værdien, der skal nås; for reduktioner en brøk (0,085 = 8,5 %)."),
        ["countEvents"] = ("Tæl hændelser", "Betal pr. hændelse (værdien) i stedet for ja/nej pr. deltager."),
        ["assumedRate"] = ("Antaget succesrate",
            "Business casens succesrate (brøk): bruges ved førtidig ophør og ved mål, der ikke kan måles."),
        ["measurable"] = ("Kan ikke måles", "Betales, som om den antagne succesrate blev nået."),
        ["baselineRate"] = ("Grundniveau", "Raten, der skal slås (brøk), fx frafaldet 2019–2021."),
        ["share"] = ("Andel af den målte besparelse",
            "Den aftalte andel af den målte besparelse, der betales tilbage (over 0 og højst 1)."),
        ["repeats"] = ("Gentagelser", "Antal vinduer over betalingsperioden (tomt eller 1: ét vindue)."),
        ["repeatEveryMonths"] = ("Gentages hver (måneder)", "Afstand mellem vinduerne. Tomt: vinduets længde."),
        ["cohortMinimumEffect"] = ("Kohortens minimumseffekt",
            "Effekten, en kohorte selv skal nå for at blive betalt tidligt (mindst minimumseffekten)."),
        ["payers"] = ("Betalere",
            "Hver betalers andel (over 0 og højst 1, i alt 1) – eller vægte i stedet (fx 15 og 12). Tomme rækker " +
            "ignoreres."),
    };

    public static string KindLabel(MetricKind kind) => kind switch
    {
        MetricKind.ConditionInWindow => "Betingelse i et vindue",
        MetricKind.Milestone => "Milepæl nået",
        MetricKind.ChangeFromBaseline => "Ændring fra udgangspunkt (pr. deltager)",
        MetricKind.CohortMeanChange => "Holdets gennemsnitlige ændring",
        MetricKind.TreatmentVsControl => "Behandlings- mod kontrolgruppe",
        _ => "Rate mod grundniveau",
    };

    public static string BasisLabel(PriceBasis basis) => basis switch
    {
        PriceBasis.PerParticipant => "deltager",
        PriceBasis.PerEvent => "hændelse",
        PriceBasis.PerAvoidedEvent => "undgået hændelse",
        PriceBasis.Flat => "i alt (fast beløb)",
        PriceBasis.PerTreatedPerson => "behandlet",
        _ => "andel af besparelsen",
    };

    public static string ScopeLabel(Scope scope) => scope switch
    {
        Scope.Pooled => "samlet",
        Scope.PerCohort => "pr. kohorte",
        _ => "pr. kohorte og samlet, modregnet",
    };

    public static string AggregateLabel(Aggregate a) => a switch
    {
        Aggregate.Sum => "sum",
        Aggregate.Max => "største",
        Aggregate.Min => "mindste",
        Aggregate.Mean => "gennemsnit",
        _ => "seneste",
    };

    public static string ComparisonLabel(Comparison c) => c == Comparison.AtLeast ? "mindst" : "højst";

    /// <summary>The bases the row's kind takes (an aggregate kind's neutral default is its first).</summary>
    public static IReadOnlyList<PriceBasis> BasesOf(MetricForm m) => MetricFields.Bases[m.Kind];

    public static PriceBasis BasisShown(MetricForm m) =>
        MetricFields.IsAggregate(m.Kind) && m.Basis == PriceBasis.PerParticipant ? MetricFields.Bases[m.Kind][0] : m.Basis;
}
