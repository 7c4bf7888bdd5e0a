using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Bundlinje.Data;
using Bundlinje.Proposals;
using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Tests.Security;

/// <summary>The public form under attack: address lists for a mail relay, hostile attachments and file names; and who may
/// download.</summary>
public sealed class PublicFormAttackTests(PublicFormAttackTests.App app) : IClassFixture<PublicFormAttackTests.App>
{
    /// <summary>One app for the class (its tests run one at a time), with a rate limit that lets the many submissions through.</summary>
    public sealed class App : IAsyncLifetime
    {
        public BundlinjeFactory Factory { get; } = BundlinjeFactory.Sqlite();
        public ValueTask InitializeAsync()
        {
            Factory.Settings["Bundlinje:IntakePermitsPer10Minutes"] =
            "1000"; return ValueTask.CompletedTask;
        }
        public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
    }

    private readonly BundlinjeFactory factory = app.Factory;

    private static Dictionary<string, string> Valid(string contact = "kontakt@example.dk") => new()
    {
        ["ProposerType"] = "Ngo", ["Proposer"] = "Foreningen Fællesskab", ["Contact"] = contact, ["Title"] = "Mentorer til unge",
        ["Problem"] = "Unge falder fra uddannelse.", ["TargetGroup"] = "Unge 16-24 år", ["Intervention"] = "Frivillige mentorer",
    };

    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, Dictionary<string, string> fields,
        params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent { { new StringContent(await Login.TokenAsync(client, "/Proposals/New")),
            "__RequestVerificationToken" } };
        foreach (var (key, value) in fields) form.Add(new StringContent(value), key);
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            // filename* carries the name byte for byte (backslashes, bidi characters), as a hostile client would send it.
            part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"Files\"", FileNameStar = name };
            form.Add(part);
        }
        return await client.PostAsync("/Proposals/New", form);
    }

    private int Proposals() => factory.With(db => db.Proposals.Count());
    private int Attachments() => factory.With(db => db.ProposalAttachments.Count());
    private int Messages() => factory.With(db => db.OutboxMessages.Count());

    [Theory]
    [InlineData("a@x.dk, b@y.dk, c@z.dk")]
    [InlineData("a@x.dk;b@y.dk")]
    [InlineData("a@x.dk\nBcc: b@y.dk")]
    [InlineData("a@x.dk\r\nb@y.dk")]
    [InlineData("Navn <a@x.dk>")]
    [InlineData("\"a@x.dk\" <b@y.dk>")]
    [InlineData("a@localhost")]
    public async Task The_contact_field_takes_exactly_one_address_and_a_list_or_line_break_stores_and_sends_nothing(string contact)
    {
        var visitor = Login.Anonymous(factory);
        var (proposals, messages) = (Proposals(), Messages());
        var response = await SubmitAsync(visitor, Valid(contact));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("E-mail: skriv én gyldig e-mailadresse (ikke en liste og uden linjeskift).",
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal((proposals, messages), (Proposals(), Messages()));
    }

    [Fact]
    public async Task One_plain_address_gets_the_receipt_and_only_that_address()
    {
        var response = await SubmitAsync(Login.Anonymous(factory), Valid("a.b-c@sub.example.dk"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var reference = response.Headers.Location!.OriginalString.Split("reference=")[1];
        Assert.Equal("a.b-c@sub.example.dk", factory.With(db => db.OutboxMessages.Single(m => m.ProposalReference == reference).Addresses));
    }

    public static TheoryData<string, byte[], string> Hostile() => new()
    {
        { "MZ-polyglot.pdf", TestFiles.Pdf(preamble: TestFiles.WindowsProgramHeader()), "indeholder HTML eller et program" },
        { "side.pdf", "%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n"u8.ToArray(),
            "indeholder HTML eller et program" },
        { "html-i-pdf.pdf", TestFiles.Pdf(preamble: "%<!DOCTYPE html><script>alert(1)</script>"u8.ToArray()),
            "indeholder HTML eller et program" },
        { "script.pdf", TestFiles.Pdf("/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> "), "indeholder /JavaScript" },
        { "skjult.pdf", TestFiles.Pdf("/OpenAction << /S /J#61vaScript /J#53 (app.alert\\(1\\)) >> "), "indeholder /JavaScript" },
        { "pakket.pdf", TestFiles.Pdf("/OpenAction 5 0 R ", null, TestFiles.ObjectStream("<< /S /JavaScript /JS (app.alert\\(1\\)) >>")),
            "indeholder /JavaScript" },
        { "start.pdf", TestFiles.Pdf("/OpenAction << /S /Launch /F (cmd.exe) >> "), "indeholder /Launch" },
        { "indlejret.pdf", TestFiles.Pdf("/Names << /EmbeddedFiles << /Names [] >> >> "), "indeholder /EmbeddedFiles" },
        { "kun-hoved.pdf", "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"u8.ToArray(), "er ikke en gyldig PDF-fil" },
        { "program.pdf", [.. TestFiles.WindowsProgramHeader(), .. TestFiles.Pdf()], "er ikke en PDF-fil" },
        { "tom.docx", TestFiles.Office("word/other.xml"), "mangler de dele" },
        { "regneark.xlsx", [.. "PK\u0003\u0004"u8, .. new byte[100]], "er ikke en Office-fil (zip-pakken kan ikke åbnes)" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task A_hostile_attachment_is_refused_with_a_danish_reason_and_nothing_is_stored(string name, byte[] content, string reason)
    {
        var (proposals, attachments) = (Proposals(), Attachments());
        var page = await (await SubmitAsync(Login.Anonymous(factory), Valid(), (name, content))).Content.ReadAsStringAsync(
            TestContext.Current.CancellationToken);
        Assert.Contains($"Bilaget &#x27;{name}&#x27; {reason}", page);
        Assert.Equal((proposals, attachments), (Proposals(), Attachments()));
    }

    [Fact]
    public async Task A_docx_whose_entry_inflates_to_500_mb_is_refused_by_inflating_not_by_trusting_its_header()
    {
        var attachments = Attachments();
        var bomb = TestFiles.Office("word/document.xml", zeroBytes: 500L * 1024 * 1024);
        Assert.True(bomb.Length < 2 * 1024 * 1024, $"the bomb is {bomb.Length} bytes");
        var started = System.Diagnostics.Stopwatch.StartNew();
        var page = await (await SubmitAsync(Login.Anonymous(factory), Valid(), ("bombe.docx", bomb))).Content.ReadAsStringAsync(
            TestContext.Current.CancellationToken);
        Assert.Contains("Bilaget &#x27;bombe.docx&#x27; fylder mere end 100 MB udpakket", page);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"checking took {started.Elapsed}");
        Assert.Equal(attachments, Attachments());
    }

    [Theory]
    [InlineData("..\\..\\windows\\evil.pdf", "evil.pdf")]
    [InlineData("../../etc/evil.pdf", "evil.pdf")]
    [InlineData("kontrakt\u202Excod.pdf", "kontraktxcod.pdf")]
    [InlineData("a\u0000b\u0007c\u200Fd\u2066.pdf", "abcd.pdf")]
    [InlineData("..pdf", "bilag.pdf")]
    [InlineData("rapport<script>.PDF", "rapport_script_.pdf")]
    public void A_file_name_loses_paths_controls_and_bidi_characters_and_keeps_its_extension(string original, string expected) =>
        Assert.Equal(expected, AttachmentName.Sanitise(original));

    [Fact]
    public void A_long_file_name_is_cut_to_100_characters_keeping_the_extension()
    {
        var name = AttachmentName.Sanitise(new string('a', 300) + ".docx");
        Assert.Equal((100, ".docx"), (name.Length, Path.GetExtension(name)));
    }

    [Fact]
    public async Task Hostile_names_are_stored_sanitised_under_the_row_id_and_only_the_funds_secretariat_downloads_them()
    {
        var pdf = TestFiles.Pdf();
        var docx = TestFiles.Office("word/document.xml");
        var response = await SubmitAsync(Login.Anonymous(factory), Valid(), ("..\\..\\windows\\evil.pdf", pdf),
            ("kontrakt\u202Excod.pdf", pdf), ("plan.docx", docx));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var reference = response.Headers.Location!.OriginalString.Split("reference=")[1];
        var stored = factory.With(db => db.ProposalAttachments.AsNoTracking().Where(a => a.Proposal!.Reference == reference)
            .OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.FileName, a.ContentType }).ToList());
        Assert.Equal(["evil.pdf", "kontraktxcod.pdf", "plan.docx"], stored.Select(a => a.FileName));
        Assert.Equal([AttachmentCheck.Pdf, AttachmentCheck.Pdf, AttachmentCheck.Docx], stored.Select(a => a.ContentType));

        var secretariat = await Login.AsAsync(factory, Login.Email(Roles.Secretariat));
        var details = await secretariat.GetStringAsync($"/Funds/aarhus/Proposals/{reference}", TestContext.Current.CancellationToken);
        Assert.False(details.Contains('\u202E', StringComparison.Ordinal), "the page shows a right-to-left override");
        Assert.DoesNotContain("windows", details);
        var url = $"/Funds/aarhus/Proposals/{reference}/Attachments/{stored[2].Id}";
        Assert.Contains($"href=\"{url}\"", details);

        var download = await secretariat.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(docx, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(AttachmentCheck.Docx, download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("plan.docx", download.Content.Headers.ContentDisposition.FileName?.Trim('"')
            ?? download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
        var evil = await secretariat.GetAsync($"/Funds/aarhus/Proposals/{reference}/Attachments/{stored[0].Id}",
            TestContext.Current.CancellationToken);
        Assert.Equal(("application/pdf", "evil.pdf"),
            (evil.Content.Headers.ContentType!.MediaType, evil.Content.Headers.ContentDisposition!.FileNameStar));

        // Another proposal's id under this reference, and an unknown fund, are not found.
        var other = await SubmitAsync(Login.Anonymous(factory), Valid(), ("anden.pdf", pdf));
        var otherReference = other.Headers.Location!.OriginalString.Split("reference=")[1];
        var otherId = factory.With(db => db.ProposalAttachments.Single(a => a.Proposal!.Reference == otherReference).Id);
        Assert.Equal(HttpStatusCode.NotFound,
            (await secretariat.GetAsync($"/Funds/aarhus/Proposals/{reference}/Attachments/{otherId}",
                TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await secretariat.GetAsync($"/Funds/nowhere/Proposals/{reference}/Attachments/{otherId}",
                TestContext.Current.CancellationToken)).StatusCode);

        // Nobody else: anonymous is sent to log in; the council, the other roles and fund B's secretariat are refused.
        Assert.Contains("/Account/Login",
            (await Login.Anonymous(factory).GetAsync(url, TestContext.Current.CancellationToken)).Headers.Location!.OriginalString);
        foreach (var role in Roles.All.Where(r => r != Roles.Secretariat))
            await AssertRefusedAsync(await Login.AsAsync(factory, Login.Email(role)), url);
        await AssertRefusedAsync(await SecretariatOfAnotherFundAsync(), url);
    }

    private static async Task AssertRefusedAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
            || response.StatusCode == HttpStatusCode.Redirect
                && response.Headers.Location!.OriginalString.Contains("/Account/AccessDenied"),
            $"{url} gave {response.StatusCode} {response.Headers.Location}");
        Assert.Null(response.Content.Headers.ContentDisposition);
    }

    private async Task<HttpClient> SecretariatOfAnotherFundAsync()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BundlinjeDb>();
            db.Funds.Add(new Bundlinje.Fund.Fund { Key = "fond-b", Name = "Fond B" });
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<Accounts>()
                .AddAsync("sekretariat@fond-b.dk", Roles.Secretariat, ["fond-b"], "Fond-B-sekretariat-2026");
        }
        var client = Login.Anonymous(factory);
        var token = await Login.TokenAsync(client, "/Account/Login");
        var login = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        { ["Email"] = "sekretariat@fond-b.dk", ["Password"] = "Fond-B-sekretariat-2026", ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return client;
    }
}
