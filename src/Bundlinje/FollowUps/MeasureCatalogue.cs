using System.Text.Json;
using System.Text.RegularExpressions;
using Bundlinje.Common;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.FollowUps;

/// <summary>What a secretariat types for a measure.</summary>
public sealed record MeasureInput(string? Code, string? NameDa, string? NameEn, MeasureUnit Unit, MeasureValueType ValueType, int Decimals,
    MeasureSource Source);

/// <summary>
/// A fund's measure catalogue (docs/measures.md): reading it for imports and runs, and the secretariat's changes. A code
/// used by a payment model of the fund or by register data cannot be deleted or renamed. Changes are audited with the
/// save (BundlinjeDb). <paramref name="registerObservations"/> counts the register store's observations of a code.
/// </summary>
public sealed partial class MeasureCatalogue(IBundlinjeStore store, Func<string, long>? registerObservations = null)
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,59}$")]
    private static partial Regex CodePattern();

    public Task<List<Measure>> OfFundAsync(int fundId, CancellationToken ct = default) =>
        store.Measures.AsNoTracking().Where(m => m.FundId == fundId).OrderBy(m => m.Code).ToListAsync(ct);

    public static async Task<List<string>> CodesAsync(IBundlinjeStore store, int fundId, CancellationToken ct = default) =>
        await store.Measures.AsNoTracking().Where(m => m.FundId == fundId).Select(m => m.Code).OrderBy(c => c).ToListAsync(ct);

    /// <summary>The codes of a fund's catalogue with their value types: what a register import for the fund accepts.</summary>
    public static async Task<Dictionary<string, MeasureValueType>> ValueTypesAsync(IBundlinjeStore store, int fundId,
        CancellationToken ct = default) =>
        await store.Measures.AsNoTracking().Where(m => m.FundId == fundId)
            .ToDictionaryAsync(m => m.Code, m => m.ValueType, StringComparer.Ordinal, ct);

    /// <summary>The codes of every fund's catalogue: what a register import without an investment accepts (the CLI). A code
    /// whose value type differs between funds is checked as a decimal.</summary>
    public static async Task<Dictionary<string, MeasureValueType>> AllValueTypesAsync(IBundlinjeStore store,
        CancellationToken ct = default) =>
        (await store.Measures.AsNoTracking().Select(m => new { m.Code, m.ValueType }).Distinct().ToListAsync(ct)).GroupBy(m => m.Code)
            .ToDictionary(g => g.Key, g => g.Select(m => m.ValueType).Distinct().Count() == 1 ? g.First().ValueType
                : MeasureValueType.Decimal, StringComparer.Ordinal);

    /// <summary>Unit and precision per code, for the explanations of a run (<see cref="Payments.Metric.Format"/>).</summary>
    public static async Task<Dictionary<string, MeasureFormat>> FormatsAsync(IBundlinjeStore store, int fundId,
        CancellationToken ct = default) =>
        (await store.Measures.AsNoTracking().Where(m => m.FundId == fundId).ToListAsync(ct)).ToDictionary(m => m.Code, m => m.Format,
            StringComparer.Ordinal);

    public async Task<Measure> AddAsync(int fundId, MeasureInput input, CancellationToken ct = default)
    {
        Check(input);
        var code = input.Code!.Trim();
        if (await store.Measures.AnyAsync(m => m.FundId == fundId && m.Code == code, ct)) throw Duplicate(code);
        var measure = new Measure { FundId = fundId, Code = code, NameDa = "", NameEn = "" };
        Apply(measure, input);
        store.Measures.Add(measure);
        await SaveAsync(measure, code, ct);
        return measure;
    }

    /// <summary>Edits a measure of the fund opened at <paramref name="version"/>; a new code only if the old one is unused.</summary>
    public async Task<Measure> EditAsync(int fundId, int id, int version, MeasureInput input, CancellationToken ct = default)
    {
        Check(input);
        var measure = await Find(fundId, id, ct);
        if (measure.Version != version) throw Stale();
        store.ChangeTracker.Context.Entry(measure).Property(nameof(Entity.Version)).OriginalValue = version;
        var code = input.Code!.Trim();
        if (code != measure.Code)
        {
            if (await UsedByAsync(measure) is { } use) throw Refused.At("Code", "measure.codeInUse", measure.Code, use);
            if (await store.Measures.AnyAsync(m => m.FundId == fundId && m.Code == code && m.Id != id, ct)) throw Duplicate(code);
        }
        Apply(measure, input);
        await SaveAsync(measure, code, ct);
        return measure;
    }

    public async Task DeleteAsync(int fundId, int id, CancellationToken ct = default)
    {
        var measure = await Find(fundId, id, ct);
        if (await UsedByAsync(measure) is { } use) throw new Refused("measure.inUse", measure.Code, use);
        store.Measures.Remove(measure);
        await store.SaveChangesAsync(ct);
    }

    /// <summary>Why a measure is in use (a payment model of the fund, register data), or null.</summary>
    public async Task<Refusal?> UsedByAsync(Measure measure)
    {
        var models = await (from m in store.PaymentModels join i in store.Investments on m.InvestmentId equals i.Id
                            where i.FundId == measure.FundId select new { i.Key, m.Json }).AsNoTracking().ToListAsync();
        var users = models.Where(m => MeasuresOf(m.Json).Contains(measure.Code)).Select(m => m.Key).Distinct().Order(StringComparer.Ordinal)
            .ToList();
        if (users.Count > 0) return Refusal.Of("measure.usedByModel", string.Join(", ", users.Select(u => $"'{u}'")));
        var observations = registerObservations?.Invoke(measure.Code) ?? 0;
        return observations > 0 ? Refusal.Of("measure.usedByRegister", observations) : null;
    }

    /// <summary>The measure codes a stored payment model's metrics use.</summary>
    public static IEnumerable<string> MeasuresOf(string modelJson)
    {
        using var document = JsonDocument.Parse(modelJson);
        if (!document.RootElement.TryGetProperty("model", out var model) || !model.TryGetProperty("metrics", out var metrics)
            || metrics.ValueKind != JsonValueKind.Array)
            return [];
        return metrics.EnumerateArray().Select(m => m.TryGetProperty("measure", out var code) ? code.GetString() : null).OfType<string>()
            .ToList();
    }

    private async Task<Measure> Find(int fundId, int id, CancellationToken ct) =>
        await store.Measures.FirstOrDefaultAsync(m => m.Id == id && m.FundId == fundId, ct) ?? throw new Refused("measure.notFound");

    private async Task SaveAsync(Measure measure, string code, CancellationToken ct)
    {
        try { await store.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (StoreConflict.IsUniqueViolation(e))
        {
            store.ChangeTracker.Clear();
            throw Duplicate(code);
        }
        catch (DbUpdateConcurrencyException)
        {
            store.ChangeTracker.Clear();
            throw Stale();
        }
    }

    private static Refused Duplicate(string code) => Refused.At("Code", "measure.duplicate", code);

    private static Refused Stale() => new("measure.stale");

    private static void Check(MeasureInput input)
    {
        if (!CodePattern().IsMatch(input.Code?.Trim() ?? ""))
            throw Refused.At("Code", "measure.codePattern");
        if (string.IsNullOrWhiteSpace(input.NameDa) || input.NameDa.Trim().Length > 200) throw Refused.At("NameDa", "measure.nameDa");
        if (string.IsNullOrWhiteSpace(input.NameEn) || input.NameEn.Trim().Length > 200) throw Refused.At("NameEn", "measure.nameEn");
        if (!Enum.IsDefined(input.Unit)) throw Refused.At("Unit", "measure.chooseUnit");
        if (!Enum.IsDefined(input.ValueType)) throw Refused.At("ValueType", "measure.chooseValueType");
        if (!Enum.IsDefined(input.Source)) throw Refused.At("Source", "measure.chooseSource");
        if (input.Decimals is < 0 or > Measure.MaxDecimals) throw Refused.At("Decimals", "measure.decimals", Measure.MaxDecimals);
    }

    private static void Apply(Measure measure, MeasureInput input)
    {
        measure.Code = input.Code!.Trim();
        measure.NameDa = input.NameDa!.Trim();
        measure.NameEn = input.NameEn!.Trim();
        (measure.Unit, measure.ValueType, measure.Decimals, measure.Source) = (input.Unit, input.ValueType, input.Decimals, input.Source);
    }
}
