using System.Text;
using Bundlinje.Common;
using Bundlinje.Fund;
using static Bundlinje.Common.Svg;

namespace Bundlinje.Reports;

/// <summary>Server-side SVG charts of the economics table (1.000 kr., da-DK ticks); they need no JavaScript.</summary>
public static class EconomicsCharts
{
    private const int Width = 760, Height = 300, Left = 70, Right = 20, Top = 40, Bottom = 50;

    /// <summary>Balance at year end: accounts years solid, projected years dashed; the effect % in the title.</summary>
    public static string Balance(EconomicsTable table, string title)
    {
        var values = table.Balance.Select(Common.Kroner.RoundThousands).ToList();
        var (svg, x, y) = Frame(title, table.Columns, values.Append(0m));
        var points = values.Select((v, i) => FormattableString.Invariant($"{x(i)},{y(v)}")).ToList();
        var lastActual = table.Columns.ToList().FindLastIndex(c => c.IsActual);
        if (lastActual >= 0) svg.Add(
            $"""<polyline class="actual" fill="none" stroke="#004993" stroke-width="3" points="{string.Join(' ',
                points.Take(lastActual + 1))}"/>""");
        svg.Add($"""<polyline class="projected" fill="none" stroke="#004993" stroke-width="3" stroke-dasharray="8 6" points="{string.Join(
            ' ', points.Skip(Math.Max(lastActual, 0)))}"/>""");
        for (var i = 0; i < values.Count; i++)
            svg.Add($"""<circle cx="{x(i)}" cy="{y(values[i])}" r="4" fill="{(table.Columns[i].IsActual ? "#004993"
                : "#fff")}" stroke="#004993" stroke-width="2"><title>{Escape(table.Columns[i].Label)}: {Kroner.Number(
                    (int)values[i])}</title></circle>""");
        Legend(svg, ("#004993", "Regnskab", false), ("#004993", "Fremskrivning", true));
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Spending (running costs and investments) against result payments received or expected, per column.</summary>
    public static string SpendingAndResultPayments(EconomicsTable table, string title)
    {
        var rows = table.RunningCosts.Concat(table.Investments).ToList();
        var spending = table.Columns.Select((_, i) =>
            Common.Kroner.RoundThousands(rows.Where(r => r.Kind != EconomicsRowKind.ResultPayment).Sum(r => r.Cells[i]))).ToList();
        var payments = table.Columns.Select((_, i) =>
            Common.Kroner.RoundThousands(-rows.Where(r => r.Kind == EconomicsRowKind.ResultPayment).Sum(r => r.Cells[i]))).ToList();
        var (svg, x, y) = Frame(title, table.Columns, spending.Concat(payments).Append(0m));
        var band = (Width - Left - Right) / (decimal)table.Columns.Count;
        var bar = Math.Round(band * 0.35m, 1);
        for (var i = 0; i < table.Columns.Count; i++)
        {
            Bar(svg, x(i) - bar, bar, y(spending[i]), y(0), "#b0413e",
                $"{table.Columns[i].Label} – udgifter: {Kroner.Number((int)spending[i])}");
            Bar(svg, x(i), bar, y(payments[i]), y(0), "#358000",
                $"{table.Columns[i].Label} – resultatbetalinger: {Kroner.Number((int)payments[i])}");
        }
        Legend(svg, ("#b0413e", "Udgifter", false), ("#358000", "Resultatbetalinger", false));
        return svg.Append("</svg>").ToString();
    }

    private static (StringBuilder Svg, Func<int, decimal> X, Func<decimal, decimal> Y) Frame(string title,
        IReadOnlyList<EconomicsColumn> columns, IEnumerable<decimal> values)
    {
        var (min, max) = (values.Min(), values.Max());
        var step = NiceStep((max - min) / 5m);
        min = Math.Floor(min / step) * step;
        max = Math.Max(Math.Ceiling(max / step) * step, min + step);
        var plotWidth = (decimal)(Width - Left - Right);
        decimal X(int i) => Math.Round(Left + plotWidth * (i + 0.5m) / columns.Count, 1);
        decimal Y(decimal v) => Math.Round(Top + (Height - Top - Bottom) * (max - v) / (max - min), 1);
        var svg = new StringBuilder();
        svg.Add($"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {Width} {Height}" role="img" aria-label="{Escape(
            title)}" font-family="IBM Plex Sans, Arial, sans-serif" font-size="12">""");
        svg.Add($"""<title>{Escape(title)}</title><text x="{Left}" y="20" font-size="15" font-weight="600">{Escape(title)}</text>""");
        for (var tick = min; tick <= max; tick += step)
            svg.Add($"""<line x1="{Left}" x2="{Width - Right}" y1="{Y(tick)}" y2="{Y(tick)}" stroke="{(tick == 0 ? "#1a1a1a"
                : "#ddd")}"/><text x="{Left - 6}" y="{Y(tick) + 4}" text-anchor="end">{tick.ToString("#,##0", Kroner.Danish)}</text>""");
        for (var i = 0; i < columns.Count; i++)
            svg.Add($"""<text x="{X(i)}" y="{Height - Bottom + 18}" text-anchor="middle">{Escape(Short(columns[i].Label))}</text>""");
        svg.Add($"""<text x="{Left - 6}" y="{Top - 12}" text-anchor="end" font-size="11">1.000 kr.</text>""");
        return (svg, X, Y);
    }

    private static void Bar(StringBuilder svg, decimal x, decimal width, decimal y, decimal zero, string colour, string tooltip) =>
        svg.Add($"""<rect x="{x}" y="{Math.Min(y, zero)}" width="{width}" height="{Math.Abs(zero - y)}" fill="{colour}"><title>{Escape(
            tooltip)}</title></rect>""");

    private static void Legend(StringBuilder svg, params (string Colour, string Text, bool Dashed)[] items)
    {
        var x = Left;
        foreach (var (colour, text, dashed) in items)
        {
            svg.Add($"""<line x1="{x}" x2="{x
                + 24}" y1="{Height - 12}" y2="{Height - 12}" stroke="{colour}" stroke-width="{(dashed ? 3 : 8)}"{(dashed
                    ? " stroke-dasharray=\"6 4\"" : "")}/><text x="{x + 30}" y="{Height - 8}">{Escape(text)}</text>""");
            x += 40 + text.Length * 8;
        }
    }

    // Coordinates must use a decimal point whatever the request's culture (da-DK writes 103,5).
    private static void Add(this StringBuilder svg, FormattableString text) => svg.Append(FormattableString.Invariant(text));

    private static string Short(string label) => label == "Efterfølgende år i alt" ? "Senere" : label;
}
