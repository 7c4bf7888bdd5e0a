using System.Text;
using Bundlinje.Common;

namespace Bundlinje.Payments;

/// <summary>The final statement as plain text (the CLI prints it): amounts to the øre, multiple to four decimals, IRR in
/// per cent to two decimals ("udefineret" when it is null).</summary>
public static class FinalStatementText
{
    public static string Write(FinalStatement s)
    {
        var text = new StringBuilder(Kroner.Text($"Slutopgørelse for {s.Investment} pr. {s.AsOf:dd-MM-yyyy}\n"));
        text.Append("Investor\tTrukket kapital\tModtaget\tGaranti betalt\tGevinst/tab\tMultipel\tIRR\n");
        foreach (var i in s.Investors)
            text.Append($"{i.Name}\t{Exact(i.Drawn)}\t{Exact(i.Received)}\t{Exact(i.GuaranteePaid)}\t{Exact(i.GainLoss)}\t{Multiple(
                i.Multiple)}\t{Irr(i.Irr)}\n");
        text.Append($"I alt\t{Exact(s.Drawn)}\t{Exact(s.Received)}\t{Exact(s.GuaranteePaid)}\t{Exact(s.GainLoss)}\t\t\n");
        foreach (var g in s.Guarantors)
            text.Append($"Underskudsgarant {g.Name}: garanti {Exact(g.Limit)}, betaler {Exact(g.Paid)}"
                + string.Concat(g.ToInvestors.Select(t => $"; til {t.Investor} {Exact(t.Amount)}")) + "\n");
        foreach (var d in s.Donors)
            text.Append($"Donor {d.Name}: donation {Exact(d.Donation)}, heraf brugt til at nedskrive kravet {Exact(d.Used)}\n");
        foreach (var note in s.Notes) text.Append(note).Append('\n');
        return text.ToString();
    }

    public static string Exact(decimal amount) => amount.ToString("#,##0.00", Kroner.Danish) + " kr.";

    public static string Multiple(decimal? multiple) => multiple?.ToString("0.0000", Kroner.Danish) ?? "udefineret";

    public static string Irr(decimal? irr) => irr is { } r ? (r * 100).ToString("0.00", Kroner.Danish) + " %" : "udefineret";
}
