using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Bundlinje.Common;
using Bundlinje.Data.Texts;
using Bundlinje.Fund;
using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;

namespace Bundlinje.Tests.Web;

/// <summary>
/// One refusal: the domain throws codes with their field and arguments, the texts are in Refusals.resx (Danish) and
/// Refusals.en.resx (English), and the web (pages and /api) and the CLI render them in the reader's language.
/// </summary>
public sealed partial class RefusalTextTests
{
    [GeneratedRegex("\"([a-z][a-zA-Z]*(?:\\.[a-zA-Z0-9]+)+)\"")]
    private static partial Regex Literal();

    [GeneratedRegex(@"\.(duckdb|db|json|csv|xlsx|parquet)$")]
    private static partial Regex FileName();

    [GeneratedRegex(@"\{(\d+)")]
    private static partial Regex Placeholder();

    private static Dictionary<string, string> Texts(string file) =>
        XDocument.Load(Path.Combine(TranslationTests.RepositoryRoot(), "src", "Bundlinje.Data", "Texts", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    [Fact]
    public void Every_refusal_code_used_in_src_has_a_danish_and_an_english_text_and_every_text_is_used()
    {
        var danish = Texts("Refusals.resx");
        var english = Texts("Refusals.en.resx");
        Assert.Equal(danish.Keys.Order(), english.Keys.Order());
        // A code is a literal "area.name" whose area is one the texts have (so "bundlinje.db" and "appsettings.json" are not).
        var areas = danish.Keys.Select(k => k.Split('.')[0]).ToHashSet();
        var src = Path.Combine(TranslationTests.RepositoryRoot(), "src");
        var used = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}")
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => Literal().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Code: m.Groups[1].Value)))
            .Where(u => areas.Contains(u.Code.Split('.')[0]) && !FileName().IsMatch(u.Code)).ToList();
        Assert.True(used.Select(u => u.Code).Distinct().Count() > 150, $"only {used.Count} codes found: the scan is broken");
        Assert.Empty(used.Where(u => !danish.ContainsKey(u.Code)).Select(u => $"{u.File}: {u.Code}").Distinct());
        Assert.Empty(danish.Keys.Except(used.Select(u => u.Code)));
        // Both languages take the same arguments, and every text formats.
        foreach (var (code, text) in danish)
        {
            Assert.True(Placeholder().Matches(text).Select(m => m.Groups[1].Value).Order().Distinct()
                .SequenceEqual(Placeholder().Matches(english[code]).Select(m => m.Groups[1].Value).Order().Distinct()),
                    $"{code}: arguments differ");
            Assert.False(string.IsNullOrWhiteSpace(english[code]), code);
        }
    }

    [Fact]
    public void Arguments_are_formatted_in_the_readers_culture_and_nested_reasons_are_rendered_in_the_same_language()
    {
        var range = Kroner.RangeProblem(2 * Kroner.Max)!.AtPath("$.entries[0].amount");
        Assert.Equal("$.entries[0].amount: beløbet skal ligge mellem -1.000.000.000.000 kr. og 1.000.000.000.000 kr.",
            RefusalText.Render(range, RefusalText.Danish));
        Assert.Equal("$.entries[0].amount: the amount must be between DKK -1,000,000,000,000 and DKK 1,000,000,000,000",
            RefusalText.Render(range, RefusalText.English));

        var closed = Ledger.Closed(
            new ClosedFiscalYear
            {
                Year = 2024, ClosedBy = "bogholder@aarhus.dk",
                ClosedAt = new DateTimeOffset(2025, 1, 31, 9, 0, 0, TimeSpan.Zero)
            });
        Assert.Equal("Regnskabsåret 2024 blev lukket af bogholder@aarhus.dk 31-01-2025; dets regnskabstal kan ikke ændres. Bogfør en " +
            "korrektion i et åbent år.",
            RefusalText.Render(closed, RefusalText.Danish));
        Assert.Equal("The fiscal year 2024 was closed by bogholder@aarhus.dk on 31 Jan 2025; its accounts cannot be changed. Post a " +
            "correction in an open year.",
            RefusalText.Render(closed, RefusalText.English));
        Assert.Equal("fiscalYear", closed.Field);
        Assert.Equal("ledger.closedYear", closed.Code);

        var mayorLast = new Refused(Refusal.At("Kind", "approval.mayorLast",
            new List<Refusal> { Refusal.Of("approval.missing.council"), Refusal.Of("approval.missing.councillor", "Børn og Unge") }));
        Assert.Equal("Rækkefølge: borgmesterens godkendelse kommer sidst. Mangler først: Rådets beslutning, rådmandens godkendelse for " +
            "Børn og Unge.",
            RefusalText.Message(mayorLast, RefusalText.Danish));
        Assert.Equal("Order: the mayor's approval comes last. Missing first: the council's decision, the councillor's approval for Børn " +
            "og Unge.",
            RefusalText.Message(mayorLast, RefusalText.English));
        Assert.Contains("approval.mayorLast", mayorLast.Message); // logs get the code and its arguments, not a language
    }

}

/// <summary>The same refusal from /api (problem details) and the CLI, in Danish and in English.</summary>
public sealed class RefusalLanguageTests : IAsyncLifetime
{
    private BundlinjeFactory factory = null!;

    public ValueTask InitializeAsync()
    {
        factory = BundlinjeFactory.Sqlite();
        _ = factory.Services;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task The_api_gives_problem_details_with_the_code_in_the_request_language_and_the_cli_in_danish_or_with_lang_en()
    {
        var client = await Login.AsAsync(factory, Login.Email(Roles.CouncilMember));
        async Task<JsonElement> RefusedAsync()
        {
            var response = await client.GetAsync("/api/funds/aarhus/economics?effect=151");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        }
        var danish = await RefusedAsync();
        Assert.Equal("Effekten skal være mellem 0 og 150 %.", danish.GetProperty("detail").GetString());
        Assert.Equal("economics.effectRange", danish.GetProperty("code").GetString());
        Assert.Equal("EffectPercent", danish.GetProperty("errors")[0].GetProperty("field").GetString());

        var token = await Login.TokenAsync(client, "/Portfolio");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/Language", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en", ["returnUrl"] = "/Portfolio", ["__RequestVerificationToken"] = token,
        }), TestContext.Current.CancellationToken)).StatusCode);
        var english = await RefusedAsync();
        Assert.Equal("The effect must be between 0 and 150 %.", english.GetProperty("detail").GetString());
        Assert.Equal("economics.effectRange", english.GetProperty("code").GetString());

        Assert.Equal((1, "bundlinje: Effekten skal være mellem 0 og 150 %."),
            await CliAsync("fund", "economics", "--fund", "aarhus", "--effect", "151"));
        Assert.Equal((1, "bundlinje: The effect must be between 0 and 150 %."),
            await CliAsync("fund", "economics", "--fund", "aarhus", "--effect", "151", "--lang", "en"));
        Assert.Equal((1, "bundlinje: Unknown investment 'ghost'."),
            await CliAsync("--lang", "en", "followup", "run", "--investment", "ghost", "--as-of", "2024-12-31"));
    }

    private async Task<(int, string)> CliAsync(params string[] args)
    {
        var (exit, _, error) = await factory.CliAsync(args);
        return (exit, error.Trim());
    }
}
