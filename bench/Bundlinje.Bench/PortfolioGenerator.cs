using Bundlinje.Investments;
using Bundlinje.Organisations;
using Bundlinje.Portfolio;

namespace Bundlinje.Bench;

/// <summary>Synthetic portfolios in the import format: N investments with providers, investors and versions.</summary>
public static class PortfolioGenerator
{
    public static PortfolioDocument Generate(int investments, int seed = 42)
    {
        var random = new Random(seed);
        var orgs = Enumerable.Range(1, Math.Max(10, investments / 5)).Select(i => new OrganisationDto
        {
            Key = $"org-{i}", Name = $"Syntetisk organisation {i}", Kind = (OrganisationKind)(i % 5),
        }).ToList();
        string Org() => orgs[random.Next(orgs.Count)].Key!;
        return new PortfolioDocument
        {
            Format = PortfolioDocument.CurrentFormat,
            Funds = [new FundDto { Key = "bench", Name = "Benchmark-fond" }],
            Organisations = orgs,
            Investments = Enumerable.Range(1, investments).Select(i => new InvestmentDto
            {
                Key = $"inv-{i}", Fund = "bench", Name = $"Syntetisk investering {i}", Status = InvestmentStatus.Active,
                AgreedOn = new DateOnly(2020, 1, 1).AddDays(random.Next(2000)), PlannedParticipants = random.Next(10, 500),
                Parties = new[] { PartyRole.Authority, PartyRole.Provider, PartyRole.Investor }
                    .Select(role => new PartyDto
                    {
                        Organisation = Org(), Role = role, Capital = role == PartyRole.Investor
                        ? random.Next(1, 200) * 100_000m : null
                    })
                    .DistinctBy(p => (p.Organisation, p.Role)).ToList(),
                Enrolment = [new EnrolmentDto { AsOf = new DateOnly(2024, 12, 31), Enrolled = random.Next(0, 400) }],
                Versions = [new VersionDto { Number = 1, EffectiveOn = new DateOnly(2020, 1, 1), Reason = "Aftale indgået" }],
            }).ToList(),
        };
    }
}
