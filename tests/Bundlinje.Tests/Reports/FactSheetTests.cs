using Bundlinje.Common;
using Bundlinje.Data;
using Bundlinje.FollowUps;
using Bundlinje.Investments;
using Bundlinje.Reports;
using Bundlinje.Reports.FactSheets;
using Bundlinje.Tests.FollowUps;
using Bundlinje.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Tests.Reports;

public sealed class SqliteFactSheetTests(SqliteDemoApp app) : FactSheetTests(app), IClassFixture<SqliteDemoApp>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresFactSheetTests(PostgresDemoApp app) : FactSheetTests(app), IClassFixture<PostgresDemoApp>;

/// <summary>MSB's fact sheet per investment and the department bundle over the Aarhus demo (11 investments, the synthetic
/// follow-ups with their approved runs): the facts are the stored agreement and parties, enrolment and payments are the
/// stored counts and approved obligations as of the date, and the same inputs give the same text and digest.</summary>
public abstract class FactSheetTests(DemoApp app)
{
    private static readonly DateOnly EndOf2024 = new(2024, 12, 31), MidYear2025 = new(2025, 6, 30);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private BundlinjeFactory Factory
    {
        get
        {
            if (app.Unavailable is { } reason) Requirement.Missing(reason);
            return app.Factory;
        }
    }

    private async Task<T> With<T>(Func<IServiceProvider, BundlinjeDb, Task<T>> use)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<BundlinjeDb>());
    }

    private Task<List<Investment>> InvestmentsAsync() =>
        With((_, db) => db.Investments.AsNoTracking().Include(i => i.Fund).OrderBy(i => i.Key).ToListAsync(Ct));

    private Task<BuiltReport> SheetAsync(Investment investment, DateOnly asOf, string language = "da") => With((sp, _) =>
        sp.GetRequiredService<FactSheets>().BuildAsync(investment, asOf, language, Ct));

    private static List<Fact> Facts(ReportDocument document) =>
        Assert.Single(document.Sections).Blocks.OfType<FactList>().SelectMany(f => f.Facts).ToList();

    private static string Value(ReportDocument document, string label) => Facts(document).First(f => f.Label == label).Value;

    [Fact]
    public async Task Every_demo_investment_builds_a_landscape_fact_sheet_with_its_facts_at_the_end_of_2024_and_mid_2025()
    {
        var investments = await InvestmentsAsync();
        Assert.Equal(11, investments.Count);
        foreach (var asOf in new[] { EndOf2024, MidYear2025 })
            foreach (var investment in investments)
            {
                var built = await SheetAsync(investment, asOf);
                var section = Assert.Single(built.Document.Sections);
                Assert.Equal((ReportLayout.Landscape, investment.Name, 1, 2), (built.Document.Layout, section.Heading, section.Level,
                    section.Columns));
                var labels = Facts(built.Document).Select(f => f.Label).ToList();
                foreach (var label in new[] { "Periode", "Indskudskapital", "Målgruppe", "Myndighed", "Leverandør", "Investorer",
                    "Betalende forvaltninger", "Investeringsmodel", "Seneste godkendte opfølgning", "Betalt til dato" })
                    Assert.Contains(label, labels);
                Assert.Contains(labels, l => l.StartsWith("Tilgang pr. ", StringComparison.Ordinal));
                Assert.All(Facts(built.Document), f => Assert.StartsWith($"/Investments/{investment.Key}", f.Source));
                Assert.Equal(["status", "erfaringer", "citat", "citat-af"],
                    section.Blocks.OfType<NarrativeText>().Select(n => n.Key));
                Assert.True(section.Blocks.OfType<NarrativeText>().Single(n => n.Key == "citat").IsQuote);
                Assert.Matches("^[0-9a-f]{64}$", built.InputsSha256);
            }
    }

    [Fact]
    public async Task The_facts_are_the_stored_agreement_and_parties()
    {
        foreach (var investment in await InvestmentsAsync())
        {
            var parties = await With((_, db) => db.PartiesOfAsync(investment.Id, Ct));
            var document = (await SheetAsync(investment, EndOf2024)).Document;
            string Names(params PartyRole[] roles) => parties.Where(p => roles.Contains(p.Role)).Select(p => p.Organisation!.Name)
                .Distinct().DefaultIfEmpty("–").Aggregate((a, b) => $"{a}, {b}");
            Assert.Equal(Names(PartyRole.Authority), Value(document, "Myndighed"));
            Assert.Equal(Names(PartyRole.Authority), Value(document, "Betalende forvaltninger"));
            Assert.Equal(Names(PartyRole.Provider), Value(document, "Leverandør"));
            Assert.Equal(Names(PartyRole.Investor, PartyRole.CoFunder), Value(document, "Investorer"));
            var capital = parties.Where(p => p.Role is PartyRole.Investor or PartyRole.CoFunder).Sum(p => p.Capital ?? 0m);
            Assert.Equal(Kroner.Format(capital), Value(document, "Indskudskapital"));
            foreach (var investor in parties.Where(p => p.Role is PartyRole.Investor or PartyRole.CoFunder && p.Capital is not null))
                Assert.Contains(Facts(document), f => f.Label == "heraf " + investor.Organisation!.Name
                    && f.Value == Kroner.Format(investor.Capital!.Value));
            if (investment is { PeriodStart: { } start, PeriodEnd: { } end })
                Assert.Equal($"{start:dd-MM-yyyy} – {end:dd-MM-yyyy}", Value(document, "Periode"));
            if (investment.TargetGroup is { Length: > 0 } group) Assert.StartsWith(group, Value(document, "Målgruppe"));
        }
    }

    [Fact]
    public async Task The_stored_payment_models_of_the_demo_give_a_sentence_per_metric_on_the_sheet()
    {
        var stored = await With((_, db) => db.PaymentModels.AsNoTracking().ToListAsync(Ct));
        Assert.NotEmpty(stored);
        var investments = await InvestmentsAsync();
        foreach (var model in stored.GroupBy(m => m.InvestmentId).Select(g => g.MaxBy(m => m.AgreementVersion)!))
        {
            var investment = investments.Single(i => i.Id == model.InvestmentId);
            var measures = await With((_, db) => db.Measures.AsNoTracking().Where(m => m.FundId == investment.FundId)
                .ToDictionaryAsync(m => m.Code, StringComparer.Ordinal, Ct));
            foreach (var language in new[] { "da", "en" })
            {
                var sentences = PaymentModelInWords.Describe(model.Model, language, measures);
                Assert.True(sentences.Count >= model.Model.Metrics.Count);
                foreach (var metric in model.Model.Metrics)
                    Assert.Contains(PaymentModelInWords.Metric(metric, language, measures[metric.Measure]), sentences);
                var document = (await SheetAsync(investment, EndOf2024, language)).Document;
                Assert.Equal(string.Join(' ', sentences), Value(document, language == "en" ? "Investment model" : "Investeringsmodel"));
            }
        }
    }

    [Fact]
    public async Task Enrolment_against_the_plan_is_the_stored_count_up_to_the_date()
    {
        var investments = await With((_, db) => db.Investments.AsNoTracking().Include(i => i.Enrolment).ToListAsync(Ct));
        foreach (var investment in investments)
            foreach (var asOf in new[] { new DateOnly(2023, 12, 31), EndOf2024 })
            {
                var document = (await SheetAsync(investment, asOf)).Document;
                var fact = Facts(document).Single(f => f.Label.StartsWith("Tilgang pr. ", StringComparison.Ordinal));
                var counts = investment.Enrolment.Where(e => e.AsOf <= asOf).ToList();
                var chart = document.Sections[0].Blocks.OfType<ReportChart>().SingleOrDefault();
                if (counts.Count == 0)
                {
                    Assert.Equal("ingen tilgang indberettet", fact.Value);
                    Assert.Null(chart);
                    continue;
                }
                var latest = counts.Max(e => e.AsOf);
                var enrolled = counts.Where(e => e.AsOf == latest).Sum(e => e.Enrolled);
                Assert.Equal($"Tilgang pr. {latest:dd-MM-yyyy}", fact.Label);
                Assert.StartsWith($"{Kroner.Number(enrolled)} optaget", fact.Value);
                if (EnrolmentPlan.At(investment, asOf) is { } plan) Assert.Contains($"af {Kroner.Number(plan.Expected)} planlagt",
                    fact.Value);
                Assert.NotNull(chart);
                Assert.Contains($"{latest:dd-MM-yyyy}: {Kroner.Number(enrolled)}</title>", chart.Svg);
                Assert.DoesNotContain("<script", chart.Svg, StringComparison.OrdinalIgnoreCase);
            }
    }

    [Fact]
    public async Task Payments_to_date_are_the_approved_obligations_up_to_the_date_and_a_later_approval_is_not_counted()
    {
        var investments = await InvestmentsAsync();
        var approvals = await With((_, db) => db.FollowUpApprovals.AsNoTracking().ToListAsync(Ct));
        var obligations = await With((_, db) => db.PaymentObligations.AsNoTracking().ToListAsync(Ct));
        // the investment with the most approvals; the day before its last approval and the day of it
        var busiest = approvals.GroupBy(a => a.InvestmentId).MaxBy(g => g.Count())!;
        Assert.True(busiest.Count() >= 2);
        var investment = investments.Single(i => i.Id == busiest.Key);
        var last = busiest.MaxBy(a => a.ApprovedAt)!;
        var lastDay = DateOnly.FromDateTime(last.ApprovedAt.UtcDateTime);
        foreach (var asOf in new[] { lastDay.AddDays(-1), lastDay })
        {
            var counted = busiest.Where(a => DateOnly.FromDateTime(a.ApprovedAt.UtcDateTime) <= asOf).Select(a => a.RunId).ToHashSet();
            var owed = obligations.Where(o => counted.Contains(o.RunId)).ToList();
            var document = (await SheetAsync(investment, asOf)).Document;
            Assert.Equal(Kroner.Format(owed.Sum(o => o.Amount)), Value(document, "Betalt til dato"));
            foreach (var payer in owed.GroupBy(o => o.Payer))
                Assert.Equal(Kroner.Format(payer.Sum(o => o.Amount)), Value(document, "heraf " + payer.Key));
            var latestRun = busiest.Where(a => counted.Contains(a.RunId)).MaxBy(a => a.Sequence)!.RunId;
            Assert.Equal($"/Investments/{investment.Key}/FollowUp/Runs/{latestRun}",
                Facts(document).Single(f => f.Label == "Seneste godkendte opfølgning").Source);
            Assert.Equal(asOf == lastDay, counted.Contains(last.RunId));
        }
        Assert.True(obligations.Where(o => o.RunId == last.RunId).Sum(o => o.Amount) > 0); // so the two dates differ
    }

    [Fact]
    public async Task The_same_inputs_give_the_same_text_and_digest_and_a_new_narrative_revision_changes_the_digest()
    {
        var investment = (await InvestmentsAsync()).Single(i => i.Key == "housing-first");
        var asOf = new DateOnly(2025, 12, 31); // a half-year no other test writes narratives for
        var first = await SheetAsync(investment, asOf);
        var again = await SheetAsync(investment, asOf);
        Assert.Equal(first.Document.PlainText(), again.Document.PlainText());
        Assert.Equal(first.InputsSha256, again.InputsSha256);
        var scope = NarrativeScope.FactSheet(investment.Key, asOf);
        var saved = await With(async (sp, _) =>
        {
            var narratives = sp.GetRequiredService<ReportNarratives>();
            var basedOn = (await narratives.CurrentAsync(investment.FundId, scope, Ct)).Current.GetValueOrDefault("status")?.Revision ?? 0;
            return await narratives.SaveAsync(investment.FundId, scope, "status", $"Status, revision {basedOn + 1}.", basedOn, Ct);
        });
        var revised = await SheetAsync(investment, asOf);
        Assert.NotEqual(first.InputsSha256, revised.InputsSha256);
        Assert.Equal(saved.Text, revised.Document.Sections[0].Blocks.OfType<NarrativeText>().Single(n => n.Key == "status").Text);
        Assert.Contains(saved.Text, revised.Document.PlainText());
    }

    [Fact]
    public async Task In_English_the_labels_are_English_and_the_numbers_stay_Danish()
    {
        var investment = (await InvestmentsAsync()).Single(i => i.Key == "housing-first");
        var danish = (await SheetAsync(investment, EndOf2024)).Document;
        var english = (await SheetAsync(investment, EndOf2024, "en")).Document;
        Assert.Equal("en", english.Language);
        var labels = Facts(english).Select(f => f.Label).ToList();
        foreach (var label in new[] { "Period", "Invested capital", "Target group", "Authority", "Provider", "Investors",
            "Paying departments", "Investment model", "Latest approved follow-up", "Payments to date" })
            Assert.Contains(label, labels);
        Assert.DoesNotContain("Indskudskapital", labels);
        Assert.Equal(Value(danish, "Indskudskapital"), Value(english, "Invested capital")); // "23.000.000 kr." in both
        Assert.Equal(Value(danish, "Betalt til dato"), Value(english, "Payments to date"));
        Assert.Equal(["Status of the project", "Particularly important experiences", "Quote", "Quoted"],
            english.Sections[0].Blocks.OfType<NarrativeText>().Select(n => n.Label));
    }
}
