using Bundlinje.Agreements;
using Bundlinje.Common;
using Bundlinje.Investments;
using Bundlinje.Organisations;
using Bundlinje.Tests.Infrastructure;

namespace Bundlinje.Tests.Agreements;

public sealed class AgreementRevisionTests
{
    private static Investment DialogModVold() => new()
    {
        Key = "dialog-mod-vold", Name = "Dialog mod Vold", PlannedParticipants = 25,
        Parties =
        [
            new Party { Role = PartyRole.Investor, Capital = 2_500_000m, Organisation = new Organisation { Key = "rsi", Name = "RSI" } },
            new Party { Role = PartyRole.Investor, Capital = 2_500_000m, Organisation = new Organisation { Key = "dsi", Name = "DSI" } },
        ],
        Versions = [new() { Number = 1, EffectiveOn = new(2021, 2, 1), Reason = "Aftale indgået" }],
    };

    private static RevisionRequest Request(DateOnly on, int? planned = null, Dictionary<string, decimal>? capital = null) =>
        new(on, "For få familier", planned, null, null, null, null, capital ?? []);

    [Fact]
    public void Revision_records_what_changed_and_applies_it()
    {
        var investment = DialogModVold();
        var version = AgreementRevision.Revise(investment, Request(new(2023, 1, 1), 15, new() { ["rsi"] = 1_700_000m }), "sekretariat");

        Assert.Equal(2, version.Number);
        Assert.Equal(15, investment.PlannedParticipants);
        Assert.Equal(1_700_000m, investment.Parties[0].Capital);
        Assert.Equal(2_500_000m, investment.Parties[1].Capital);
        Assert.Equal(
            [("capital:rsi", "2500000", "1700000"), ("plannedParticipants", "25", "15")],
            version.Changes.Select(c => (c.Field, c.OldValue, c.NewValue)).OrderBy(c => c.Field));
    }

    [Fact]
    public void Revision_that_changes_nothing_is_refused()
    {
        var e = Assert.Throws<Refused>(() => AgreementRevision.Revise(DialogModVold(), Request(new(2023, 1, 1), 25), "x"));
        Assert.Contains("ændrer ingen vilkår", e.Da());
    }

    [Fact]
    public void Revision_cannot_predate_the_version_before_it()
    {
        var e = Assert.Throws<Refused>(() => AgreementRevision.Revise(DialogModVold(), Request(new(2020, 1, 1), 15), "x"));
        Assert.Equal("EffectiveOn", e.Field);
    }

    [Fact]
    public void Capital_can_only_be_revised_for_an_investor_of_the_investment()
    {
        var e = Assert.Throws<Refused>(() =>
            AgreementRevision.Revise(DialogModVold(), Request(new(2023, 1, 1), capital: new() { ["bikubenfonden"] = 1m }), "x"));
        Assert.Contains("bikubenfonden", e.Da());
    }
}
