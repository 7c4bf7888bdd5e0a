using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Bundlinje.Tests.Browser;

/// <summary>
/// Refusals read in the reader's language: with the English UI (the language switch in the header) a refused ledger
/// posting, a refused import row and a refused approval are in English; with the Danish UI the same refusals are in
/// Danish, word for word as before. Chromium against the app on a real Kestrel port, as the other browser tests.
/// </summary>
public sealed class RefusalBrowserTests : ChromiumTest
{
    public static TheoryData<string, string[]> Languages => new()
    {
        {
            "da",
            [
                "Regnskabsåret 2024 blev lukket af", "dets regnskabstal kan ikke ændres. Bogfør en korrektion i et åbent år.",
                "Deltagerfilen er afvist (2 fejl):", "Række 2, group: 'maybe' skal være treatment eller control.",
                "Række 3, enrolled: '2024-13-01' er ikke en dato (yyyy-mm-dd).",
                "Rækkefølge: rådets beslutning skal registreres først.",
            ]
        },
        {
            "en",
            [
                "The fiscal year 2024 was closed by", "its accounts cannot be changed. Post a correction in an open year.",
                "The participant file is rejected (problems: 2):", "Row 2, group: 'maybe' must be treatment or control.",
                "Row 3, enrolled: '2024-13-01' is not a date (yyyy-mm-dd).",
                "Order: the council's decision must be recorded first.",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_refused_posting_import_row_and_approval_read_in_the_language_of_the_UI(string language, string[] expected)
    {
        var page = await App.SignedInAsync(Login.Email(Roles.Secretariat), 1400, 1000);
        if (language == "en")
        {
            await page.ClickAsync("button:has-text('English')");
            await page.WaitForSelectorAsync("button:has-text('Dansk')");
        }
        var folder = Directory.CreateTempSubdirectory("bundlinje-refusal-").FullName;
        try
        {
            // A posting in the closed year 2024: the ledger refuses it (the form's own checks pass).
            var posting = await SubmitAsync(page, "/Funds/aarhus/Ledger/Post", "button[type=submit].button-primary",
                ("#Line_Kind", "RunningCost"), ("#Line_FiscalYear", "2024"), ("#Line_Amount", "1.000"),
                    ("#Line_Category", "Øvrig drift af Rådet"));
            Assert.Contains(expected[0], posting);
            Assert.Contains(expected[1], posting);

            // A participant file with two bad rows: the file is refused whole, each row named.
            var participants = Path.Combine(folder, "deltagere.csv");
            await File.WriteAllTextAsync(participants,
                "cpr,cohort,group,enrolled\n1111111111,2024,maybe,2024-01-01\n2222222222,2024,control,2024-13-01\n",
                    TestContext.Current.CancellationToken);
            await page.GotoAsync("/Investments/ungifokus/FollowUp");
            await page.SetInputFilesAsync("#participants-file", participants);
            await page.ClickAsync("form:has(#participants-file) button[type=submit]");
            var import = await page.InnerTextAsync("[data-testid=form-errors]");
            Assert.Contains(expected[2], import);
            Assert.Contains(expected[3], import);
            Assert.Contains(expected[4], import);
            Assert.DoesNotContain("1111111111", await page.ContentAsync());

            // A new investment in development; the mayor's approval before the council's decision is refused by the chain.
            await SubmitAsync(page, "/Investments/Create", "main form button[type=submit]",
                ("#FundKey", "aarhus"), ("#NewKey", "afvisningsproeve"), ("#Input_Name", "Afvisningsprøve"),
                    ("#Input_Status", "InDevelopment"));
            await page.WaitForURLAsync("**/Investments/afvisningsproeve");
            Assert.Contains(expected[5],
                await SubmitAsync(page, "/Investments/afvisningsproeve/Development", "form:has(#Approval_Kind) button[type=submit]",
                ("#Approval_Kind", "Mayor"), ("#Approval_ApprovedBy", "Borgmesteren"), ("#Approval_ApprovedOn", "2026-01-15"),
                    ("#Approval_DocumentReference", "Sag 26/1234")));
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    /// <summary>Opens a form, fills its fields (a select by its option's value), submits it and returns the error
    /// summary when the form is refused (empty when it is not).</summary>
    private static async Task<string> SubmitAsync(IPage page, string url, string submit, params (string Field, string Value)[] fields)
    {
        await page.GotoAsync(url);
        foreach (var (field, value) in fields)
            if (await page.EvalOnSelectorAsync<string>(field, "e => e.tagName") == "SELECT") await page.SelectOptionAsync(field, value);
            else await page.FillAsync(field, value);
        await page.ClickAsync(submit);
        await page.WaitForLoadStateAsync(LoadState.Load);
        var errors = page.Locator("[data-testid=form-errors]");
        return await errors.CountAsync() > 0 ? await errors.InnerTextAsync() : "";
    }
}
