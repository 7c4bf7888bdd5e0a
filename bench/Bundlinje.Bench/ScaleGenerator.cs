using Bundlinje.Common;
using Bundlinje.Data;
using Bundlinje.Fund;
using Bundlinje.Investments;
using Bundlinje.Organisations;
using Bundlinje.Portfolio;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Bench;

/// <summary>One large fund in a database: N investments (each with an authority among 10 departments, a provider and an
/// investor, an agreement version and an enrolment count) imported through the product's <see cref="PortfolioImporter"/>,
/// then 30 ledger postings per investment plus the fund's appropriations and running costs, 2020–2030, with 2020–2024
/// closed. The postings are bulk-added through EF (the ledger's own checks would add one round trip per posting), but each
/// line is first checked by <see cref="LedgerRules"/> as a posting through <see cref="Ledger"/> would be.</summary>
public static class ScaleGenerator
{
    public const string FundKey = "bench";
    public const int Departments = 10;
    public const int LastClosedYear = 2024;

    public static PortfolioDocument Portfolio(int investments, int seed = 7)
    {
        var random = new Random(seed);
        var departments = Enumerable.Range(1, Departments).Select(i => new OrganisationDto
        {
            Key = $"dept-{i}", Name = $"Magistratsafdeling {i}", Kind = OrganisationKind.Department,
        });
        var others = Enumerable.Range(1, Math.Max(10, investments / 5)).Select(i => new OrganisationDto
        {
            Key = $"org-{i}", Name = $"Syntetisk organisation {i}", Kind = i % 2 == 0 ? OrganisationKind.Provider
                : OrganisationKind.Investor,
        }).ToList();
        string Other() => others[random.Next(others.Count)].Key!;
        return new PortfolioDocument
        {
            Format = PortfolioDocument.CurrentFormat,
            Funds = [new FundDto { Key = FundKey, Name = "Benchmark-fond" }],
            Organisations = [.. departments, .. others],
            Investments = Enumerable.Range(1, investments).Select(i => new InvestmentDto
            {
                Key = $"inv-{i}", Fund = FundKey, Name = $"Syntetisk investering {i}", Status = InvestmentStatus.Active,
                AgreedOn = new DateOnly(2020, 1, 1).AddDays(random.Next(1500)), PlannedParticipants = random.Next(10, 500),
                PeriodStart = new DateOnly(2020, 1, 1), PeriodEnd = new DateOnly(2030, 12, 31),
                Parties =
                [
                    new PartyDto { Organisation = $"dept-{1 + random.Next(Departments)}", Role = PartyRole.Authority },
                    new PartyDto { Organisation = Other(), Role = PartyRole.Provider },
                    new PartyDto { Organisation = Other(), Role = PartyRole.Investor, Capital = random.Next(1, 200) * 100_000m },
                ],
                Enrolment = [new EnrolmentDto { AsOf = new DateOnly(2024, 12, 31), Enrolled = random.Next(0, 400) }],
                Versions = [new VersionDto { Number = 1, EffectiveOn = new DateOnly(2020, 1, 1), Reason = "Aftale indgået" }],
            }).ToList(),
        };
    }

    /// <summary>A new SQLite database at <paramref name="connection"/> (the product's own host and migrations) with the demo
    /// fund (<see cref="DemoData"/>, without synthetic follow-ups) and the generated fund of <paramref name="investments"/>;
    /// then <paramref name="then"/> in the same scope. Returns the generated fund's postings and what <paramref name="then"/>
    /// gave.</summary>
    public static async Task<(int Postings, T More)> SeedWithDemoAsync<T>(string connection, int investments,
        Func<IServiceProvider, BundlinjeDb, Task<T>> then)
    {
        Environment.SetEnvironmentVariable("ConnectionStrings__Bundlinje", connection);
        Environment.SetEnvironmentVariable("Bundlinje__Database__Provider", "Sqlite");
        Environment.SetEnvironmentVariable("Bundlinje__DemoFollowUps", "false");
        await using var provider = Cli.CliHost.Build();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BundlinjeDb>();
        await db.Database.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<DemoData>().LoadAsync();
        var postings = await SeedAsync(db, investments);
        return (postings, await then(scope.ServiceProvider, db));
    }

    /// <summary>Imports the portfolio and adds the ledger; returns the number of postings.</summary>
    public static async Task<int> SeedAsync(BundlinjeDb db, int investments, CancellationToken ct = default)
    {
        await new PortfolioImporter(db).ImportAsync(PortfolioJson.Write(Portfolio(investments)), ct);
        var fund = await db.Funds.SingleAsync(f => f.Key == FundKey, ct);
        var ids = await db.Investments.Where(i => i.FundId == fund.Id).OrderBy(i => i.Id).Select(i => new { i.Id, i.Key }).ToListAsync(ct);
        var random = new Random(11);
        decimal Kroner(int min, int max) => random.Next(min, max) * 1_000m + random.Next(100) * 0.25m;
        var lines = new List<(LedgerLine Line, int? Investment)>();
        void Add(int year, LedgerKind kind, LedgerBasis basis, decimal amount, string? category, int? investment, string? key,
            string text) =>
            lines.Add((new LedgerLine
            {
                FiscalYear = year, Kind = kind, Basis = basis, Amount = amount, Category = category, Investment = key, Text = text,
                EntryDate = new DateOnly(year, 1 + random.Next(12), 1 + random.Next(28)),
            }, investment));
        for (var year = 2020; year <= 2030; year++)
        {
            var basis = year <= LastClosedYear ? LedgerBasis.Actual : LedgerBasis.Budget;
            Add(year, LedgerKind.Appropriation, basis, 400_000_000m, null, null, null, $"Bevilling {year}");
            Add(year, LedgerKind.RunningCost, LedgerBasis.Budget, Kroner(2_000, 3_000), "Sekretariat", null, null, "Budget sekretariat");
            if (basis == LedgerBasis.Actual) Add(year, LedgerKind.RunningCost, basis, Kroner(2_000, 3_000), "Sekretariat", null, null,
                "Sekretariat");
        }
        foreach (var investment in ids)
        {
            void For(int year, LedgerKind kind, LedgerBasis basis, decimal amount, string text) =>
                Add(year, kind, basis, amount, null, investment.Id, investment.Key, text);
            for (var year = 2020; year <= LastClosedYear; year++)
            {
                For(year, LedgerKind.Disbursement, LedgerBasis.Actual, Kroner(50, 500), "Udbetaling, 1. halvår");
                For(year, LedgerKind.Disbursement, LedgerBasis.Actual, Kroner(50, 500), "Udbetaling, 2. halvår");
                For(year, LedgerKind.Disbursement, LedgerBasis.Budget, Kroner(100, 1_000), "Budget");
            }
            for (var year = 2022; year <= LastClosedYear; year++)
                For(year, LedgerKind.ResultPayment, LedgerBasis.Actual, Kroner(20, 400), "Resultatbetaling");
            for (var year = LastClosedYear + 1; year <= 2030; year++)
            {
                For(year, LedgerKind.Disbursement, LedgerBasis.Budget, Kroner(100, 1_000), "Budget");
                For(year, LedgerKind.ResultPayment, LedgerBasis.Budget, Kroner(50, 800), "Forventet resultatbetaling");
            }
        }
        foreach (var (line, _) in lines)
            if (LedgerRules.Check(line).FirstOrDefault() is { Field: not null } problem)
                throw new InvalidOperationException($"Generated posting refused: {problem.Field}: {problem.Code}");
        var now = DateTimeOffset.UtcNow;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var chunk in lines.Chunk(5_000))
        {
            db.LedgerPostings.AddRange(chunk.Select(l => new LedgerPosting
            {
                FundId = fund.Id, Pot = l.Line.Pot, FiscalYear = l.Line.FiscalYear, EntryDate = l.Line.EntryDate!.Value, Kind = l.Line.Kind,
                Basis = l.Line.Basis, Amount = l.Line.Amount, Category = l.Line.Category, InvestmentId = l.Investment,
                Source = LedgerSource.Import,
                SourceReference = "bench", Text = l.Line.Text, PostedBy = "bench", PostedAt = now,
            }));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        for (var year = 2020; year <= LastClosedYear; year++)
            db.ClosedFiscalYears.Add(new ClosedFiscalYear { FundId = fund.Id, Year = year, ClosedBy = "bench", ClosedAt = now });
        await db.SaveChangesAsync(ct);
        return lines.Count;
    }
}
