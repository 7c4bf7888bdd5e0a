using Bundlinje.Common;
using Bundlinje.Investments;
using Bundlinje.Organisations;
using Bundlinje.Security;

namespace Bundlinje.Tests.Investments;

public sealed class InvestmentTests
{
    [Fact]
    public void Planned_participants_sum_sub_projects_as_a_range()
    {
        var housingFirst = new Investment
        {
            Key = "housing-first", Name = "Housing First",
            SubProjects = [new() { Name = "Havnen", PlannedMin = 30, PlannedMax = 36 },
                new() { Name = "HJH", PlannedMin = 45, PlannedMax = 45 }],
        };
        Assert.Equal((75, 81), housingFirst.Planned());
        housingFirst.PlannedParticipants = 80;
        Assert.Equal((80, 80), housingFirst.Planned());
    }

    [Fact]
    public void Latest_enrolment_sums_sub_projects_on_the_latest_date()
    {
        var investment = new Investment
        {
            Key = "x", Name = "x",
            Enrolment = [new() { AsOf = new(2023, 12, 31), Enrolled = 25 }, new() { AsOf = new(2024, 12, 31), Enrolled = 32 },
                new() { AsOf = new(2024, 12, 31), Enrolled = 54 }],
        };
        Assert.Equal((new DateOnly(2024, 12, 31), 86), investment.LatestEnrolment());
    }

    [Theory]
    [InlineData(1_700_000, "1.700.000 kr.")]
    [InlineData(15_933_563.4, "15.933.563 kr.")]
    [InlineData(-230_000, "-230.000 kr.")]
    public void Amounts_are_formatted_da_DK(decimal amount, string expected) => Assert.Equal(expected, Kroner.Format(amount));

    [Theory]
    [InlineData(12_345.5, "12.345,50 kr.")]
    [InlineData(-1_701_250, "-1.701.250 kr.")]
    public void Postings_show_ore_when_they_have_any(decimal amount, string expected) => Assert.Equal(expected, Kroner.Exact(amount));

    [Theory]
    [InlineData("1.234.567,50", 1_234_567.50)]
    [InlineData("1234567", 1_234_567)]
    [InlineData("12,5 kr.", 12.5)]
    [InlineData("-230.000", -230_000)]
    public void Danish_amounts_are_read(string text, decimal expected) =>
        Assert.Equal(expected, Kroner.TryParse(text, out var amount) ? amount
            : throw new Xunit.Sdk.XunitException($"'{text}' was refused"));

    [Theory]
    [InlineData("")]
    [InlineData("12,345")]
    [InlineData("1234.50")]
    [InlineData("1.2345,00")]
    [InlineData("tolv")]
    public void Unclear_amounts_are_refused(string text) => Assert.False(Kroner.TryParse(text, out _));

    [Fact]
    public void Table_amounts_are_in_thousands() => Assert.Equal("12.885", Kroner.Thousands(12_885_000m));

    [Fact]
    public void A_provider_sees_only_investments_it_delivers()
    {
        var fund = new global::Bundlinje.Fund.Fund { Key = "aarhus", Name = "Aarhus" };
        var dmv = new Organisation { Key = "dialog-mod-vold", Name = "DmV" };
        var sfb = new Organisation { Key = "sfb", Name = "SFB" };
        var own = new Investment
        {
            Key = "a", Name = "a", Fund = fund,
            Parties = [new() { Organisation = dmv, Role = PartyRole.Provider }]
        };
        var other = new Investment
        {
            Key = "b", Name = "b", Fund = fund,
            Parties = [new() { Organisation = sfb, Role = PartyRole.Provider }, new() { Organisation = dmv, Role = PartyRole.Partner }]
        };
        var provider = new Viewer("p", new HashSet<string> { Roles.Provider }, new HashSet<string> { "dialog-mod-vold" });
        var council = new Viewer("c", new HashSet<string> { Roles.CouncilMember }, new HashSet<string> { "aarhus" });

        var canRead = provider.CanRead().Compile();
        Assert.True(canRead(own));
        Assert.False(canRead(other));
        Assert.True(council.CanRead().Compile()(other));
        Assert.False(new Viewer("x", new HashSet<string> { Roles.CouncilMember }, new HashSet<string> { "dsi-fund" }).CanRead()
            .Compile()(other));
    }
}
