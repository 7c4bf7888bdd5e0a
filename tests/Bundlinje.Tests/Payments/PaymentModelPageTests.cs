using System.Net;
using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;

namespace Bundlinje.Tests.Payments;

/// <summary>The follow-up page over HTTP: a refused payment model says it is the payment model, and names each path.</summary>
public sealed class PaymentModelPageTests : IAsyncLifetime
{
    private BundlinjeFactory factory = null!;
    public ValueTask InitializeAsync() { factory = BundlinjeFactory.Sqlite(); return ValueTask.CompletedTask; }
    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Saving_a_model_with_a_negative_payer_share_shows_that_the_payment_model_is_refused_and_stores_nothing()
    {
        const string page = "/Investments/ungifokus/FollowUp";
        var client = await Login.AsAsync(factory, Login.Email(Roles.Secretariat));
        var before = factory.With(db => db.PaymentModels.Count());
        var response = await client.PostAsync($"{page}/Model", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await Login.TokenAsync(client, page),
            ["ModelJson"] = """
                { "format": "bundlinje-payment-model/1", "model": { "investment": "ungifokus", "agreementVersion": 1, "metrics": [
                  { "key": "overforsel", "name": "Overførsel", "kind": "treatmentVsControl", "measure": "transfer-income", "countEvents": true,
                    "payers": [ { "payer": "SFB", "share": 1.5 }, { "payer": "Beskæftigelse", "share": -0.5 } ], "share": 0.5 } ] } }
                """,
        }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("Betalingsmodellen er afvist (3 fejl):", html);
        Assert.Contains("$.model.metrics[0].countEvents: feltet bruges ikke af treatmentVsControl og afvises; fjern det.", html);
        Assert.Contains("$.model.metrics[0].payers[0].share: skal ligge over 0 og højst være 1, ikke 1,5.", html);
        Assert.DoesNotContain("Porteføljefilen", html);
        Assert.Equal(before, factory.With(db => db.PaymentModels.Count()));
    }
}
