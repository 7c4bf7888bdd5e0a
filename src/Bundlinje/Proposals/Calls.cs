using System.Linq.Expressions;
using Bundlinje.Common;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Proposals;

public sealed class CallRefused(string field, string message) : FieldRefusal(field, message);

public sealed record CallInput(string? Title, string? Theme, string? Text, DateOnly? OpensOn, DateOnly? ClosesOn);

/// <summary>Themed calls for proposals: announced by the secretariat, public while open.</summary>
public sealed class Calls(IBundlinjeStore store)
{
    public async Task<Call> AnnounceAsync(string fundKey, CallInput input, CancellationToken ct = default)
    {
        var fund = await store.Funds.FirstOrDefaultAsync(f => f.Key == fundKey, ct)
            ?? throw new CallRefused("Title", $"Ukendt fond '{fundKey}'.");
        if (string.IsNullOrWhiteSpace(input.Title)) throw new CallRefused(nameof(input.Title), "Titel skal udfyldes.");
        if (input.Title.Length > 300) throw new CallRefused(nameof(input.Title), "Titel må højst være 300 tegn.");
        if (input.Theme?.Length > 300) throw new CallRefused(nameof(input.Theme), "Tema må højst være 300 tegn.");
        if (string.IsNullOrWhiteSpace(input.Text)) throw new CallRefused(nameof(input.Text), "Teksten til ansøgerne skal udfyldes.");
        if (input.Text.Length > 8000) throw new CallRefused(nameof(input.Text), "Teksten må højst være 8000 tegn.");
        if (input.OpensOn is not { } opens) throw new CallRefused(nameof(input.OpensOn), "Åbner skal udfyldes.");
        if (input.ClosesOn is not { } closes) throw new CallRefused(nameof(input.ClosesOn), "Lukker skal udfyldes.");
        if (closes < opens) throw new CallRefused(nameof(input.ClosesOn), "Lukker: skal ligge på eller efter datoen, opkaldet åbner.");
        var slug = Slug.Of(input.Title);
        var key = slug;
        for (var n = 2; await store.Calls.AnyAsync(c => c.FundId == fund.Id && c.Key == key, ct); n++) key = $"{slug}-{n}";
        var call = new Call
        {
            FundId = fund.Id, Key = key, Title = input.Title.Trim(), Theme = input.Theme?.Trim(),
            Text = input.Text.Trim(), OpensOn = opens, ClosesOn = closes
        };
        store.Calls.Add(call);
        await store.SaveChangesAsync(ct);
        return call;
    }

    /// <summary>Calls open on a date, as a query filter (translated to SQL).</summary>
    public static Expression<Func<Call, bool>> OpenOn(DateOnly today) => c => c.OpensOn <= today && c.ClosesOn >= today;

    /// <summary>The same rule as <see cref="OpenOn"/>, for one call in memory.</summary>
    public static bool IsOpen(Call call, DateOnly today) => call.OpensOn <= today && today <= call.ClosesOn;
}
