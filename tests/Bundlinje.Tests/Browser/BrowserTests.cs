using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Bundlinje.Tests.Browser;

/// <summary>Debian's Chromium, driven by Playwright, against the app on a real Kestrel port. Screenshots go to
/// TestResults/screenshots.</summary>
public sealed class BrowserTests : ChromiumTest
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Directory.CreateDirectory(Screenshots);
    }

    [Fact]
    public async Task Council_member_opens_the_economics_table_changes_the_effect_and_drills_into_a_cell()
    {
        var page = await App.SignedInAsync(Login.Email(Roles.CouncilMember), 1600, 1100);

        await page.GotoAsync("/Funds");
        await page.ClickAsync("text=Økonomi");
        await page.WaitForURLAsync("**/Funds/aarhus/Economics");
        string Cell(int row, int column) => $"#economics tfoot tr:nth-child({row}) td:nth-child({column + 1})";
        Assert.Equal("12.885", await page.InnerTextAsync(Cell(1, 3)));
        var balanceB2026At80 = await page.InnerTextAsync(Cell(2, 7));
        Assert.Contains("80 % effekt", await page.GetAttributeAsync("#balance-chart", "alt"));
        Assert.True(await page.EvalOnSelectorAsync<int>("#balance-chart", "img => img.naturalWidth") > 0,
            "the balance chart loads as an SVG image");
        await Shot(page, "5-economics-80");

        // With JavaScript the table recomputes as soon as the field changes; the button is the no-script path.
        await page.FillAsync("#Effect", "100");
        await page.DispatchEventAsync("#Effect", "change");
        await page.WaitForURLAsync("**effect=100**");
        Assert.Equal("12.885", await page.InnerTextAsync(Cell(1, 3)));
        Assert.NotEqual(balanceB2026At80, await page.InnerTextAsync(Cell(2, 7)));
        Assert.Contains("100 % effekt", await page.GetAttributeAsync("#balance-chart", "alt"));
        await Shot(page, "6-economics-100");

        var ungifokusPayment =
            page.Locator("xpath=//table[@id='economics']//tr[th[normalize-space()='UngiFokus']]/following-sibling::tr[1]");
        var cell = ungifokusPayment.Locator("td").Nth(5);
        var shown = await cell.InnerTextAsync();
        await cell.Locator("a").ClickAsync();
        await page.WaitForURLAsync("**/Funds/aarhus/Ledger?**");
        Assert.Contains("UngiFokus – resultatbetaling, B 2025", await page.InnerTextAsync("#cell"));
        Assert.StartsWith(shown + " ", await page.InnerTextAsync("#cell-sum"));
        Assert.True(await page.Locator("#postings tbody tr").CountAsync() >= 1);
        await Shot(page, "7-cell-postings");
    }

    [Fact]
    public async Task Secretariat_posts_and_reverses_an_entry_and_reconciles_the_published_table()
    {
        var page = await App.SignedInAsync(Login.Email(Roles.Secretariat), 1400, 1000);

        await page.GotoAsync("/Funds/aarhus/Ledger/Post");
        await page.SelectOptionAsync("#Line_Kind", "RunningCost");
        await page.FillAsync("#Line_FiscalYear", "2026");
        await page.FillAsync("#Line_Amount", "12.345,50");
        await page.FillAsync("#Line_Category", "Øvrig drift af Rådet");
        await page.FillAsync("#Line_Text", "Konference (browsertest)");
        await Shot(page, "8-post-entry");
        await page.ClickAsync("button[type=submit].button-primary");
        await page.WaitForURLAsync("**/Funds/aarhus/Ledger**");
        await page.GotoAsync("/Funds/aarhus/Ledger?year=2026");
        var row = page.Locator("#postings tbody tr", new() { HasText = "Konference (browsertest)" });
        Assert.Contains("12.345,50 kr.", await row.InnerTextAsync());
        await row.Locator("input[name=Reason]").FillAsync("Forkert år");
        await row.Locator("button", new() { HasText = "Tilbagefør" }).ClickAsync();
        Assert.Contains("er tilbageført af postering", await page.InnerTextAsync("main"));
        Assert.Contains("year=2026", page.Url); // back to the same filtered list
        Assert.Contains("Tilbageførsel af postering", await page.InnerTextAsync("#postings"));
        await Shot(page, "9-reversed");

        await page.GotoAsync("/Funds/aarhus/Reconcile");
        await page.SetInputFilesAsync("#Published",
            Path.Combine(Web.TranslationTests.RepositoryRoot(), "src", "Bundlinje", "Fund", "aarhus-published-2024.csv"));
        await page.ClickAsync("button[type=submit].button-primary");
        var differences = await page.InnerTextAsync("#differences");
        Assert.Contains("12.844", differences);
        Assert.Contains("12.885", differences);
        await Shot(page, "10-reconciled");

        await page.GotoAsync("/Funds/aarhus/OutcomeFund");
        Assert.Contains("27.000.000 kr.", await page.InnerTextAsync("#outcome-summary"));
        await Shot(page, "11-outcome-fund");
    }

    [Fact]
    public async Task Secretariat_imports_participants_runs_a_follow_up_drills_into_a_metric_and_approves_it()
    {
        var page = await App.SignedInAsync(Login.Email(Roles.Secretariat), 1400, 1000);
        var folder = Directory.CreateTempSubdirectory("bundlinje-browser-").FullName;
        try
        {
            var participants = Path.Combine(folder, "deltagere.csv");
            await File.WriteAllTextAsync(participants,
                "cpr,cohort,group,enrolled\n1111111111,2024,treatment,2024-01-01\n222222-2222,2024,treatment,2024-01-01\n3333333333,2024," +
                    "treatment,2024-01-01\n", TestContext.Current.CancellationToken);
            var register = Path.Combine(folder, "beskaeftigelse.csv");
            await File.WriteAllTextAsync(register,
                "cpr,measure,from,to,value,unit\n1111111111,employed,2024-05-01,2024-05-31,1,status\n2222222222,employed,2024-09-01,2024-" +
                    "09-30,1,status\n3333333333,employed,2025-02-01,2025-02-28,1,status\n", TestContext.Current.CancellationToken);

            await page.GotoAsync("/Investments/ungifokus");
            await page.ClickAsync("text=Opfølgning og resultatbetaling");
            await page.FillAsync("#ModelJson", """
                { "format": "bundlinje-payment-model/1", "model": { "investment": "ungifokus", "agreementVersion": 1, "metrics": [
                  { "key": "job", "name": "I beskæftigelse inden for 12 måneder", "kind": "conditionInWindow", "measure": "employed", "price": 10000,
                    "basis": "perParticipant", "payers": [ { "payer": "Beskæftigelse", "share": 1 } ], "toMonth": 12, "aggregate": "max", "threshold": 1 } ] } }
                """);
            await page.ClickAsync("text=Gem betalingsmodel");
            Assert.Contains("Betalingsmodellen er gemt", await page.InnerTextAsync("#done"));
            await page.ClickAsync("text=← Opfølgning og resultatbetaling"); // each form posts to its slice's page; back to the overview
            await page.SetInputFilesAsync("#participants-file", participants);
            await page.ClickAsync("button:has-text('Importér deltagere')");
            Assert.Contains("3 tilføjet", await page.InnerTextAsync("#done"));
            await page.ClickAsync("text=← Opfølgning og resultatbetaling"); // each form posts to its slice's page; back to the overview
            await page.SetInputFilesAsync("#register-file", register);
            await page.ClickAsync("button:has-text('Indlæs registerdata')");
            Assert.Contains("3 observationer", await page.InnerTextAsync("#done"));
            await page.ClickAsync("text=← Opfølgning og resultatbetaling"); // each form posts to its slice's page; back to the overview
            await page.FillAsync("#AsOf", "2024-12-31");
            await page.ClickAsync("button:has-text('Kør opfølgning')");
            await page.WaitForURLAsync("**/FollowUp/Jobs/**");
            // generous: the suite runs many tests at once on 2 cores
            try { await page.WaitForSelectorAsync("#job-status a", new() { Timeout = 90_000 }); }
            // the page refreshes itself until the run is stored
            catch (TimeoutException)
            {
                throw new Xunit.Sdk.XunitException(await page.InnerTextAsync("main")
                + string.Join("\n", App.Factory.Logs.Where(l => l.Contains("fail") || l.Contains("Exception")).Take(5)));
            }
            Assert.Contains("20.000 kr. skal betales", await page.InnerTextAsync("#job-status"));
            Assert.Contains("beregnet", await page.InnerTextAsync("#job-progress"));
            await Shot(page, "12-follow-up");

            await page.ClickAsync("#job-status a");
            Assert.Equal("20.000 kr.", await page.InnerTextAsync("#payable"));
            Assert.Contains("20.000 kr.", await page.InnerTextAsync("#returns")); // the investor's received amount so far
            await page.ClickAsync("#metrics tbody tr:first-child td:nth-child(4) a");
            Assert.Equal(2, await page.Locator("#participants tbody tr").CountAsync());
            Assert.DoesNotContain("1111111111", await page.ContentAsync());
            await Shot(page, "13-run-drill-down");
            Assert.Equal(1, App.Factory.With(db =>
                db.ParticipantAccesses.Count(a => a.User == Login.Email(Roles.Secretariat) && a.Rows == 2)));

            await page.GotoAsync("/Investments/ungifokus/FollowUp");
            await page.FillAsync("#runs input[name=Decision]", "Styregruppen 2025-01-20, pkt. 2");
            await page.ClickAsync("#runs button:has-text('Godkend')");
            Assert.Contains("Beskæftigelse", await page.InnerTextAsync("#obligations"));
            await Shot(page, "14-approved");
            Assert.NotEmpty(App.Factory.Logs);
            foreach (var cpr in new[] { "1111111111", "2222222222", "222222-2222", "3333333333" })
                Assert.DoesNotContain(App.Factory.Logs, line => line.Contains(cpr));
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [Fact]
    public async Task Secretariat_logs_in_opens_dialog_mod_vold_edits_it_and_finds_the_edit_in_the_audit_log()
    {
        var page = await App.Browser.NewPageAsync(new() { BaseURL = App.BaseUrl, ViewportSize = new() { Width = 1400, Height = 1000 } });

        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Email", Login.Email(Roles.Secretariat));
        await page.FillAsync("#Password", Data.DemoData.Password);
        await page.ClickAsync("button[type=submit].button-primary");
        await page.WaitForURLAsync("**/Portfolio");
        Assert.Equal(11, await page.Locator("[data-testid=portfolio] tbody tr").CountAsync());
        await Shot(page, "1-portfolio");

        await page.ClickAsync("text=Dialog mod Vold");
        await page.WaitForURLAsync("**/Investments/dialog-mod-vold");
        var versions = page.Locator("[data-testid=versions] tbody tr");
        Assert.Equal(2, await versions.CountAsync());
        Assert.Contains("25 → 15", await versions.First.InnerTextAsync());
        await Shot(page, "2-dialog-mod-vold");

        await page.ClickAsync("text=Vis forskel");
        Assert.Equal("15", await page.Locator("[data-testid=diff] ins").First.InnerTextAsync());
        await Shot(page, "3-version-diff");

        await page.GotoAsync("/Investments/dialog-mod-vold/Edit");
        await page.FillAsync("#Input_StatusNote", "Opfølgning til og med 2027 (browsertest)");
        await page.ClickAsync("button[type=submit].button-primary");
        await page.WaitForURLAsync("**/Investments/dialog-mod-vold");
        Assert.Contains("Opfølgning til og med 2027 (browsertest)", await page.InnerTextAsync("main"));

        await page.ClickAsync("text=Se ændringslog");
        var audit = await page.InnerTextAsync("[data-testid=audit]");
        Assert.Contains("StatusNote", audit);
        Assert.Contains("Opfølgning til og med 2027 (browsertest)", audit);
        Assert.Contains(Login.Email(Roles.Secretariat), audit);
        await Shot(page, "4-audit-log");

        await page.ClickAsync("button:has-text('English')");
        await page.GotoAsync("/Investments/dialog-mod-vold");
        Assert.Contains("Agreement versions", await page.InnerTextAsync("main"));
        Assert.Contains("1.700.000 kr.", await page.InnerTextAsync("main"));
        await Shot(page, "5-english");
    }

    [Fact]
    public async Task A_public_proposal_is_triaged_assessed_taken_into_development_and_approved_until_the_investment_is_active()
    {
        var visitor = await App.Browser.NewPageAsync(new() { BaseURL = App.BaseUrl, ViewportSize = new() { Width = 1280, Height = 1000 } });
        await visitor.GotoAsync("/");
        await visitor.ClickAsync("text=Send en henvendelse");
        await visitor.SelectOptionAsync("#ProposerType", "SocialEnterprise");
        await visitor.FillAsync("#Proposer", "Grønne Hænder ApS");
        await visitor.FillAsync("#Contact", "kontakt@groennehaender.dk");
        await visitor.FillAsync("#Title", "Bylandbrug for unge");
        await visitor.FillAsync("#Problem", "Unge uden job mister tilknytningen til arbejdsmarkedet.");
        await visitor.FillAsync("#TargetGroup", "Unge 18-29 år på uddannelseshjælp");
        await visitor.FillAsync("#Intervention", "Løntimer i bylandbrug med mentor");
        await Shot(visitor, "7-proposal-public-form");
        await visitor.ClickAsync("main button[type=submit]");
        await visitor.WaitForURLAsync("**/Proposals/Received**");
        var reference = new Uri(visitor.Url).Query.Split("reference=")[1];
        Assert.Contains(reference, await visitor.InnerTextAsync("main"));
        await Shot(visitor, "7-proposal-receipt");

        var secretariat = await App.SignedInAsync(Login.Email(Roles.Secretariat), 1280, 1000);
        await secretariat.GotoAsync("/Funds/aarhus/Proposals");
        await secretariat.ClickAsync($"text={reference}");
        await secretariat.SelectOptionAsync("#Step", "SentForAssessment");
        await secretariat.CheckAsync("#dep-sfb");
        await secretariat.FillAsync("#DueOn", DateTime.Today.AddDays(21).ToString("yyyy-MM-dd"));
        await secretariat.ClickAsync("main form button[type=submit]");
        await secretariat.WaitForSelectorAsync("#assessments");
        Assert.Contains("Afventer belysning", await secretariat.InnerTextAsync("#assessments"));
        Assert.Contains("Analytikere i Sociale Forhold og Beskæftigelse", await secretariat.InnerTextAsync("#messages"));
        await Shot(secretariat, "8-proposal-sent-for-assessment");

        var analyst = await App.SignedInAsync(Login.Email(Roles.DepartmentAnalyst), 1280, 1000);
        await analyst.GotoAsync("/Assessments");
        await analyst.ClickAsync("text=Bylandbrug for unge");
        await analyst.FillAsync("#Relevance", "Supplerer jobcentrets virksomhedsrettede tilbud.");
        await analyst.FillAsync("#EconomicConsequences", "Færre måneder på uddannelseshjælp; ingen udgift i 2027.");
        await analyst.CheckAsync("#rec-TakeIntoDevelopment");
        await Shot(analyst, "9-analyst-assessment");
        await analyst.ClickAsync("main form button[type=submit]");
        await analyst.WaitForSelectorAsync("#answer");

        await secretariat.ReloadAsync();
        Assert.Contains("Supplerer jobcentrets", await secretariat.InnerTextAsync("#assessments"));
        await secretariat.SelectOptionAsync("#Step", "TakenIntoDevelopment");
        await secretariat.ClickAsync("main form button[type=submit]");
        await secretariat.ClickAsync("text=Se investeringens udvikling");
        await secretariat.WaitForURLAsync("**/Investments/bylandbrug-for-unge/Development");
        Assert.Contains("1 Idé", await secretariat.InnerTextAsync("#phases"));
        await secretariat.GotoAsync("/Investments/bylandbrug-for-unge/Parties/Add");
        await secretariat.SelectOptionAsync("#OrganisationKey", "sfb");
        await secretariat.SelectOptionAsync("#Role", "Authority");
        await secretariat.ClickAsync("main form button[type=submit]");
        await secretariat.WaitForURLAsync("**/Investments/bylandbrug-for-unge");

        var council = await App.SignedInAsync(Login.Email(Roles.CouncilMember), 1280, 1000);
        await council.GotoAsync("/Investments/bylandbrug-for-unge/Development");
        await council.FillAsync("#Approval_ApprovedBy", "Rådet for Sociale Investeringer");
        await council.FillAsync("#Approval_ApprovedOn", DateTime.Today.ToString("yyyy-MM-dd"));
        await council.FillAsync("#Approval_DocumentReference", "Rådsmøde, pkt. 4");
        await council.ClickAsync("form:has(#Approval_Kind) button[type=submit]");
        await council.WaitForSelectorAsync("#approvals td");

        async Task Approve(string kind, string by, string document)
        {
            await secretariat.GotoAsync("/Investments/bylandbrug-for-unge/Development");
            await secretariat.SelectOptionAsync("#Approval_Kind", kind);
            if (kind == "Councillor") await secretariat.SelectOptionAsync("#Approval_DepartmentKey", "sfb");
            await secretariat.FillAsync("#Approval_ApprovedBy", by);
            await secretariat.FillAsync("#Approval_ApprovedOn", DateTime.Today.ToString("yyyy-MM-dd"));
            await secretariat.FillAsync("#Approval_DocumentReference", document);
            await secretariat.ClickAsync("form:has(#Approval_Kind) button[type=submit]");
            await secretariat.WaitForURLAsync("**/Development#approval");
        }
        await Approve("Councillor", "Rådmand for Sociale Forhold og Beskæftigelse", "Sag 26/1234");
        Assert.Contains("borgmesterens formelle godkendelse", await secretariat.InnerTextAsync("#missing"));
        Assert.Contains("Under udvikling", await secretariat.InnerTextAsync("#status"));
        await Approve("Mayor", "Borgmesteren", "Sag 26/1234, påtegning");
        Assert.Contains("Aktiv", await secretariat.InnerTextAsync("#status"));
        Assert.Equal(0, await secretariat.Locator("#missing").CountAsync());
        await Shot(secretariat, "10-approval-chain-complete");
        await secretariat.GotoAsync($"/Funds/aarhus/Proposals/{reference}");
        Assert.Contains("Igangsat – Godkendelseskæden er fuldført", await secretariat.InnerTextAsync("#timeline"));
        await secretariat.GotoAsync("/Funds/aarhus/Board");
        await Shot(secretariat, "11-board-by-phase");
    }

    [Fact]
    public async Task Pages_work_without_javascript()
    {
        var context = await App.Browser.NewContextAsync(new() { BaseURL = App.BaseUrl, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Email", Login.Email(Roles.Provider));
        await page.FillAsync("#Password", Data.DemoData.Password);
        await page.ClickAsync("button[type=submit].button-primary");
        await page.WaitForURLAsync("**/Portfolio");
        Assert.Equal(1, await page.Locator("[data-testid=portfolio] tbody tr").CountAsync());
        await Shot(page, "6-provider-no-javascript");
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
}
