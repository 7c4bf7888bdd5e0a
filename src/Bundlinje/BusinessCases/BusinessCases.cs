using Bundlinje.Common;
using Bundlinje.Investments;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.BusinessCases;

/// <summary>A stored case computed: its result at the fund's discount rates, its sensitivity table and where each price
/// came from.</summary>
public sealed record ComputedCase(StoredBusinessCase Stored, BusinessCase Case, BusinessCaseResult Result,
    IReadOnlyList<SensitivityRow> Sensitivity, PriceBook Prices, decimal Step);

/// <summary>Saving, reading and computing an investment's business cases (one per agreement version and part; every save
/// a new revision).</summary>
public sealed class BusinessCases(IBundlinjeStore store, ICurrentUser user, TimeProvider clock)
{
    /// <summary>Checks a case file for a loaded investment (which it must name) and saves it as the next revision of its
    /// agreement version and part; the prices must resolve in the investment's fund's catalogue. All or nothing.</summary>
    public async Task<StoredBusinessCase> SaveAsync(Investment investment, string json, CancellationToken ct = default)
    {
        var c = BusinessCaseFile.Read(json);
        return await SaveAsync(investment, c, ct);
    }

    public async Task<StoredBusinessCase> SaveAsync(Investment investment, BusinessCase c, CancellationToken ct = default)
    {
        if (BusinessCaseFile.Problems(c).ToList() is { Count: > 0 } problems) throw BusinessCaseFile.Rejected(problems);
        if (c.Investment != investment.Key)
            throw BusinessCaseFile.Rejected(Refusal.At("$.case.investment", "paymentModel.investmentMustBe", investment.Key));
        var versions = await store.AgreementVersions.Where(v => v.InvestmentId == investment.Id).Select(v => v.Number).ToListAsync(ct);
        if (c.AgreementVersion > Math.Max(1, versions.DefaultIfEmpty(1).Max()))
            throw BusinessCaseFile.Rejected(Refusal.At("$.case.agreementVersion", "businessCase.unknownVersion", c.AgreementVersion));
        if (c.Part is { } part)
        {
            var parts = await store.Investments.Where(i => i.Id == investment.Id).SelectMany(i => i.SubProjects).Select(s => s.Name)
                .ToListAsync(ct);
            if (!parts.Contains(part))
                throw BusinessCaseFile.Rejected(Refusal.At("$.case.part", "businessCase.unknownPart", part, string.Join(", ", parts)));
        }
        await PricesAsync(investment.FundId, c, ct); // refuses a price that does not resolve
        var partKey = c.Part ?? "";
        var revision = await store.BusinessCases
            .Where(b => b.InvestmentId == investment.Id && b.AgreementVersion == c.AgreementVersion && b.Part == partKey)
            .Select(b => (int?)b.Revision).MaxAsync(ct) ?? 0;
        var stored = new StoredBusinessCase
        {
            InvestmentId = investment.Id, AgreementVersion = c.AgreementVersion, Part = partKey, Revision = revision + 1,
            Json = BusinessCaseFile.Write(c), Hash = BusinessCaseFile.Hash(c), SavedBy = user.Name, SavedAt = clock.GetUtcNow(),
        };
        store.BusinessCases.Add(stored);
        // The unique index on (InvestmentId, AgreementVersion, Part, Revision) decides two saves at once: the second is told.
        await store.SaveOnceAsync(Refusal.Of("businessCase.savedConcurrently"), ct);
        return stored;
    }

    /// <summary>The current case of each agreement version and part of the investment, newest version first.</summary>
    public async Task<List<StoredBusinessCase>> CurrentAsync(Investment investment, CancellationToken ct = default)
    {
        var all = await store.BusinessCases.AsNoTracking().Where(b => b.InvestmentId == investment.Id).ToListAsync(ct);
        return all.GroupBy(b => (b.AgreementVersion, b.Part)).Select(g => g.MaxBy(b => b.Revision)!)
            .OrderByDescending(b => b.AgreementVersion).ThenBy(b => b.Part, StringComparer.Ordinal).ToList();
    }

    /// <summary>A stored case of this investment by id (another investment's is <see cref="NotFound"/>).</summary>
    public async Task<StoredBusinessCase> FindAsync(Investment investment, int id, CancellationToken ct = default) =>
        await store.BusinessCases.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id && b.InvestmentId == investment.Id, ct)
            ?? throw new NotFound("businessCase", id);

    /// <summary>The revisions of one case (newest first), for its history.</summary>
    public Task<List<StoredBusinessCase>> HistoryAsync(StoredBusinessCase of, CancellationToken ct = default) =>
        store.BusinessCases.AsNoTracking()
            .Where(b => b.InvestmentId == of.InvestmentId && b.AgreementVersion == of.AgreementVersion && b.Part == of.Part)
            .OrderByDescending(b => b.Revision).ToListAsync(ct);

    /// <summary>The case at the fund's rates; the sensitivity table (six more computations) only where it is shown
    /// (<paramref name="withSensitivity"/>: the case page, the workbook, the API — not a booking, a check or a preview).</summary>
    public async Task<ComputedCase> ComputeAsync(Investment investment, StoredBusinessCase stored, CancellationToken ct = default,
        bool withSensitivity = true)
    {
        var fund = investment.Fund ?? await store.Funds.AsNoTracking().SingleAsync(f => f.Id == investment.FundId, ct);
        var c = stored.Case;
        var prices = await PricesAsync(fund.Id, c, ct);
        var rates = fund.DiscountRates;
        return new(stored, c, BusinessCaseMath.Compute(c, (o, q) => prices[o, q], rates),
            withSensitivity ? Sensitivity.Table(c, (o, q) => prices[o, q], rates, fund.SensitivityStep) : [], prices,
            fund.SensitivityStep);
    }

    public async Task<PriceBook> PricesAsync(int fundId, BusinessCase c, CancellationToken ct)
    {
        var codes = c.Outcomes.SelectMany(o => o.Consequences).Where(q => q.UnitPrice is null && q.PriceCode is not null)
            .Select(q => q.PriceCode!).Distinct().ToList();
        var catalogue = codes.Count == 0 ? []
            : await store.UnitPrices.AsNoTracking().Where(p => p.FundId == fundId && codes.Contains(p.Code)).ToListAsync(ct);
        var index = await store.PriceIndices.AsNoTracking().Where(p => p.FundId == fundId).ToDictionaryAsync(p => p.Year, p => p.Value, ct);
        return PriceBook.Resolve(c, catalogue, index);
    }
}
