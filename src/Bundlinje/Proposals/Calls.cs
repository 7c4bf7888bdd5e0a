using System.Linq.Expressions;
using Bundlinje.Common;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Proposals;

public sealed record CallInput(string? Title, string? Theme, string? Text, DateOnly? OpensOn, DateOnly? ClosesOn);

/// <summary>Themed calls for proposals: announced by the secretariat, public while open.</summary>
public sealed class Calls(IBundlinjeStore store)
{
    public async Task<Call> AnnounceAsync(string fundKey, CallInput input, CancellationToken ct = default) =>
        await AnnounceAsync(await store.Funds.FirstOrDefaultAsync(f => f.Key == fundKey, ct)
            ?? throw Refused.At("Title", "fund.unknown", fundKey), input, ct);

    /// <summary>For a caller that has loaded the fund (a page of the fund's route).</summary>
    public async Task<Call> AnnounceAsync(Fund.Fund fund, CallInput input, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(input.Title)) throw Refused.At(nameof(input.Title), "form.required", Refusal.Of("label.title"));
        if (input.Title.Length > 300) throw Refused.At(nameof(input.Title), "form.tooLong", Refusal.Of("label.title"), 300);
        if (input.Theme?.Length > 300) throw Refused.At(nameof(input.Theme), "form.tooLong", Refusal.Of("label.theme"), 300);
        if (string.IsNullOrWhiteSpace(input.Text)) throw Refused.At(nameof(input.Text), "form.required", Refusal.Of("label.callText"));
        if (input.Text.Length > 8000) throw Refused.At(nameof(input.Text), "form.tooLong", Refusal.Of("label.text"), 8000);
        if (input.OpensOn is not { } opens) throw Refused.At(nameof(input.OpensOn), "form.required", Refusal.Of("label.opens"));
        if (input.ClosesOn is not { } closes) throw Refused.At(nameof(input.ClosesOn), "form.required", Refusal.Of("label.closes"));
        if (closes < opens) throw Refused.At(nameof(input.ClosesOn), "call.closesBeforeOpens");
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
