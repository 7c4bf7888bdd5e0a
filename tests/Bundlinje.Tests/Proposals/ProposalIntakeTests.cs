using System.Net;
using System.Net.Http.Headers;
using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;

namespace Bundlinje.Tests.Proposals;

/// <summary>The public proposal form, as an anonymous visitor and then the secretariat.</summary>
public sealed class ProposalIntakeTests : IAsyncLifetime
{
    private BundlinjeFactory factory = null!;
    public ValueTask InitializeAsync() { factory = BundlinjeFactory.Sqlite(); return ValueTask.CompletedTask; }
    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    private static readonly byte[] Pdf = TestFiles.Pdf();

    private async Task<HttpResponseMessage> SubmitAsync(HttpClient client, Dictionary<string, string> fields,
        params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent { { new StringContent(await Login.TokenAsync(client, "/Proposals/New")),
            "__RequestVerificationToken" } };
        foreach (var (key, value) in fields) form.Add(new StringContent(value), key);
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "Files", name);
        }
        return await client.PostAsync("/Proposals/New", form);
    }

    private static Dictionary<string, string> Valid() => new()
    {
        ["ProposerType"] = "Ngo", ["Proposer"] = "Foreningen Fællesskab", ["Contact"] = "kontakt@example.dk",
        ["Title"] = "Mentorer til unge <script>alert('x')</script>", ["Problem"] = "Unge falder fra uddannelse.",
        ["TargetGroup"] = "Unge 16-24 år uden uddannelse", ["Intervention"] = "Frivillige mentorer i et år",
    };

    [Fact]
    public async Task A_proposal_from_the_public_gets_a_reference_and_appears_escaped_for_the_secretariat()
    {
        var visitor = Login.Anonymous(factory);
        var response = await SubmitAsync(visitor, Valid(), ("beskrivelse.pdf", Pdf));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var reference = response.Headers.Location!.OriginalString.Split("reference=")[1];
        Assert.Matches(@"^H-\d{4}-\d{3}$", reference);
        Assert.Contains(reference,
            await visitor.GetStringAsync(response.Headers.Location.OriginalString, TestContext.Current.CancellationToken));

        var stored = factory.With(db => db.Proposals.Single(p => p.Reference == reference));
        Assert.Equal(("Foreningen Fællesskab", 1),
            (stored.Proposer, factory.With(db => db.ProposalAttachments.Count(a => a.ProposalId == stored.Id))));
        var list = await (await Login.AsAsync(factory, Login.Email(Roles.Secretariat))).GetStringAsync("/Funds/aarhus/Proposals",
            TestContext.Current.CancellationToken);
        Assert.Contains("Mentorer til unge &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", list);
        Assert.DoesNotContain("<script>alert", list);
    }

    [Fact]
    public async Task Bad_input_gets_a_message_per_field_and_stores_nothing()
    {
        var visitor = Login.Anonymous(factory);
        var before = factory.With(db => db.Proposals.Count());
        var empty = await (await SubmitAsync(visitor, new() { ["Contact"] = "ikke-en-adresse" })).Content.ReadAsStringAsync(
            TestContext.Current.CancellationToken);
        foreach (var message in new[] { "Vælg hvem henvendelsen kommer fra.", "Titel skal udfyldes.",
            "E-mail: skriv én gyldig e-mailadresse (ikke en liste og uden linjeskift).", "Målgruppen skal udfyldes." })
            Assert.Contains(message, empty);
        var exe = await (await SubmitAsync(visitor, Valid(), ("rapport.pdf", "MZ\u0090\0\u0003"u8.ToArray()))).Content.ReadAsStringAsync(
            TestContext.Current.CancellationToken);
        Assert.Contains("Bilaget &#x27;rapport.pdf&#x27; er ikke en PDF-fil", exe);
        var big = await (await SubmitAsync(visitor, Valid(),
            ("stor.pdf", [.. Pdf, .. new byte[20 * 1024 * 1024]]))).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Bilaget &#x27;stor.pdf&#x27; er større end 10 MB.", big);
        Assert.Equal(before, factory.With(db => db.Proposals.Count()));

        var bot = await SubmitAsync(visitor, new(Valid()) { ["Website"] = "http://spam.example" });
        Assert.Equal("/Proposals/Received", bot.Headers.Location!.OriginalString);
        Assert.Equal(before, factory.With(db => db.Proposals.Count()));
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(visitor, Valid())).StatusCode);        // the fifth post in ten minutes
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SubmitAsync(visitor, Valid())).StatusCode); // the sixth is refused
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> fields,
        params (string Key, string Value)[] repeated)
    {
        var pairs = fields.Select(f => KeyValuePair.Create(f.Key, f.Value))
            .Concat(repeated.Select(r => KeyValuePair.Create(r.Key, r.Value))).ToList();
        pairs.Add(KeyValuePair.Create("__RequestVerificationToken", await Login.TokenAsync(client, url)));
        return await client.PostAsync(url, new FormUrlEncodedContent(pairs));
    }

    [Fact]
    public async Task The_secretariat_sends_for_assessment_the_analyst_assesses_and_the_proposal_ends_as_donation_or_investment_in_phase_1()
    {
        var visitor = Login.Anonymous(factory);
        string Reference(HttpResponseMessage r) => r.Headers.Location!.OriginalString.Split("reference=")[1];
        var first = Reference(await SubmitAsync(visitor, Valid()));
        var second = Reference(await SubmitAsync(visitor, new(Valid()) { ["Title"] = "Lektiecafé i Gellerup" }));
        Assert.Contains(factory.With(db => db.OutboxMessages.Where(m => m.ProposalReference == first).ToList()),
            m => m.Addresses == "kontakt@example.dk" && m.Subject.Contains("er modtaget") && m.SentAt == null);

        var secretariat = await Login.AsAsync(factory, Login.Email(Roles.Secretariat));
        Task<HttpResponseMessage> Advance(string reference, string step, string note, string amount = "") =>
            PostAsync(secretariat, $"/Funds/aarhus/Proposals/{reference}",
                new() { ["Step"] = step, ["Note"] = note, ["AmountText"] = amount });
        Task<HttpResponseMessage> Send(string reference, string due, params string[] departments) =>
            PostAsync(secretariat, $"/Funds/aarhus/Proposals/{reference}", new() { ["Step"] = "SentForAssessment", ["DueOn"] = due },
                [.. departments.Select(d => ("Departments", d))]);

        Assert.Contains("kan ikke gå til Launched",
            await (await Advance(first, "Launched", "for tidligt")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("Afdelinger: vælg mindst én afdeling",
            await (await Send(first, "2099-12-15")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("Frist: fristen skal ligge efter i dag",
            await (await Send(first, "2020-01-01", "sfb")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.Redirect, (await Send(first, "2099-12-15", "sfb", "boern-og-unge")).StatusCode);
        var requests = factory.With(db => db.AssessmentRequests.Where(r => r.Proposal!.Reference == first)
            .Select(r => new { r.Id, r.Organisation!.Key, r.DueOn }).ToList());
        Assert.Equal(["boern-og-unge", "sfb"], requests.Select(r => r.Key).Order());
        Assert.All(requests, r => Assert.Equal(new DateOnly(2099, 12, 15), r.DueOn));
        // The request to SFB is addressed to its analyst; Børn og Unge has no analyst account, so that message has no address yet.
        var toAssessors = factory.With(db =>
            db.OutboxMessages.Where(m => m.ProposalReference == first && m.Recipient.StartsWith("Analytikere")).ToList());
        Assert.Contains(toAssessors, m => m.Recipient.EndsWith("Sociale Forhold og Beskæftigelse")
            && m.Addresses == Login.Email(Roles.DepartmentAnalyst));
        Assert.Contains(toAssessors, m => m.Recipient.EndsWith("Børn og Unge") && m.Addresses == null);

        var analyst = await Login.AsAsync(factory, Login.Email(Roles.DepartmentAnalyst));
        var own = requests.Single(r => r.Key == "sfb").Id;
        var other = requests.Single(r => r.Key == "boern-og-unge").Id;
        Assert.Contains("Mentorer til unge &lt;script&gt;",
            await analyst.GetStringAsync("/Assessments", TestContext.Current.CancellationToken));
        Assert.Contains("/Account/AccessDenied",
            (await analyst.GetAsync($"/Assessments/{other}", TestContext.Current.CancellationToken)).Headers.Location!.OriginalString);
        var incomplete = await (await PostAsync(analyst, $"/Assessments/{own}",
            new() { ["Relevance"] = "Stor relevans" })).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Umiddelbare økonomiske konsekvenser skal udfyldes.", incomplete);
        Assert.Contains("Vælg en anbefaling.", incomplete);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(analyst, $"/Assessments/{own}", new()
        {
            ["Relevance"] = "Supplerer UU's tilbud", ["EconomicConsequences"] = "Ingen umiddelbare udgifter",
            ["Recommendation"] = "Donation"
        })).StatusCode);
        var page = await secretariat.GetStringAsync($"/Funds/aarhus/Proposals/{first}", TestContext.Current.CancellationToken);
        Assert.Contains("Faglig belysning modtaget</strong> – Belysning fra Sociale Forhold og Beskæftigelse", page);
        Assert.Contains("Supplerer UU&#x27;s tilbud", page);
        Assert.Contains("Afventer belysning", page); // Børn og Unge has not answered

        Assert.Equal(HttpStatusCode.Redirect, (await Advance(first, "Donation", "Modning af idéen", "150.000")).StatusCode);
        var donation = factory.With(db => db.LedgerPostings.Single(p => p.SourceReference == $"proposal:{first}"));
        Assert.Equal((Bundlinje.Fund.LedgerKind.Donation, 150_000m, "Donationer"), (donation.Kind, donation.Amount, donation.Category));
        Assert.Contains(factory.With(db => db.OutboxMessages.Where(m => m.ProposalReference == first).ToList()), m =>
            m.Body.Contains("donation på 150.000 kr."));

        Assert.Equal(HttpStatusCode.Redirect, (await Send(second, "2099-12-15", "boern-og-unge")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Advance(second, "TakenIntoDevelopment", "Fase 1")).StatusCode);
        var investment = factory.With(db => db.Investments.Single(i => i.Key == "lektiecaf-i-gellerup"));
        Assert.Equal(Bundlinje.Investments.InvestmentStatus.InDevelopment, investment.Status);
        Assert.Equal(Bundlinje.Investments.DevelopmentPhase.Idea,
            factory.With(db => db.PhaseChanges.Single(c => c.InvestmentId == investment.Id)).Phase);
        var timeline = await secretariat.GetStringAsync($"/Funds/aarhus/Proposals/{second}", TestContext.Current.CancellationToken);
        Assert.Contains("Sendt til faglig belysning</strong> – Til belysning i Børn og Unge, frist 15-12-2099", timeline);
        Assert.Contains(Login.Email(Roles.Secretariat), timeline);
        Assert.Contains("lektiecaf-i-gellerup",
            await secretariat.GetStringAsync("/Funds/aarhus/Board", TestContext.Current.CancellationToken));
        Assert.Contains("bliver igangsat, når investeringens godkendelseskæde er fuldført",
            await (await Advance(second, "Launched", "")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        // The two rejections need a reason, and end the proposal's way.
        var third = Reference(await SubmitAsync(visitor, new(Valid()) { ["Title"] = "Ny hal" }));
        Assert.Contains("en afvisning skal have en begrundelse",
            await (await Advance(third, "DirectRejection", "")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.Redirect, (await Advance(third, "DirectRejection", "Ikke en social investering")).StatusCode);
        Assert.DoesNotContain("id=\"Step\"",
            await secretariat.GetStringAsync($"/Funds/aarhus/Proposals/{third}", TestContext.Current.CancellationToken));
        var fourth = Reference(await SubmitAsync(visitor, new(Valid()) { ["Title"] = "Natcafé" }));
        Assert.Equal(HttpStatusCode.Redirect, (await Send(fourth, "2099-12-15", "sfb")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Advance(fourth, "RejectedAfterAssessment", "Findes allerede i SFB")).StatusCode);
        Assert.Contains("Afvist efter faglig belysning</strong> – Findes allerede i SFB",
            await secretariat.GetStringAsync($"/Funds/aarhus/Proposals/{fourth}", TestContext.Current.CancellationToken));

        var council = await Login.AsAsync(factory, Login.Email(Roles.CouncilMember));
        var events = factory.With(db => db.Proposals.Where(p => p.Reference == second).SelectMany(p => p.Events).Count());
        await PostAsync(council, $"/Funds/aarhus/Proposals/{second}", new() { ["Step"] = "Launched" });
        // a council member cannot move it
        Assert.Equal(events, factory.With(db => db.Proposals.Where(p => p.Reference == second).SelectMany(p => p.Events).Count()));
    }
}
