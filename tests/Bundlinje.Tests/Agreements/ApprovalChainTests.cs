using Bundlinje.Agreements;
using Bundlinje.Investments;
using Bundlinje.Organisations;

namespace Bundlinje.Tests.Agreements;

public sealed class ApprovalChainTests
{
    private static readonly Organisation Sfb =
        new() { Id = 1, Key = "sfb", Name = "Sociale Forhold og Beskæftigelse", Kind = OrganisationKind.Department };
    private static readonly Organisation Bbu =
        new() { Id = 2, Key = "boern-og-unge", Name = "Børn og Unge", Kind = OrganisationKind.Department };
    private static readonly Organisation Dsi = new() { Id = 3, Key = "dsi", Name = "DSI", Kind = OrganisationKind.Investor };

    private static Investment TwoPayers() => new()
    {
        Key = "ny", Name = "Ny indsats", Status = InvestmentStatus.InDevelopment,
        Parties =
        [
            new() { Organisation = Sfb, OrganisationId = Sfb.Id, Role = PartyRole.Authority },
            new() { Organisation = Bbu, OrganisationId = Bbu.Id, Role = PartyRole.Authority },
            new() { Organisation = Dsi, OrganisationId = Dsi.Id, Role = PartyRole.Investor },
        ],
    };

    private static Approval A(ApprovalKind kind, Organisation? department = null) =>
        new() { Kind = kind, OrganisationId = department?.Id, ApprovedBy = "x", DocumentReference = "doc", RecordedBy = "test" };

    [Fact]
    public void Every_link_is_missing_until_recorded_and_each_missing_link_alone_keeps_the_investment_from_becoming_active()
    {
        var investment = TwoPayers();
        Assert.Equal(["Rådets beslutning", "rådmandens godkendelse for Sociale Forhold og Beskæftigelse",
            "rådmandens godkendelse for Børn og Unge",
            "borgmesterens formelle godkendelse"], ApprovalChain.Missing(investment, []));
        Approval[] complete =
            [A(ApprovalKind.CouncilDecision), A(ApprovalKind.Councillor, Sfb), A(ApprovalKind.Councillor, Bbu), A(ApprovalKind.Mayor)];
        Assert.Null(ApprovalChain.Refusal(investment, InvestmentStatus.InDevelopment, InvestmentStatus.Active, complete));
        foreach (var left in complete)
        {
            var refusal = ApprovalChain.Refusal(investment, InvestmentStatus.InDevelopment, InvestmentStatus.Active,
                [.. complete.Where(a => a != left)]);
            Assert.NotNull(refusal);
            Assert.StartsWith("Status: investeringen kan først blive aktiv", refusal);
        }
        // A councillor of a department that does not pay does not count for one that does.
        Assert.Contains("rådmandens godkendelse for Børn og Unge", ApprovalChain.Missing(investment,
            [A(ApprovalKind.CouncilDecision), A(ApprovalKind.Councillor, Sfb), A(ApprovalKind.Councillor, Dsi), A(ApprovalKind.Mayor)]));
    }

    [Fact]
    public void An_investment_without_a_paying_department_cannot_complete_the_chain_and_other_status_changes_are_not_affected()
    {
        var investment = new Investment { Key = "x", Name = "Uden betaler", Status = InvestmentStatus.InDevelopment };
        Assert.Contains("en betalende magistratsafdeling (part med rollen myndighed)",
            ApprovalChain.Missing(investment, [A(ApprovalKind.CouncilDecision), A(ApprovalKind.Mayor)]));
        Assert.Null(ApprovalChain.Refusal(investment, InvestmentStatus.InDevelopment, InvestmentStatus.Ended, []));
        Assert.Null(ApprovalChain.Refusal(investment, InvestmentStatus.Active, InvestmentStatus.Active, []));
        Assert.NotNull(ApprovalChain.Refusal(investment, null, InvestmentStatus.Active, []));
    }
}
