using Bundlinje.Payments;
using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Bundlinje.Tests.Browser;

/// <summary>The payment-model editor in Debian's Chromium: the secretariat adds a metric to Dialog mod Vold's model, prices
/// it, previews, and sees the preview change to what the engine gives on the investment's business case; nothing is
/// saved until "Gem modellen".</summary>
public sealed class PaymentModelEditorBrowserTests : ChromiumTest
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Directory.CreateDirectory(Screenshots);
    }

    [Fact]
    public async Task Secretariat_adds_a_metric_sets_its_price_previews_and_sees_the_engines_amount()
    {
        var page = await App.SignedInAsync(Login.Email(Roles.Secretariat), 1400, 1000);

        // A model whose one metric is paid at its assumed rate (so it takes no outcome of the business case).
        await App.Factory.WithAsync(db => PaymentModelFile.StoreAsync(db, """
            { "format": "bundlinje-payment-model/1", "model": { "investment": "dialog-mod-vold", "agreementVersion": 1, "metrics": [
              { "key": "familiebehandling", "name": "Ingen anden familiebehandling", "kind": "conditionInWindow", "measure": "womens-shelter",
                "comparison": "atMost", "toMonth": 12, "measurable": false, "assumedRate": 0.4, "price": 12500,
                "payers": [ { "payer": "SFB", "share": 1 } ] } ] } }
            """, "dialog-mod-vold", TestContext.Current.CancellationToken));
        await page.GotoAsync("/Investments/dialog-mod-vold/FollowUp");
        await page.ClickAsync("#model-editor");
        await page.WaitForURLAsync("**/FollowUp/Model");
        var stored = App.Factory.With(db => db.PaymentModels.AsNoTracking()
            .Where(m => m.InvestmentId == db.Investments.Single(i => i.Key == "dialog-mod-vold").Id).OrderByDescending(m => m.Id).First());
        var models = App.Factory.With(db => db.PaymentModels.Count());
        var before = await page.InnerTextAsync("#preview-total");
        var n = stored.Model.Metrics.Count;

        await page.ClickAsync("#add-metric");
        await page.WaitForSelectorAsync($"#metric-{n}");
        string F(string field) => $"#Form_Metrics_{n}__{field}";
        await page.FillAsync(F("Key"), "violence-ceased"); // the business case's outcome key: previewed at its success rate
        await page.FillAsync(F("Name"), "Volden er ophørt (ny)");
        await page.SelectOptionAsync(F("Measure"), "violence-ceased");
        await page.FillAsync(F("Threshold"), "1");
        await page.FillAsync(F("Price"), "7.500");
        await page.FillAsync($"#Form_Metrics_{n}__Payers_0__Payer", "SFB");
        await page.ClickAsync("#preview-button");
        await page.WaitForSelectorAsync("#preview-total");
        var after = await page.InnerTextAsync("#preview-total");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "13-model-editor-preview.png"), FullPage = true });

        // The same engine call on the model as on the form and the investment's current business case.
        var added = new Metric("violence-ceased", "Volden er ophørt (ny)", MetricKind.ConditionInWindow, "violence-ceased", 7500m,
            PriceBasis.PerParticipant, [new PayerShare("SFB", 1m)], Threshold: 1m);
        var model = stored.Model with { Metrics = [.. stored.Model.Metrics, added] };
        var cases = App.Factory.With(db => db.BusinessCases.AsNoTracking()
            .Where(b => b.InvestmentId == db.Investments.Single(i => i.Key == "dialog-mod-vold").Id).ToList())
            .GroupBy(b => (b.AgreementVersion, b.Part)).Select(g => g.MaxBy(b => b.Revision)!).ToList();
        var version = cases.Any(c => c.AgreementVersion == model.AgreementVersion) ? model.AgreementVersion
            : cases.Max(c => c.AgreementVersion);
        var expected = ModelPreview.Expected(model, cases.Where(c => c.AgreementVersion == version).Select(c => c.Case).ToList());
        Assert.Equal(Common.Kroner.Exact(expected.Total), after);
        Assert.NotEqual(before, after);
        Assert.Equal("samme nøgle", (await page.InnerTextAsync($"#preview-links tbody tr:nth-child({n + 1}) td:nth-child(4)")).Trim());
        Assert.Equal(models, App.Factory.With(db => db.PaymentModels.Count())); // previewing saves nothing

        await page.ClickAsync("#save-form");
        Assert.Contains("Betalingsmodellen er gemt", await page.InnerTextAsync("#done"));
        var saved = App.Factory.With(db => db.PaymentModels.OrderByDescending(m => m.Id).First());
        Assert.Equal(PaymentModelFile.Write(model), saved.Json);
        Assert.Equal(PaymentModelFile.Hash(model), saved.Hash);
    }
}
