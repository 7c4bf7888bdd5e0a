using Bundlinje.Common;
using Bundlinje.Portfolio;
using Bundlinje.Tests.Infrastructure;

namespace Bundlinje.Tests.Portfolio;

public sealed class PortfolioValidatorTests
{
    [Fact]
    public void The_demo_portfolio_is_valid_and_holds_the_eleven_aarhus_investments()
    {
        var doc = PortfolioJson.Read(PortfolioJson.ReadDemo());
        Assert.Empty(PortfolioValidator.Validate(doc, [], []));
        Assert.Equal("aarhus", Assert.Single(doc.Funds).Key);
        Assert.Equal(
            ["job-bootcamp", "housing-first", "dialog-mod-vold", "ungifokus", "diabetes", "hygiejne-nudging",
             "laer-for-livet", "din-vej-i-job", "ips-plus", "fundamentet", "flere-kloge-haender"],
            doc.Investments.Select(i => i.Key));
    }

    [Fact]
    public void Every_problem_names_its_json_path()
    {
        const string json = """
            {"format":"bundlinje-portfolio/1",
             "funds":[{"key":"aarhus","name":"Aarhus","budgetEffectPercent":200}],
             "investments":[{"key":"ok","fund":"aarhus","name":"A","periodStart":"2024-01-01","periodEnd":"2023-01-01",
               "parties":[{"organisation":"ghost","role":"investor","capital":-1},{"organisation":"ghost","role":"provider","guarantee":5}],
               "versions":[{"number":2,"effectiveOn":"2021-01-01","reason":""}]}]}
            """;
        var problems = PortfolioValidator.Validate(PortfolioJson.Read(json), [], []).Da();
        Assert.Contains(problems, p => p.StartsWith("$.funds[0].budgetEffectPercent:"));
        Assert.Contains(problems, p => p.StartsWith("$.investments[0].periodEnd:"));
        Assert.Contains(problems, p => p == "$.investments[0].parties[0].organisation: ukendt organisation 'ghost'.");
        Assert.Contains(problems, p => p.StartsWith("$.investments[0].parties[0].capital: kan ikke være negativ"));
        Assert.Contains(problems, p => p.StartsWith("$.investments[0].parties[1].guarantee: kun underskudsgaranter"));
        Assert.Contains(problems, p => p.StartsWith("$.investments[0].versions[0].number:"));
        Assert.Contains(problems, p => p.StartsWith("$.investments[0].versions[0].reason:"));
    }

    [Theory]
    [InlineData("""{"format":"bundlinje-portfolio/1","investments":[{"key":"a","plannedParticipants":"many"}]}""",
        "$.investments[0].plannedParticipants")]
    [InlineData("""{"format":"bundlinje-portfolio/1","investments":[{"key":"a","status":"sleeping"}]}""", "$.investments[0].status")]
    [InlineData("""{"format":"bundlinje-portfolio/1","investments":[{"key":"a","capitall":5}]}""", "$.investments[0].capitall")]
    [InlineData("""{"format":"bundlinje-portfolio/1","funds":[{"key":"a",}]}""", "$.funds[0]")]
    public void Syntax_and_type_errors_name_their_path(string json, string path)
    {
        var e = Assert.Throws<Refused>(() => PortfolioJson.Read(json));
        Assert.StartsWith(path, Assert.Single(e.DaProblems()));
    }
}
