using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Bundlinje.Common;
using Bundlinje.Portfolio;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Payments;

/// <summary>The exchange format "bundlinje-payment-model/1" (docs/payment-models.md): one investment's model as agreed.</summary>
public sealed record PaymentModelFile(string? Format, string? About, PaymentModel? Model)
{
    public const string CurrentFormat = "bundlinje-payment-model/1";

    /// <summary>What a refusal calls the file: "Betalingsmodellen er afvist (1 fejl): …".</summary>
    public const string Subject = "subject.paymentModel";

    private static Refused Rejected(params IReadOnlyList<Refusal> problems) => PortfolioJson.Rejected(problems, Subject);

    public static PaymentModel Read(string json)
    {
        PaymentModelFile? file;
        try { file = JsonSerializer.Deserialize<PaymentModelFile>(json, PortfolioJson.Options); }
        catch (JsonException e) { throw Rejected(PortfolioJson.SyntaxProblem(e)); }
        var problems = new List<Refusal>();
        if (file?.Format != CurrentFormat) problems.Add(Refusal.At("$.format", "file.formatMustBe", CurrentFormat));
        if (file?.Model is not { } model) throw Rejected([.. problems, Refusal.At("$.model", "file.missing")]);
        problems.AddRange(Problems(model));
        if (problems.Count > 0) throw Rejected(problems);
        return Normalised(model);
    }

    public static string Write(PaymentModel model, string? about = null) =>
        JsonSerializer.Serialize(new PaymentModelFile(CurrentFormat, about, model), PortfolioJson.Options);

    /// <summary>SHA-256 of the model's canonical JSON: what a follow-up run records as the model it used.</summary>
    public static string Hash(PaymentModel model) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(model, PortfolioJson.Options))));

    /// <summary>Checks a model file and stores it as a new version for its investment (which must be
    /// <paramref name="investmentKey"/> when given); returns the model.</summary>
    public static async Task<PaymentModel> StoreAsync(IBundlinjeStore store, string json, string? investmentKey = null,
        CancellationToken ct = default)
    {
        var model = Read(json);
        if (investmentKey is not null && model.Investment != investmentKey)
            throw Rejected(Refusal.At("$.model.investment", "paymentModel.investmentMustBe", investmentKey));
        var investment = await store.Investments.AsNoTracking().FirstOrDefaultAsync(i => i.Key == model.Investment, ct)
            ?? throw Rejected(Refusal.At("$.model.investment", "file.unknownInvestment", model.Investment));
        return await StoreAsync(store, model, investment, ct);
    }

    /// <summary>Checks a model file for a loaded investment (a page's route investment), which the file must name.</summary>
    public static async Task<PaymentModel> StoreAsync(IBundlinjeStore store, string json, Investments.Investment investment,
        CancellationToken ct = default)
    {
        var model = Read(json);
        if (model.Investment != investment.Key)
            throw Rejected(Refusal.At("$.model.investment", "paymentModel.investmentMustBe", investment.Key));
        return await StoreAsync(store, model, investment, ct);
    }

    private static async Task<PaymentModel> StoreAsync(IBundlinjeStore store, PaymentModel model, Investments.Investment investment,
        CancellationToken ct)
    {
        if (UnknownMeasures(model, await FollowUps.MeasureCatalogue.CodesAsync(store, investment.FundId, ct)) is { Count: > 0 } unknown)
            throw Rejected(unknown);
        store.PaymentModels.Add(
            new StoredPaymentModel
            {
                InvestmentId = investment.Id, AgreementVersion = model.AgreementVersion, Json = Write(model),
                Hash = Hash(model)
            });
        await store.SaveChangesAsync(ct);
        return model;
    }

    /// <summary>Each metric whose measure is not in the fund's catalogue, with its JSON path and the known codes.</summary>
    public static List<Refusal> UnknownMeasures(PaymentModel model, IReadOnlyCollection<string> known) =>
        model.Metrics.Select((m, i) => (m, i)).Where(x => !known.Contains(x.m.Measure))
            .Select(x => Refusal.At($"$.model.metrics[{x.i}].measure", "paymentModel.unknownMeasure", x.m.Measure,
                FollowUps.Measures.List(known))).ToList();

    public static IEnumerable<Refusal> Problems(PaymentModel model)
    {
        if (model.Metrics.Count == 0) yield return Refusal.At("$.model.metrics", "paymentModel.noMetrics");
        foreach (var (field, amount) in new[] { ("capPerParticipant", model.CapPerParticipant), ("capPerPeriod", model.CapPerPeriod),
            ("capContract", model.CapContract) })
            if (Kroner.RangeProblem(amount) is { } problem) yield return problem.AtPath($"$.model.{field}");
        foreach (var duplicate in model.Metrics.GroupBy(m => m.Key).Where(g => g.Count() > 1))
            yield return Refusal.At("$.model.metrics", "paymentModel.duplicateKey", duplicate.Key, duplicate.Count());
        for (var i = 0; i < model.Metrics.Count; i++)
        {
            var m = model.Metrics[i]; var p = $"$.model.metrics[{i}]";
            if (string.IsNullOrWhiteSpace(m.Key)) yield return Refusal.At($"{p}.key", "file.required");
            // known to the fund's catalogue: StoreAsync
            if (string.IsNullOrWhiteSpace(m.Measure)) yield return Refusal.At($"{p}.measure", "file.required");
            if (m.ToMonth <= m.FromMonth) yield return Refusal.At($"{p}.toMonth", "paymentModel.toMonthAfterFrom");
            if (m.Price < 0) yield return Refusal.At($"{p}.price", "paymentModel.priceNegative");
            var amounts = new List<(string, decimal?)> { ("price", m.Price), ("isolatedSaving", m.IsolatedSaving),
                ("capPerMetric", m.CapPerMetric) };
            amounts.AddRange((m.Tiers ?? []).Select((t, j) => ($"tiers[{j}].price", (decimal?)t.Price)));
            foreach (var (field, amount) in amounts)
                if (Kroner.RangeProblem(amount) is { } problem) yield return problem.AtPath($"{p}.{field}");
            if (m.AssumedRate is < 0 or > 1) yield return Refusal.At($"{p}.assumedRate", "portfolio.between", 0, 1);
            if (m.Kind == MetricKind.RateVsBaseline && m.BaselineRate is null)
                yield return Refusal.At($"{p}.baselineRate", "paymentModel.baselineRequired", m.Kind);
            if (m.Share is <= 0 or > 1) yield return Refusal.At($"{p}.share", "paymentModel.shareRange", m.Share);
            if (m.Scope == Scope.PerCohortAndPooled && !MetricFields.IsAggregate(m.Kind))
                yield return Refusal.At($"{p}.scope", "paymentModel.scopeOnlyAggregate");
            if (m.Scope == Scope.PerCohortAndPooled && m.CohortMinimumEffect is { } early && m.MinimumEffect is { } pooled
                && early < pooled)
                yield return Refusal.At($"{p}.cohortMinimumEffect", "paymentModel.cohortThreshold", early, pooled);
            foreach (var unused in MetricFields.Unused(m, p)) yield return unused;
            foreach (var problem in PayerProblems(m.Payers, $"{p}.payers")) yield return problem;
        }
    }

    /// <summary>Each payer has a share in (0, 1] and the shares sum to 1, or every payer has a weight &gt; 0 instead.</summary>
    private static IEnumerable<Refusal> PayerProblems(IReadOnlyList<PayerShare>? payers, string p)
    {
        if (payers is not { Count: > 0 }) { yield return Refusal.At(p, "paymentModel.noPayer"); yield break; }
        var wrong = false;
        for (var j = 0; j < payers.Count; j++)
        {
            var (share, weight) = (payers[j].Share, payers[j].Weight);
            var problem = (share, weight) switch
            {
                (not 0, not null) => Refusal.At($"{p}[{j}]", "paymentModel.shareOrWeight"),
                (0, null) => Refusal.At($"{p}[{j}].share", "paymentModel.shareMissing"),
                (_, <= 0) => Refusal.At($"{p}[{j}].weight", "paymentModel.weightPositive", weight.Value),
                ( < 0 or > 1, null) => Refusal.At($"{p}[{j}].share", "paymentModel.shareRange", share),
                _ => null,
            };
            if (problem is not null) { wrong = true; yield return problem; }
        }
        if (wrong) yield break;
        if (payers.Any(x => x.Weight is not null) && payers.Any(x => x.Weight is null))
            yield return Refusal.At(p, "paymentModel.shareOrWeightForAll");
        else if (payers.All(x => x.Weight is null) && payers.Sum(x => x.Share) != 1m)
            yield return Refusal.At(p, "paymentModel.sharesSum", payers.Sum(x => x.Share));
    }

    /// <summary>Weights become shares (weight / sum of weights); the last payer takes 1 minus the others, so they sum to exactly
    /// 1.</summary>
    private static PaymentModel Normalised(PaymentModel model) => model with
    {
        Metrics = model.Metrics.Select(m => m.Payers.All(x => x.Weight is null) ? m : m with { Payers = SharesOf(m.Payers) }).ToList(),
    };

    private static List<PayerShare> SharesOf(IReadOnlyList<PayerShare> payers)
    {
        var total = payers.Sum(x => x.Weight!.Value);
        var shares = payers.Select(x => new PayerShare(x.Payer, x.Weight!.Value / total)).ToList();
        shares[^1] = shares[^1] with { Share = 1m - shares.Take(shares.Count - 1).Sum(x => x.Share) };
        return shares;
    }
}

/// <summary>A payment model as stored for an investment's agreement version; a new version is a new row.</summary>
public sealed class StoredPaymentModel : Entity, IPartOfInvestment
{
    public int InvestmentId { get; set; }
    public int AgreementVersion { get; set; }
    public required string Json { get; set; }
    public required string Hash { get; set; }

    public PaymentModel Model => PaymentModelFile.Read(Json);
}
