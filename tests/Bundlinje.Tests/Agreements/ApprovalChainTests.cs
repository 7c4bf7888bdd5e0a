using Bundlinje.Agreements;
using Bundlinje.Common;
using Bundlinje.Investments;
using Bundlinje.Organisations;
using Bundlinje.Tests.Infrastructure;

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
        Key = "ny", Name = "Ny indsats",
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
            "borgmesterens formelle godkendelse"], ApprovalChain.Missing(investment, []).Da());
        Approval[] complete =
            [A(ApprovalKind.CouncilDecision), A(ApprovalKind.Councillor, Sfb), A(ApprovalKind.Councillor, Bbu), A(ApprovalKind.Mayor)];
        Assert.Null(investment.RefusalToMove(InvestmentStatus.Active, complete));
        foreach (var left in complete)
        {
            var refusal = investment.RefusalToMove(InvestmentStatus.Active, [.. complete.Where(a => a != left)]);
            Assert.NotNull(refusal);
            Assert.StartsWith("Status: investeringen kan først blive aktiv", refusal.Da());
        }
        // A councillor of a department that does not pay does not count for one that does.
        Assert.Contains("rådmandens godkendelse for Børn og Unge", ApprovalChain.Missing(investment,
            [A(ApprovalKind.CouncilDecision), A(ApprovalKind.Councillor, Sfb), A(ApprovalKind.Councillor, Dsi), A(ApprovalKind.Mayor)])
                .Da());
    }

    [Fact]
    public void An_investment_without_a_paying_department_cannot_complete_the_chain_and_other_status_changes_are_not_affected()
    {
        var investment = new Investment { Key = "x", Name = "Uden betaler" };
        Assert.Contains("en betalende magistratsafdeling (part med rollen myndighed)",
            ApprovalChain.Missing(investment, [A(ApprovalKind.CouncilDecision), A(ApprovalKind.Mayor)]).Da());
        Assert.Null(investment.RefusalToMove(InvestmentStatus.Ended, []));
        Assert.NotNull(investment.RefusalToMove(InvestmentStatus.Active, []));
        investment.TakeOverStatus(InvestmentStatus.Active, "from the portfolio file");
        Assert.Null(investment.RefusalToMove(InvestmentStatus.Active, []));
    }

    [Fact]
    public void Activating_with_an_incomplete_chain_is_refused_and_leaves_the_status_as_it_was()
    {
        var investment = TwoPayers();
        Approval[] complete =
            [A(ApprovalKind.CouncilDecision), A(ApprovalKind.Councillor, Sfb), A(ApprovalKind.Councillor, Bbu), A(ApprovalKind.Mayor)];
        var refused = Assert.Throws<Refused>(() => investment.Activate(complete[..3], "for tidligt"));
        Assert.Equal("Status", refused.Problems[0].Field);
        Assert.Contains("borgmesterens formelle godkendelse", refused.Da());
        Assert.Throws<Refused>(() => investment.MoveTo(InvestmentStatus.Active, [], "via formularen"));
        Assert.Equal((InvestmentStatus.InDevelopment, null), (investment.Status, investment.StatusNote));

        investment.MoveTo(InvestmentStatus.Active, complete, "kæden er fuldført");
        Assert.Equal((InvestmentStatus.Active, "kæden er fuldført"), (investment.Status, investment.StatusNote));
        investment.TerminateEarly("stoppet");
        Assert.Equal(InvestmentStatus.TerminatedEarly, investment.Status);
        // Back from terminated to active is becoming active again: the chain is checked again.
        Assert.Throws<Refused>(() => investment.Activate([], null));
    }
}
