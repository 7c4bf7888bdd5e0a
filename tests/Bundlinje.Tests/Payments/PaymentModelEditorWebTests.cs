using System.Net;
using System.Text.RegularExpressions;
using Bundlinje.BusinessCases;
using Bundlinje.Payments;
using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Tests.Payments;

/// <summary>The payment-model editor over HTTP: a refused form shows each message at its field and stores nothing; a
/// saved form stores the same model (hash) as the same model posted as JSON; the preview is the engine's on the
/// investment's business case.</summary>
public sealed partial class PaymentModelEditorWebTests : IAsyncLifetime
{
    private BundlinjeFactory factory = null!;
    public ValueTask InitializeAsync() { factory = BundlinjeFactory.Sqlite(); return ValueTask.CompletedTask; }
    public async ValueTask DisposeAsync() => await factory.DisposeAsync();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Page = "/Investments/ungifokus/FollowUp/Model";

    private static Dictionary<string, string> Form(string price) => new()
    {
        ["Form.AgreementVersion"] = "1", ["Form.CapPerParticipant"] = "", ["Form.CapPerPeriod"] = "", ["Form.CapContract"] = "250000",
        ["Form.RepaymentYears"] = "1",
        ["Form.Metrics[0].Key"] = "job", ["Form.Metrics[0].Name"] = "I beskæftigelse inden for 12 måneder",
        ["Form.Metrics[0].Kind"] = "ConditionInWindow", ["Form.Metrics[0].Measure"] = "employed", ["Form.Metrics[0].FromMonth"] = "0",
        ["Form.Metrics[0].ToMonth"] = "12", ["Form.Metrics[0].Scope"] = "Pooled", ["Form.Metrics[0].Price"] = price,
        ["Form.Metrics[0].Basis"] = "PerParticipant", ["Form.Metrics[0].Aggregate"] = "Max", ["Form.Metrics[0].Comparison"] = "AtLeast",
        ["Form.Metrics[0].Threshold"] = "1", ["Form.Metrics[0].Tiers[0].FromEffect"] = "0,2", ["Form.Metrics[0].Tiers[0].Price"] = "12500",
        ["Form.Metrics[0].Tiers[1].FromEffect"] = "", ["Form.Metrics[0].Tiers[1].Price"] = "",
        ["Form.Metrics[0].Payers[0].Payer"] = "Beskæftigelse", ["Form.Metrics[0].Payers[0].Share"] = "0,60",
        ["Form.Metrics[0].Payers[1].Payer"] = "SFB", ["Form.Metrics[0].Payers[1].Share"] = "0,4",
        ["Form.Metrics[0].Payers[2].Payer"] = "", ["Form.Metrics[0].Payers[2].Share"] = "",
    };

    private const string Json = """
        { "format": "bundlinje-payment-model/1", "model": { "investment": "ungifokus", "agreementVersion": 1, "capContract": 250000,
          "metrics": [ { "key": "job", "name": "I beskæftigelse inden for 12 måneder", "kind": "conditionInWindow", "measure": "employed",
            "price": 10000, "aggregate": "max", "threshold": 1, "toMonth": 12, "tiers": [ { "fromEffect": 0.2, "price": 12500 } ],
            "payers": [ { "payer": "Beskæftigelse", "share": 0.6 }, { "payer": "SFB", "share": 0.4 } ] } ] } }
        """;

    private async Task<string> PostAsync(HttpClient client, string handler, Dictionary<string, string> form)
    {
        form["__RequestVerificationToken"] = await Login.TokenAsync(client, Page);
        var response = await client.PostAsync($"{Page}{handler}", new FormUrlEncodedContent(form), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    [GeneratedRegex("""<span class="form-error-message" data-for="([^"]+)">([^<]*)</span>""")]
    private static partial Regex FieldError();

    [Fact]
    public async Task A_form_with_a_negative_price_shows_the_message_at_the_price_and_stores_nothing()
    {
        var client = await Login.AsAsync(factory, Login.Email(Roles.Secretariat));
        var before = factory.With(db => db.PaymentModels.Count());
        var html = await PostAsync(client, "?handler=SaveForm", Form("-5"));
        var errors = FieldError().Matches(html).Select(m => (Field: m.Groups[1].Value, Text: m.Groups[2].Value)).ToList();
        var price = Assert.Single(errors);
        Assert.Equal("Form.Metrics[0].Price", price.Field);
        Assert.Contains("$.model.metrics[0].price:", price.Text);
        Assert.Contains("""<div class="form-group form-error" data-field="price">""", html);
        Assert.Contains("Betalingsmodellen er afvist (1 fejl):", html);
        Assert.Equal(before, factory.With(db => db.PaymentModels.Count()));

        // A word in a number field: the binder's message at that field, nothing stored.
        var form = Form("10000");
        form["Form.Metrics[0].Payers[1].Share"] = "fyrre";
        html = await PostAsync(client, "?handler=SaveForm", form);
        var share = Assert.Single(FieldError().Matches(html));
        Assert.Equal("Form.Metrics[0].Payers[1].Share", share.Groups[1].Value);
        Assert.Contains("value=\"fyrre\"", html); // what was typed stays in the field
        Assert.Contains("id=\"preview-blocked\"", html);
        Assert.Equal(before, factory.With(db => db.PaymentModels.Count()));

        // Refused JSON: the advanced section opens with what was pasted.
        html = await PostAsync(client, "", new() { ["ModelJson"] = Json.Replace("10000", "-5") });
        Assert.Contains("<details id=\"advanced-json\" open=\"open\">", html);
        Assert.Contains("$.model.metrics[0].price:", html);
        Assert.Equal(before, factory.With(db => db.PaymentModels.Count()));
    }

    [Fact]
    public async Task A_saved_form_stores_the_same_model_as_the_same_model_posted_as_json()
    {
        var client = await Login.AsAsync(factory, Login.Email(Roles.Secretariat));
        var html = await PostAsync(client, "?handler=SaveForm", Form("10000"));
        Assert.Contains("Betalingsmodellen er gemt (1 effektmål).", html);
        var fromForm = factory.With(db => db.PaymentModels.OrderByDescending(m => m.Id).First());
        html = await PostAsync(client, "", new() { ["ModelJson"] = Json });
        Assert.Contains("Betalingsmodellen er gemt (1 effektmål).", html);
        var fromJson = factory.With(db => db.PaymentModels.OrderByDescending(m => m.Id).First());
        Assert.NotEqual(fromForm.Id, fromJson.Id);
        Assert.Equal(fromJson.Hash, fromForm.Hash);
        Assert.Equal(PaymentModelFile.Hash(PaymentModelFile.Read(Json)), fromForm.Hash);

        // The editor shows the stored model's rows back, and the JSON can be downloaded.
        html = WebUtility.HtmlDecode(await client.GetStringAsync(Page, Ct));
        Assert.Contains("name=\"Form.Metrics[0].Price\" value=\"10000\"", html);
        Assert.Contains("name=\"Form.Metrics[0].Payers[0].Share\" value=\"0,6\"", html);
        var download = await client.GetAsync($"{Page}?handler=Download", Ct);
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(fromForm.Json, await download.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Adding_a_metric_and_previewing_save_nothing_and_the_preview_is_the_engines_on_the_business_case()
    {
        var client = await Login.AsAsync(factory, Login.Email(Roles.Secretariat));
        // A stored model and a run of it: 3 of 10 achieved "job" (effect 0,3).
        await factory.WithAsync(async db =>
        {
            var investment = await db.Investments.SingleAsync(i => i.Key == "ungifokus", Ct);
            await PaymentModelFile.StoreAsync(db, Json, investment, Ct);
            var stored = await db.PaymentModels.OrderByDescending(m => m.Id).FirstAsync(Ct);
            var result = new Bundlinje.FollowUps.RunResult("ungifokus", new DateOnly(2025, 12, 31), 1,
                [new Bundlinje.FollowUps.RunMetric("job", "Job", "Alle", 10, 3, 3, 0.3m, 12_500m, 37_500m, 37_500m, "", 37_500m)],
                37_500m, 37_500m, 0m, 37_500m, [], [], []);
            db.FollowUpRuns.Add(new Bundlinje.FollowUps.FollowUpRun
            {
                InvestmentId = investment.Id, AsOf = result.AsOf, PaymentModelId = stored.Id, ModelHash = stored.Hash,
                ParticipantsHash = new string('b', 64), RegisterFingerprint = new string('c', 64), ResultJson = result.ToJson(),
                ResultHash = new string('d', 64), Payable = result.Payable, RunBy = "test", RunAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync(Ct);
        });
        var before = factory.With(db => db.PaymentModels.Count());
        var html = await PostAsync(client, "?handler=AddMetric", Form("10000"));
        Assert.Contains("id=\"metric-1\"", html);
        Assert.Contains("name=\"Form.Metrics[0].Price\" value=\"10000\"", html); // the rows typed so far stay
        html = await PostAsync(client, "?handler=Preview", Form("20000"));
        Assert.Equal(before, factory.With(db => db.PaymentModels.Count()));

        // What the engine gives on UngiFokus' current business case for the model on the form.
        var model = PaymentModelFile.Read(Json.Replace("\"price\": 10000", "\"price\": 20000"));
        var cases = factory.With(db => db.BusinessCases.AsNoTracking()
                .Where(b => b.InvestmentId == db.Investments.Single(i => i.Key == "ungifokus").Id).ToList())
            .GroupBy(b => (b.AgreementVersion, b.Part)).Select(g => g.MaxBy(b => b.Revision)!).OrderByDescending(b => b.AgreementVersion)
            .ToList();
        Assert.NotEmpty(cases);
        var expected = ModelPreview.Expected(model, cases.Where(c => c.AgreementVersion == cases[0].AgreementVersion).Select(c => c.Case)
            .ToList());
        Assert.True(expected.Total > 0);
        Assert.Contains($"<strong id=\"preview-total\">{Bundlinje.Common.Kroner.Exact(expected.Total)}</strong>", html);

        // On the run's data: its counts at the form's prices — effect 0,3 reaches the 12.500 tier: 3 × 12.500.
        var run = factory.With(db =>
            Bundlinje.FollowUps.RunResult.FromJson(db.FollowUpRuns.OrderByDescending(r => r.Id).First().ResultJson));
        var onRun = ModelPreview.OnRun(model, run);
        Assert.Equal(37_500m, onRun.Entitled);
        Assert.Contains($"<strong id=\"preview-run-total\">{Bundlinje.Common.Kroner.Exact(onRun.Entitled)}</strong>", html);
        html = await PostAsync(client, "?handler=Preview", Form("20000").Where(f => !f.Key.Contains("Tiers", StringComparison.Ordinal))
            .ToDictionary());
        Assert.Contains("<strong id=\"preview-run-total\">60.000 kr.</strong>", html); // without the tier: 3 × 20.000
    }
}
