using System.Net;
using System.Text.Json;
using Bundlinje.Common;
using Bundlinje.Data;
using Bundlinje.Investments;
using Bundlinje.Publication;
using Bundlinje.Tests.FollowUps;
using Bundlinje.Tests.Infrastructure;
using Bundlinje.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Tests.Publication;

public sealed class SqlitePublicationTests(SqliteDemoApp app) : PublicationTests(app), IClassFixture<SqliteDemoApp>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresPublicationTests(PostgresDemoApp app) : PublicationTests(app), IClassFixture<PostgresDemoApp>;

/// <summary>Publish by field over the Aarhus demo (with its synthetic participants) on each database: nothing is public
/// by default, a draft is not public until someone other than its drafter approves it, an approval is saved once (the
/// unique index decides two at once), the history is kept, the demo publishes the annual reports' fields, and no
/// participant's data comes out of the published set.</summary>
public abstract class PublicationTests(DemoApp app)
{
    private const string Drafter = "sekretariat@demo.bundlinje.dk", Approver = "sekretariat2@demo.bundlinje.dk";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private BundlinjeFactory Factory
    {
        get
        {
            if (app.Unavailable is { } reason) Requirement.Missing(reason);
            return app.Factory;
        }
    }

    /// <summary>Runs <paramref name="use"/> in its own scope as <paramref name="user"/>.</summary>
    private async Task<T> As<T>(string user, Func<Publications, Task<T>> use)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<JobActor>().Name = user;
        return await use(scope.ServiceProvider.GetRequiredService<Publications>());
    }

    private Task<int> AarhusAsync() => Factory.WithAsync(db => db.Funds.Where(f => f.Key == "aarhus").Select(f => f.Id).SingleAsync(Ct));

    /// <summary>A new investment of the demo fund, inserted directly (the set-up, not the subject).</summary>
    private async Task<Investment> NewInvestmentAsync()
    {
        var fundId = await AarhusAsync();
        var key = "pub-" + Guid.NewGuid().ToString("N")[..8];
        return await Factory.WithAsync(async db =>
        {
            var investment = new Investment { Key = key, Name = "Publiceringsprøve " + key, FundId = fundId };
            db.Investments.Add(investment);
            await db.SaveChangesAsync(Ct);
            return investment;
        });
    }

    private Task<InvestmentPublication> StateAsync(Investment i) => As(Drafter, p => p.OfAsync(i, Ct));

    private async Task<PublishedInvestment?> PublishedAsync(Investment i) =>
        (await As(Drafter, p => p.PublishedAsync(i.FundId, Ct))).SingleOrDefault(p => p.InvestmentId == i.Id);

    [Fact]
    public async Task A_new_investment_has_nothing_public_and_is_not_in_the_published_set()
    {
        var investment = await NewInvestmentAsync();
        var state = await StateAsync(investment);
        Assert.Equal(Enum.GetValues<PublicationField>(), state.Fields.Select(f => f.Field));
        Assert.All(state.Fields, f => Assert.False(f.IsPublic));
        Assert.Empty(state.AwaitingReview);
        Assert.Null(await PublishedAsync(investment));
    }

    [Fact]
    public async Task A_draft_is_not_public_until_someone_other_than_its_drafter_approves_it()
    {
        var investment = await NewInvestmentAsync();
        await As(Drafter, p => p.DraftAsync(investment, PublicationField.NameAndPurpose, true, 0, null, Ct));
        await As(Drafter, p => p.DraftAsync(investment, PublicationField.Results, true, 0, null, Ct));
        Assert.Null(await PublishedAsync(investment));
        Assert.Equal([PublicationField.NameAndPurpose, PublicationField.Results],
            (await StateAsync(investment)).AwaitingReview.Select(f => f.Field));

        var own = await Assert.ThrowsAsync<Refused>(() => As(Drafter, p => p.ApproveAsync(investment, PublicationField.Results, 1, Ct)));
        Assert.Equal("publication.ownDraft", own.Problems.Single().Code);
        Assert.Null(await PublishedAsync(investment));

        await As(Approver, p => p.ApproveAsync(investment, PublicationField.NameAndPurpose, 1, Ct));
        Assert.Equal([PublicationField.NameAndPurpose], (await PublishedAsync(investment))!.Fields);
        var approval = await As(Approver, p => p.ApproveAsync(investment, PublicationField.Results, 1, Ct));
        Assert.Equal(Approver, approval.ApprovedBy);
        Assert.Equal([PublicationField.NameAndPurpose, PublicationField.Results], (await PublishedAsync(investment))!.Fields.Order());
        var again = await Assert.ThrowsAsync<Refused>(() => As("raad@demo.bundlinje.dk",
            p => p.ApproveAsync(investment, PublicationField.Results, 1, Ct)));
        Assert.Equal("publication.alreadyApproved", again.Problems.Single().Code);
    }

    [Fact]
    public async Task Two_approvals_at_once_save_one_and_tell_the_other()
    {
        var investment = await NewInvestmentAsync();
        await As(Drafter, p => p.DraftAsync(investment, PublicationField.NameAndPurpose, true, 0, null, Ct));
        var outcomes = await Task.WhenAll(new[] { Approver, "raad@demo.bundlinje.dk" }.Select(user => Task.Run(async () =>
        {
            try { return (await As(user, p => p.ApproveAsync(investment, PublicationField.NameAndPurpose, 1, Ct))).ApprovedBy; }
            catch (Refused e) { return e.Problems.Single().Code; }
        }, Ct)));
        Assert.Single(outcomes, o => o.EndsWith("@demo.bundlinje.dk", StringComparison.Ordinal));
        Assert.Single(outcomes, o => o == "publication.alreadyApproved");
        var step = Assert.Single((await StateAsync(investment)).Fields[0].History);
        Assert.Contains(step.Approval!.ApprovedBy, outcomes);
    }

    [Fact]
    public async Task Two_drafts_on_the_same_revision_save_one_and_tell_the_other()
    {
        var investment = await NewInvestmentAsync();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            try { return (await As(Drafter, p => p.DraftAsync(investment, PublicationField.Capital, true, 0, null, Ct))).Revision; }
            catch (Refused e) { return e.Problems.Single().Code is "publication.changed" or "publication.draftedConcurrently" ? -1 : -2; }
        }, Ct)));
        Assert.Equal([-1, 1], outcomes.Order());
        Assert.Single(Assert.Single((await StateAsync(investment)).Fields, f => f.Field == PublicationField.Capital).History);
    }

    [Fact]
    public async Task The_history_is_kept_and_the_latest_approved_revision_decides()
    {
        var investment = await NewInvestmentAsync();
        var f = PublicationField.Payments;
        await As(Drafter, p => p.DraftAsync(investment, f, true, 0, null, Ct));
        await As(Approver, p => p.ApproveAsync(investment, f, 1, Ct));
        await As(Drafter, p => p.DraftAsync(investment, f, false, 1, "Betalingerne forhandles", Ct));
        var field = (await StateAsync(investment)).Fields.Single(x => x.Field == f);
        Assert.True(field.IsPublic); // the private draft is not in force until approved
        Assert.Equal(2, field.Pending!.Revision.Revision);
        var stale = await Assert.ThrowsAsync<Refused>(() => As(Drafter, p => p.DraftAsync(investment, f, true, 1, null, Ct)));
        Assert.Equal("publication.changed", stale.Problems.Single().Code);
        var old = await Assert.ThrowsAsync<Refused>(() => As("raad@demo.bundlinje.dk", p => p.ApproveAsync(investment, f, 1, Ct)));
        Assert.Equal("publication.notLatest", old.Problems.Single().Code); // only the latest draft can be approved
        await As(Approver, p => p.ApproveAsync(investment, f, 2, Ct));
        field = (await StateAsync(investment)).Fields.Single(x => x.Field == f);
        Assert.False(field.IsPublic);
        Assert.Null(field.Pending);
        Assert.Equal([(2, false, Approver), (1, true, Approver)],
            field.History.Select(s => (s.Revision.Revision, s.Revision.IsPublic, s.Approval!.ApprovedBy)));
        Assert.Equal("Betalingerne forhandles", field.History[0].Revision.Note);
        // The database itself keeps the history: a revision cannot be changed or deleted.
        await Assert.ThrowsAnyAsync<Exception>(() => Factory.WithAsync(db => db.PublicationRevisions
            .Where(r => r.InvestmentId == investment.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.IsPublic, true), Ct)));
        await Assert.ThrowsAnyAsync<Exception>(() => Factory.WithAsync(db => db.PublicationApprovals
            .Where(a => a.FundId == investment.FundId).ExecuteDeleteAsync(Ct)));
    }

    [Fact]
    public async Task The_demo_publishes_the_fields_the_annual_reports_publish_approved_by_another_secretariat_member()
    {
        var fundId = await AarhusAsync();
        var demo = await Factory.WithAsync(db => db.Investments.Where(i => i.FundId == fundId && !i.Key.StartsWith("pub-"))
            .Select(i => i.Id).ToListAsync(Ct));
        Assert.Equal(11, demo.Count);
        var published = (await As(Drafter, p => p.PublishedAsync(fundId, Ct))).ToDictionary(p => p.InvestmentId);
        var status = await As(Drafter, p => p.StatusAsync(fundId, null, Ct));
        foreach (var id in demo)
        {
            Assert.Equal(Publications.AnnualReportFields.Order(), published[id].Fields.Order());
            Assert.False(published[id].Shows(PublicationField.Documents));
            Assert.All(status.Single(s => s.InvestmentId == id).Fields.Where(f => f.Approved is not null), f =>
            {
                Assert.Equal((Drafter, Approver), (f.Approved!.Revision.DraftedBy, f.Approved.Approval!.ApprovedBy));
                Assert.StartsWith("Demo:", f.Approved.Revision.Note);
            });
        }
    }

    [Fact]
    public async Task Loading_the_demo_again_adds_no_publication_records()
    {
        string Counts() => Factory.With(db => $"{db.PublicationRevisions.Count()}/{db.PublicationApprovals.Count()}");
        var before = Counts();
        await using (var scope = Factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DemoData>().LoadAsync(Ct);
        Assert.Equal(before, Counts());
        var (exit, _, error) = await Factory.CliAsync("demo", "load");
        Assert.True(exit == 0, error);
        Assert.Equal(before, Counts());
    }

    [Fact]
    public async Task No_participant_data_comes_out_of_the_published_set()
    {
        var fundId = await AarhusAsync();
        var participants = await Factory.WithAsync(db => db.Participants.AsNoTracking()
            .Where(p => db.Investments.Any(i => i.Id == p.InvestmentId && i.FundId == fundId)).ToListAsync(Ct));
        Assert.NotEmpty(participants); // the demo's synthetic follow-ups have participants
        var published = await As(Drafter, p => p.PublishedAsync(fundId, Ct));
        Assert.NotEmpty(published);
        var json = JsonSerializer.Serialize(published);
        Assert.All(participants, p => Assert.DoesNotContain(p.Pseudonym, json, StringComparison.Ordinal));
        // There is no field group for participant data, and the published record carries nothing but the groups.
        Assert.DoesNotContain(Enum.GetNames<PublicationField>(), n => n.Contains("Participant", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["InvestmentId", "Key", "Name", "Fields"], typeof(PublishedInvestment).GetProperties().Select(p => p.Name));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, params (string, string)[] fields)
    {
        var form = fields.ToDictionary(f => f.Item1, f => f.Item2);
        form["__RequestVerificationToken"] = await Login.TokenAsync(client, "/Portfolio");
        return await client.PostAsync(url, new FormUrlEncodedContent(form), Ct);
    }

    private static async Task<string> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_page_drafts_and_another_secretariat_member_approves_with_plain_forms_and_the_cli_shows_the_status()
    {
        var investment = await NewInvestmentAsync();
        var url = $"/Investments/{investment.Key}/Publication";
        using var drafter = await Login.AsAsync(Factory, Drafter);
        using var approver = await Login.AsAsync(Factory, Approver);
        using var council = await Login.AsAsync(Factory, "raad@demo.bundlinje.dk");
        Assert.Contains("Ikke offentlig (aldrig godkendt)", await PageAsync(drafter, url));

        var draft = await PostAsync(drafter, url + "?handler=Draft", ("field", "Documents"), ("isPublic", "true"), ("basedOn", "0"));
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        var page = await PageAsync(drafter, url);
        Assert.Contains("En anden i sekretariatet skal godkende dit udkast.", page);
        Assert.DoesNotContain("handler=Approve", page);
        var (exit, output, _) = await Factory.CliAsync("publish", "status", "--fund", "aarhus");
        Assert.Equal(0, exit);
        Assert.Contains($"{investment.Key}: public nothing", output);
        Assert.Contains("awaiting review: Documents -> public (revision 1, drafted by " + Drafter, output);

        var own = await PostAsync(drafter, url + "?handler=Approve", ("field", "Documents"), ("revision", "1"));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("dit eget udkast", WebUtility.HtmlDecode(await own.Content.ReadAsStringAsync(Ct)));
        var forged = await PostAsync(drafter, url + "?handler=Draft", ("field", "0"), ("isPublic", "true"), ("basedOn", "0"));
        Assert.Contains("ukendt feltgruppe", WebUtility.HtmlDecode(await forged.Content.ReadAsStringAsync(Ct)));
        Assert.Contains("handler=Approve", await PageAsync(approver, url));
        Assert.Equal(HttpStatusCode.Redirect,
            (await PostAsync(approver, url + "?handler=Approve", ("field", "Documents"), ("revision", "1"))).StatusCode);

        var read = await PageAsync(council, url);
        Assert.Contains("Godkendt af " + Approver, read);
        Assert.DoesNotContain("handler=Draft", read);
        var denied = await PostAsync(council, url + "?handler=Draft", ("field", "Documents"), ("isPublic", "false"), ("basedOn", "1"));
        Assert.True(denied.StatusCode == HttpStatusCode.Forbidden || denied.Headers.Location?.OriginalString
            .Contains("/Account/AccessDenied", StringComparison.Ordinal) == true, $"{denied.StatusCode} {denied.Headers.Location}");
        Assert.Single((await StateAsync(investment)).Fields.Single(f => f.Field == PublicationField.Documents).History);
        (exit, output, _) = await Factory.CliAsync("publish", "status", "--fund", "aarhus");
        Assert.Contains($"{investment.Key}: public Documents", output);
    }
}
