using Bundlinje.Proposals;
using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;

namespace Bundlinje.Tests.Proposals;

/// <summary>Messages wait in the outbox while SMTP is off, and are delivered by the real SMTP client when it is on.</summary>
public sealed class OutboxTests
{
    private static async Task<string> SubmitAsync(BundlinjeFactory factory) =>
        await factory.WithAsync(async db =>
        {
            var intake = new Intake(db, TimeProvider.System);
            return await intake.SubmitAsync("aarhus",
                new IntakeForm(ProposerType.Citizen, "Anna Borger", "anna@example.dk", "Fælles spisning",
                "Ensomhed", "Ældre", "Ugentlig spisning", null, null, null, []));
        });

    [Fact]
    public async Task Without_an_smtp_host_messages_stay_in_the_outbox_and_the_page_says_so()
    {
        await using var factory = BundlinjeFactory.Sqlite();
        var secretariat = await Login.AsAsync(factory, Login.Email(Roles.Secretariat));
        var reference = await SubmitAsync(factory);
        var outbox = await secretariat.GetStringAsync("/Funds/aarhus/Outbox", TestContext.Current.CancellationToken);
        Assert.Contains("SMTP er slået fra", outbox);
        Assert.Contains($"Kvittering: din henvendelse {reference} er modtaget", outbox);
        Assert.Null(factory.With(db => db.OutboxMessages.Single(m => m.ProposalReference == reference)).SentAt);
    }

    [Fact]
    public async Task With_an_smtp_host_the_sender_delivers_each_message_once()
    {
        await using var sink = new SmtpSink();
        await using var factory = BundlinjeFactory.Sqlite();
        factory.Settings["Bundlinje:Smtp:Host"] = "127.0.0.1";
        factory.Settings["Bundlinje:Smtp:Port"] = sink.Port.ToString();
        factory.Settings["Bundlinje:Smtp:From"] = "fonden@aarhus.example";
        factory.Settings["Bundlinje:Smtp:IntervalSeconds"] = "1";
        var secretariat = await Login.AsAsync(factory, Login.Email(Roles.Secretariat));
        var reference = await SubmitAsync(factory);

        for (var i = 0; i < 300 && factory.With(db => db.OutboxMessages.Single(m => m.ProposalReference == reference)).SentAt is null; i++)
            await Task.Delay(100, TestContext.Current.CancellationToken);
        var stored = factory.With(db => db.OutboxMessages.Single(m => m.ProposalReference == reference));
        Assert.NotNull(stored.SentAt);
        Assert.Equal(1, stored.Attempts);
        var mail = Assert.Single(sink.Messages);
        Assert.Equal(["<anna@example.dk>"], mail.To);
        Assert.Equal("<fonden@aarhus.example>", mail.From);
        Assert.Contains($"Subject: Kvittering: din henvendelse {reference} er modtaget", mail.Data);
        Assert.Contains("SMTP er slået til",
            await secretariat.GetStringAsync("/Funds/aarhus/Outbox", TestContext.Current.CancellationToken));
    }
}
