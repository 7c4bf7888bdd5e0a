using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;
using Bundlinje.Tests.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Tests.Operations;

/// <summary>Under the shipped logging configuration (appsettings.json, which production uses), a large import is a handful of log lines and
/// no CPR.</summary>
public sealed partial class LogVolumeTests : IAsyncLifetime
{
    private BundlinjeFactory factory = null!;

    public async ValueTask InitializeAsync()
    {
        factory = BundlinjeFactory.Sqlite();
        await Task.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    [GeneratedRegex(@"\d{6}-?\d{4}")]
    private static partial Regex CprLike();

    /// <summary>100.000 distinct CPR-like numbers (ddmmyy + four digits).</summary>
    private static List<string> Cprs(int count)
    {
        var result = new List<string>(count);
        for (var i = 0; result.Count < count; i++)
        {
            var (day, month, year, serial) = (1 + i % 28, 1 + i / 28 % 12, 40 + i / 336 % 60, 1000 + i / 20160);
            result.Add($"{day:00}{month:00}{year:00}{serial:0000}");
        }
        return result;
    }

    [Fact]
    public async Task A_100000_row_participant_import_adds_fewer_than_100_log_lines_and_no_cpr()
    {
        // The levels that apply are appsettings.json's (the same in Production: there is no appsettings.Production.json);
        // its rules override the factory's capture-all minimum level.
        var config = factory.Services.GetRequiredService<IConfiguration>();
        Assert.Equal("Warning", config["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"]);
        Assert.Equal("Warning", config["Logging:LogLevel:Microsoft.AspNetCore"]);
        Assert.False(File.Exists(Path.Combine(TranslationTests.RepositoryRoot(), "src", "Bundlinje.Web", "appsettings.Production.json")));
        var cprs = Cprs(100_000);
        Assert.Equal(cprs.Count, cprs.Distinct().Count());
        var csv = new StringBuilder("cpr,cohort,group,enrolled\n");
        foreach (var (cpr, i) in cprs.Select((c, i) => (c, i))) csv.Append(
            $"{(i % 2 == 0 ? cpr : cpr.Insert(6, "-"))},2024,{(i % 3 == 0 ? "control" : "treatment")},2024-03-01\n");

        var client = await Login.AsAsync(factory, Login.Email(Roles.Secretariat));
        var form = new MultipartFormDataContent { { new StringContent(await Login.TokenAsync(client, "/Investments/ungifokus/FollowUp")),
            "__RequestVerificationToken" } };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString()));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", "deltagere.csv");
        var logged = factory.Logs.Count;

        var response = await client.PostAsync("/Investments/ungifokus/FollowUp/Participants/Import", form,
            TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Deltagere: 100.000 tilføjet", WebUtility.HtmlDecode(html).Replace("100000", "100.000"));
        var lines = factory.Logs.Skip(logged).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{lines.Count} log lines for the 100.000-row import: {string.Join(" | ", lines.Take(10))}");
        Assert.True(lines.Count < 100, $"{lines.Count} log lines, e.g. {string.Join(" | ", lines.Take(3))}");

        Assert.NotEmpty(factory.Logs); // logging is on (start-up, demo load); the import itself is what stays quiet
        var known = cprs.ToHashSet();
        var leaked = factory.Logs.SelectMany(l => CprLike().Matches(l).Select(m => m.Value.Replace("-", ""))).Where(known.Contains)
            .ToList();
        Assert.Empty(leaked);
    }
}
