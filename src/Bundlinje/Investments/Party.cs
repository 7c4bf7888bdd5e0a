using Bundlinje.Common;
using Bundlinje.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Investments;

public enum PartyRole { Authority, Provider, Investor, CoFunder, DeficitGuarantor, Donor, EvaluationFunder, Partner }

/// <summary>An organisation's role in an investment. An organisation with two roles has two parties.</summary>
public sealed class Party : Entity, IPartOfInvestment
{
    public int InvestmentId { get; set; }
    public Investment? Investment { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public PartyRole Role { get; set; }

    /// <summary>Committed capital in kr. (investors and co-funders).</summary>
    public decimal? Capital { get; set; }

    /// <summary>Deficit guarantee in kr. (deficit guarantors).</summary>
    public decimal? Guarantee { get; set; }

    /// <summary>Deficit guarantee as a share (0, 1] of the capital the investors drew (deficit guarantors); with an amount
    /// as well, the lower of the two applies at final settlement.</summary>
    public decimal? GuaranteeShare { get; set; }

    /// <summary>Donation in kr. (donors).</summary>
    public decimal? Donation { get; set; }

    public string? Note { get; set; }
}

public static class PartyQueries
{
    /// <summary>An investment's parties with their organisations, read-only, in the order they were added.</summary>
    public static Task<List<Party>> PartiesOfAsync(this IBundlinjeStore store, int investmentId, CancellationToken ct) =>
        store.Parties.AsNoTracking().Include(p => p.Organisation).Where(p => p.InvestmentId == investmentId).OrderBy(p => p.Id)
            .ToListAsync(ct);
}

public static class InvestmentQueries
{
    /// <summary>An investment by its key with its fund, read-only (the CLI's way in; a page has the route's investment);
    /// an unknown key is refused.</summary>
    public static async Task<Investment> InvestmentWithFundAsync(this IBundlinjeStore store, string key, CancellationToken ct) =>
        await store.Investments.AsNoTracking().Include(i => i.Fund).FirstOrDefaultAsync(i => i.Key == key, ct)
            ?? throw new Refused("investment.unknown", key);
}
