using System.Globalization;
using System.Text.RegularExpressions;
using Bundlinje.Common;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.BusinessCases;

/// <summary>What a secretariat types for a unit price (the price read as kroner; null when it could not be read).</summary>
public sealed record UnitPriceInput(string? Code, string? Service, string? Unit, decimal? Price, int PriceYear, string? Source,
    string? Department, PublicLevel Level);

/// <summary>
/// A fund's unit-price catalogue and price index (docs/business-cases.md): the secretariat adds and edits prices and sets
/// the index per year; business cases take their prices from it by code (<see cref="PriceBook"/>). The code is unique
/// within the fund by the database's unique index, so two secretariat members adding the same code at once cannot both
/// succeed: the second is told. A code a stored business case uses cannot be changed. Changes are audited with the save.
/// </summary>
public sealed partial class UnitPriceCatalogue(IBundlinjeStore store)
{
    public const int FirstYear = 1990, LastYear = 2100;

    /// <summary>The largest index value the column holds (precision 12, scale 4).</summary>
    public const decimal MaxIndex = 99_999_999.9999m;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,59}$")]
    private static partial Regex CodePattern();

    public Task<List<UnitPrice>> OfFundAsync(Fund.Fund fund, CancellationToken ct = default) =>
        store.UnitPrices.AsNoTracking().Where(p => p.FundId == fund.Id).OrderBy(p => p.Code).ToListAsync(ct);

    public Task<List<PriceIndex>> IndexAsync(Fund.Fund fund, CancellationToken ct = default) =>
        store.PriceIndices.AsNoTracking().Where(p => p.FundId == fund.Id).OrderBy(p => p.Year).ToListAsync(ct);

    /// <summary>An index value typed the Danish way ("103,2"), or a refusal at <c>Value</c>.</summary>
    public static decimal ParseIndex(string? text) =>
        decimal.TryParse(text?.Trim(), NumberStyles.AllowDecimalPoint, Kroner.Danish, out var value) && value > 0 && value <= MaxIndex
        && decimal.Round(value, 4) == value
            ? value
            : throw Refused.At("Value", "priceIndex.value");

    public async Task<UnitPrice> AddAsync(Fund.Fund fund, UnitPriceInput input, CancellationToken ct = default)
    {
        Check(input);
        var price = new UnitPrice { FundId = fund.Id, Code = "", Service = "", Unit = "", Source = "" };
        Apply(price, input);
        store.UnitPrices.Add(price);
        await SaveAsync(price.Code, ct);
        return price;
    }

    /// <summary>Edits a price of the fund opened at <paramref name="version"/> (another fund's id is <see cref="NotFound"/>);
    /// a new code only if no stored business case of the fund uses the old one.</summary>
    public async Task<UnitPrice> UpdateAsync(Fund.Fund fund, int id, int version, UnitPriceInput input, CancellationToken ct = default)
    {
        var price = await store.UnitPrices.FirstOrDefaultAsync(p => p.Id == id && p.FundId == fund.Id, ct)
            ?? throw new NotFound("unitPrice", id);
        Check(input);
        if (price.Version != version) throw new Refused("unitPrice.stale");
        store.ChangeTracker.Context.Entry(price).Property(nameof(Entity.Version)).OriginalValue = version;
        var code = input.Code!.Trim();
        if (code != price.Code && await UsedByAsync(fund, price.Code, ct) is { } investment)
            throw Refused.At("Code", "unitPrice.codeInUse", price.Code, investment);
        Apply(price, input);
        await SaveAsync(code, ct);
        return price;
    }

    /// <summary>Sets the fund's price index for a year (adds it or changes its value).</summary>
    public async Task<PriceIndex> SetIndexAsync(Fund.Fund fund, int year, decimal value, CancellationToken ct = default)
    {
        if (year is < FirstYear or > LastYear) throw Refused.At("Year", "priceIndex.year");
        if (value <= 0 || value > MaxIndex || decimal.Round(value, 4) != value) throw Refused.At("Value", "priceIndex.value");
        var entry = await store.PriceIndices.FirstOrDefaultAsync(p => p.FundId == fund.Id && p.Year == year, ct);
        if (entry is null) store.PriceIndices.Add(entry = new PriceIndex { FundId = fund.Id, Year = year, Value = value });
        else entry.Value = value;
        try { await store.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (StoreConflict.IsUniqueViolation(e))
        {
            store.ChangeTracker.Clear();
            throw Refused.At("Year", "priceIndex.savedConcurrently", year);
        }
        catch (DbUpdateConcurrencyException)
        {
            store.ChangeTracker.Clear();
            throw Refused.At("Year", "priceIndex.savedConcurrently", year);
        }
        return entry;
    }

    /// <summary>The key of an investment of the fund with a stored business case (any revision) that prices by the code.</summary>
    private async Task<string?> UsedByAsync(Fund.Fund fund, string code, CancellationToken ct)
    {
        var cases = await (from b in store.BusinessCases join i in store.Investments on b.InvestmentId equals i.Id
                           where i.FundId == fund.Id && b.Json.Contains(code) select new { i.Key, b.Json }).AsNoTracking().ToListAsync(ct);
        return cases.FirstOrDefault(c => BusinessCaseFile.Read(c.Json).Outcomes.SelectMany(o => o.Consequences)
            .Any(q => q.PriceCode == code))?.Key;
    }

    private async Task SaveAsync(string code, CancellationToken ct)
    {
        // The unique index on (FundId, Code) decides a duplicate, also two adds at once.
        try { await store.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (StoreConflict.IsUniqueViolation(e))
        {
            store.ChangeTracker.Clear();
            throw Refused.At("Code", "unitPrice.duplicate", code);
        }
        catch (DbUpdateConcurrencyException)
        {
            store.ChangeTracker.Clear();
            throw new Refused("unitPrice.stale");
        }
    }

    private static void Check(UnitPriceInput input)
    {
        var problems = new List<Refusal>();
        if (!CodePattern().IsMatch(input.Code?.Trim() ?? "")) problems.Add(Refusal.At("Code", "unitPrice.codePattern"));
        if (string.IsNullOrWhiteSpace(input.Service) || input.Service.Trim().Length > 200)
            problems.Add(Refusal.At("Service", "unitPrice.service"));
        if (string.IsNullOrWhiteSpace(input.Unit) || input.Unit.Trim().Length > 60) problems.Add(Refusal.At("Unit", "unitPrice.unit"));
        if (input.Price is not { } price) problems.Add(Refusal.At("Price", "unitPrice.priceFormat"));
        else if (Kroner.Problem(Refusal.Of("label.unitPrice"), price) is { } range) problems.Add(range with { Field = "Price" });
        else if (price < 0) problems.Add(Refusal.At("Price", "unitPrice.priceNegative"));
        if (input.PriceYear is < FirstYear or > LastYear) problems.Add(Refusal.At("PriceYear", "unitPrice.priceYear"));
        if (string.IsNullOrWhiteSpace(input.Source) || input.Source.Trim().Length > 400)
            problems.Add(Refusal.At("Source", "unitPrice.source"));
        if (input.Department?.Trim().Length > 200) problems.Add(Refusal.At("Department", "unitPrice.department"));
        if (!Enum.IsDefined(input.Level)) problems.Add(Refusal.At("Level", "unitPrice.chooseLevel"));
        if (problems.Count > 0) throw new Refused(null, problems);
    }

    private static void Apply(UnitPrice price, UnitPriceInput input)
    {
        price.Code = input.Code!.Trim();
        price.Service = input.Service!.Trim();
        price.Unit = input.Unit!.Trim();
        price.Price = input.Price!.Value;
        price.PriceYear = input.PriceYear;
        price.Source = input.Source!.Trim();
        price.Department = string.IsNullOrWhiteSpace(input.Department) ? null : input.Department.Trim();
        price.Level = input.Level;
    }
}
