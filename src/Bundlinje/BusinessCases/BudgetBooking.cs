using System.Globalization;
using Bundlinje.Common;
using Bundlinje.Fund;
using Bundlinje.Investments;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.BusinessCases;

/// <summary>A future year of an investment's budget: the expected result payments booked in the fund's ledger (budget
/// basis, at 100 % effect) against the business case's expected payments.</summary>
public sealed record BudgetYear(int Year, decimal Booked, decimal Expected)
{
    public decimal Difference => Booked - Expected;
}

/// <summary>An investment whose future budget result payments differ from its current business cases' expected payments.</summary>
public sealed record BudgetDifference(string Investment, string Name, IReadOnlyList<int> Cases, IReadOnlyList<BudgetYear> Years);

/// <summary>A year of a case: its expected outcome payments against the payments of the investment's approved follow-up runs
/// (their obligations, by the year they were paid, or are due when unpaid).</summary>
public sealed record RealisedYear(int Year, decimal Expected, decimal Realised);

/// <summary>What a booking or unbooking did: the postings it reversed and those it added.</summary>
public sealed record BookingOutcome(int Reversed, int Posted, IReadOnlyList<BudgetYear> Years);

/// <summary>
/// Books a business case into its fund's budget (docs/business-cases.md, "Payment-model draft and budget booking"): for the
/// fiscal years after the current one that are not closed, the investment's budget result-payment postings are reversed
/// and the case's expected payments (<see cref="BusinessCaseResult.Payments"/>, per year and paying department, at
/// 100 % effect as the ledger keeps budget result payments) are posted with source <see cref="LedgerSource.BusinessCase"/>
/// and reference <c>businessCase:{case}/{year}/{payer}</c>; a reversal made by the booking is referenced
/// <c>businessCase:{case}/reverses/{posting}</c>. One save (audited by the store). Unbooking reverses the booking's postings
/// and posts again what the booking reversed (<c>businessCase:{case}/restores/{posting}</c>), so the figures are as before.
/// The ledger is append-only: nothing is edited or deleted.
/// </summary>
public sealed class BudgetBooking(IBundlinjeStore store, BusinessCases cases, Ledger ledger, TimeProvider clock)
{
    private const string Prefix = "businessCase:";

    /// <summary>Replaces the investment's future budget result payments by the case's expected payments. Booking a case
    /// again first reverses its earlier booking (as every active future budget row is). Two bookings at once: one is
    /// refused (the investment's version and the unique index on reversals decide).</summary>
    public async Task<BookingOutcome> BookAsync(Investment investment, StoredBusinessCase stored, CancellationToken ct = default)
    {
        if (stored.InvestmentId != investment.Id) throw new NotFound("businessCase", stored.Id);
        var computed = await cases.ComputeAsync(investment, stored, ct, withSensitivity: false);
        var (years, postings) = await FutureAsync(investment, ct);
        var parts = await store.BusinessCases.AsNoTracking().Where(b => b.InvestmentId == investment.Id)
            .ToDictionaryAsync(b => b.Id, b => b.Part, ct);
        // An investment run as parts is booked part by part: another part's booking stays.
        var replaced = Active(postings).Where(p => years.Contains(p.FiscalYear)
            && !(Reference.Of(p) is { Payment: true } r && parts.GetValueOrDefault(r.Case, stored.Part) != stored.Part)).ToList();
        foreach (var posting in replaced)
            ledger.AddReversal(posting, $"erstattet af business case {stored.Id}", LedgerSource.BusinessCase,
                $"{Prefix}{stored.Id}/reverses/{posting.Id}");
        var expected = Expected(computed.Result, years);
        var title = computed.Case.FullTitle;
        foreach (var ((year, payer), amount) in expected.Where(e => e.Value != 0))
            await ledger.AddAsync(investment, new LedgerLine
            {
                FiscalYear = year, Kind = LedgerKind.ResultPayment, Basis = LedgerBasis.Budget, Amount = amount, Payer = payer,
                Text = $"Forventet resultatbetaling ved 100 % effekt ifølge business case '{title}' (revision {stored.Revision})",
            }, LedgerSource.BusinessCase, $"{Prefix}{stored.Id}/{year}/{payer}", ct);
        if (replaced.Count == 0 && expected.Count == 0) throw new Refused("budgetBooking.nothingToBook", stored.Id);
        await SaveAsync(investment, ct);
        return new(replaced.Count, expected.Count(e => e.Value != 0), await CompareAsync(investment, computed, ct));
    }

    /// <summary>Undoes the case's booking: reverses its postings and posts again what it reversed (that is not a booking of
    /// this case itself), for the future years that are not closed.</summary>
    public async Task<BookingOutcome> UnbookAsync(Investment investment, StoredBusinessCase stored, CancellationToken ct = default)
    {
        if (stored.InvestmentId != investment.Id) throw new NotFound("businessCase", stored.Id);
        var (years, postings) = await FutureAsync(investment, ct);
        var own = Active(postings).Where(p => years.Contains(p.FiscalYear) && Reference.Of(p) is { Payment: true } r && r.Case == stored.Id)
            .ToList();
        if (own.Count == 0) throw new Refused("budgetBooking.notBooked", stored.Id);
        foreach (var posting in own)
            ledger.AddReversal(posting, $"business case {stored.Id} tilbageført", LedgerSource.BusinessCase,
                $"{Prefix}{stored.Id}/unbook/{posting.Id}");
        var byId = postings.ToDictionary(p => p.Id);
        var restored = postings.Select(Reference.Of).OfType<Reference>().Where(r => r.Case == stored.Id && r.Kind == "restores")
            .Select(r => r.Posting).ToHashSet();
        var toRestore = postings.Where(p => Reference.Of(p) is { Kind: "reverses" } r && r.Case == stored.Id)
            .Select(p => byId[p.Reverses!.Value])
            .Where(p => years.Contains(p.FiscalYear) && !restored.Contains(p.Id)
                && !(Reference.Of(p) is { Payment: true } r && r.Case == stored.Id)).ToList();
        foreach (var original in toRestore)
            await ledger.AddAsync(investment, new LedgerLine
            {
                FiscalYear = original.FiscalYear, EntryDate = original.EntryDate, Kind = original.Kind, Basis = original.Basis,
                Amount = original.Amount, Category = original.Category, Payer = original.Payer, Metric = original.Metric,
                Text = $"Genindsat efter tilbageførsel af business case {stored.Id}: {original.Text}".Trim(),
            }, LedgerSource.BusinessCase, $"{Prefix}{stored.Id}/restores/{original.Id}", ct);
        await SaveAsync(investment, ct);
        return new(own.Count, toRestore.Count,
            await CompareAsync(investment, await cases.ComputeAsync(investment, stored, ct, withSensitivity: false), ct));
    }

    /// <summary>Whether the case's booking stands (some of its postings are not reversed).</summary>
    public async Task<bool> IsBookedAsync(Investment investment, StoredBusinessCase stored, CancellationToken ct = default)
    {
        var (_, postings) = await FutureAsync(investment, ct);
        return Active(postings).Any(p => Reference.Of(p) is { Payment: true } r && r.Case == stored.Id);
    }

    /// <summary>Per future open year: what the ledger's budget holds for the investment (all parts) against this case's
    /// expected payments.</summary>
    public async Task<IReadOnlyList<BudgetYear>> CompareAsync(Investment investment, ComputedCase computed, CancellationToken ct = default)
    {
        var (years, postings) = await FutureAsync(investment, ct);
        var expected = Expected(computed.Result, years);
        return Years(years, postings, expected.GroupBy(e => e.Key.Year).ToDictionary(g => g.Key, g => g.Sum(e => e.Value)));
    }

    /// <summary>The fund's investments whose future budget result payments differ from their current business cases'
    /// expected payments (the cases of the newest agreement version with a case, all parts together), per year.</summary>
    public async Task<List<BudgetDifference>> CheckAsync(Fund.Fund fund, CancellationToken ct = default)
    {
        var investments = await store.Investments.AsNoTracking().Include(i => i.Fund).Where(i => i.FundId == fund.Id)
            .Where(i => store.BusinessCases.Any(b => b.InvestmentId == i.Id)).OrderBy(i => i.Key).ToListAsync(ct);
        var differences = new List<BudgetDifference>();
        foreach (var investment in investments)
        {
            var current = await cases.CurrentAsync(investment, ct);
            var newest = current.Where(c => c.AgreementVersion == current.Max(x => x.AgreementVersion)).ToList();
            var (years, postings) = await FutureAsync(investment, ct);
            var expected = new Dictionary<int, decimal>();
            foreach (var stored in newest)
                foreach (var ((year, _), amount) in Expected(
                    (await cases.ComputeAsync(investment, stored, ct, withSensitivity: false)).Result, years))
                    expected[year] = expected.GetValueOrDefault(year) + amount;
            var rows = Years(years, postings, expected).Where(y => y.Difference != 0).ToList();
            if (rows.Count > 0) differences.Add(new(investment.Key, investment.Name, newest.Select(c => c.Id).ToList(), rows));
        }
        return differences;
    }

    /// <summary>Per year of the case and every year with a payment: the case's expected payments against what the
    /// investment's approved runs pay (obligations by the year paid, else due).</summary>
    public async Task<IReadOnlyList<RealisedYear>> ExpectedVsRealisedAsync(Investment investment, ComputedCase computed,
        CancellationToken ct = default)
    {
        var obligations = await store.PaymentObligations.AsNoTracking()
            .Where(o => o.InvestmentId == investment.Id && store.FollowUpApprovals.Any(a => a.RunId == o.RunId))
            .Select(o => new { o.Amount, o.PaidOn, o.DueOn }).ToListAsync(ct);
        var realised = obligations.Where(o => (o.PaidOn ?? o.DueOn) is not null).GroupBy(o => (o.PaidOn ?? o.DueOn)!.Value.Year)
            .ToDictionary(g => g.Key, g => g.Sum(o => o.Amount));
        var expected = computed.Result.Payments.GroupBy(p => p.Year).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));
        return Enumerable.Range(computed.Case.StartYear, computed.Case.HorizonYears).Union(realised.Keys).Order()
            .Select(y => new RealisedYear(y, expected.GetValueOrDefault(y), realised.GetValueOrDefault(y))).ToList();
    }

    private static List<BudgetYear> Years(IReadOnlySet<int> years, List<LedgerPosting> postings, IReadOnlyDictionary<int, decimal> expected)
    {
        var booked = postings.Where(p => years.Contains(p.FiscalYear)).GroupBy(p => p.FiscalYear)
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));
        return booked.Keys.Union(expected.Keys).Order().Select(y => new BudgetYear(y, booked.GetValueOrDefault(y),
            expected.GetValueOrDefault(y))).ToList();
    }

    /// <summary>The case's expected payments per year and paying department in the given years.</summary>
    private static Dictionary<(int Year, string Payer), decimal> Expected(BusinessCaseResult result, IReadOnlySet<int> years)
    {
        var departments = result.Case.Holders.ToDictionary(h => h.Key, h => h.Department, StringComparer.Ordinal);
        return result.Payments.Where(p => years.Contains(p.Year)).GroupBy(p => (p.Year, departments[p.Holder]))
            .OrderBy(g => g.Key.Year).ThenBy(g => g.Key.Item2, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));
    }

    /// <summary>The fiscal years after the current one that are not closed (up to 2100, the ledger's range), and the
    /// investment's budget result-payment postings after the current year (originals and reversals).</summary>
    private async Task<(IReadOnlySet<int> Years, List<LedgerPosting> Postings)> FutureAsync(Investment investment, CancellationToken ct)
    {
        var thisYear = clock.Today().Year;
        var closed = await store.ClosedFiscalYears.AsNoTracking().Where(c => c.FundId == investment.FundId && c.Year > thisYear)
            .Select(c => c.Year).ToListAsync(ct);
        var years = Enumerable.Range(thisYear + 1, Math.Max(0, 2100 - thisYear)).Except(closed).ToHashSet();
        var postings = await store.LedgerPostings.AsNoTracking()
            .Where(p => p.InvestmentId == investment.Id && p.Pot == LedgerPot.InvestmentFund && p.Kind == LedgerKind.ResultPayment
                && p.Basis == LedgerBasis.Budget && p.FiscalYear > thisYear).OrderBy(p => p.Id).ToListAsync(ct);
        return (years, postings);
    }

    /// <summary>Postings that are neither reversals nor reversed.</summary>
    private static IEnumerable<LedgerPosting> Active(List<LedgerPosting> postings)
    {
        var reversed = postings.Where(p => p.Reverses is not null).Select(p => p.Reverses!.Value).ToHashSet();
        return postings.Where(p => p.Reverses is null && !reversed.Contains(p.Id));
    }

    /// <summary>Saves the postings in one transaction (with their audit). The investment's version moves on in the same save,
    /// so of two bookings (or unbookings) of an investment at once only one is stored — also when there was nothing to
    /// reverse for the unique index on reversals to decide; the other is refused.</summary>
    private async Task SaveAsync(Investment investment, CancellationToken ct)
    {
        var tracked = await store.Investments.FirstAsync(i => i.Id == investment.Id, ct);
        store.ChangeTracker.Context.Entry(tracked).Property(nameof(Entity.Version)).OriginalValue = investment.Version;
        store.ChangeTracker.Context.Entry(tracked).Property(nameof(Entity.Version)).IsModified = true;
        try { await store.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || StoreConflict.IsUniqueViolation(e))
        {
            StoreConflict.ForgetAdded(store);
            store.ChangeTracker.Context.Entry(tracked).State = EntityState.Detached;
            throw new Refused("budgetBooking.bookedConcurrently", investment.Key);
        }
    }

    /// <summary>A booking's source reference: <c>businessCase:{case}/{year}/{payer}</c> (a payment, <see cref="Payment"/>)
    /// or <c>businessCase:{case}/{kind}/{posting}</c> (reverses, restores, unbook).</summary>
    private sealed record Reference(int Case, string Kind, int Posting, bool Payment)
    {
        public static Reference? Of(LedgerPosting p)
        {
            if (p.Source != LedgerSource.BusinessCase || p.SourceReference is not { } text
                || !text.StartsWith(Prefix, StringComparison.Ordinal))
                return null;
            var parts = text[Prefix.Length..].Split('/', 3);
            if (parts.Length < 3 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return null;
            if (int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out _)) return new(id, "payment", 0, true);
            return int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var posting)
                ? new(id, parts[1], posting, false) : null;
        }
    }
}
