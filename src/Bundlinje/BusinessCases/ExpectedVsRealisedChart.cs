using System.Text;
using Bundlinje.Common;
using static Bundlinje.Common.Svg;

namespace Bundlinje.BusinessCases;

/// <summary>A server-rendered SVG bar chart (no JavaScript): per year the business case's expected outcome payments beside
/// what the approved runs pay, in 1.000 kr.</summary>
public static class ExpectedVsRealisedChart
{
    private const int Width = 760, Height = 280, Left = 70, Right = 20, Top = 40, Bottom = 50;
    private const string ExpectedColour = "#004993", RealisedColour = "#358000";

    public static string Svg(IReadOnlyList<RealisedYear> years, string title, string expectedLabel = "Forventet ifølge business casen",
        string realisedLabel = "Godkendte kørsler")
    {
        var expected = years.Select(y => Kroner.RoundThousands(y.Expected)).ToList();
        var realised = years.Select(y => Kroner.RoundThousands(y.Realised)).ToList();
        var max = Math.Max(1m, expected.Concat(realised).DefaultIfEmpty(0).Max());
        var step = NiceStep(max / 4m);
        max = Math.Ceiling(max / step) * step;
        var plot = (decimal)(Width - Left - Right);
        var band = years.Count == 0 ? plot : plot / years.Count;
        var bar = Math.Round(band * 0.35m, 1);
        decimal X(int i) => Math.Round(Left + band * (i + 0.5m), 1);
        decimal Y(decimal v) => Math.Round(Top + (Height - Top - Bottom) * (max - v) / max, 1);
        var svg = new StringBuilder();
        Add(svg, $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {Width} {Height}" role="img" aria-label="{Escape(title)}" """);
        svg.Append("font-family=\"IBM Plex Sans, Arial, sans-serif\" font-size=\"12\">");
        Add(svg, $"""<title>{Escape(title)}</title><text x="{Left}" y="20" font-size="15" font-weight="600">{Escape(title)}</text>""");
        for (var tick = 0m; tick <= max; tick += step)
        {
            Add(svg, $"""<line x1="{Left}" x2="{Width - Right}" y1="{Y(tick)}" y2="{Y(tick)}" stroke="{(tick == 0 ? "#1a1a1a"
                : "#ddd")}"/>""");
            Add(svg, $"""<text x="{Left - 6}" y="{Y(tick) + 4}" text-anchor="end">{tick.ToString("#,##0", Kroner.Danish)}</text>""");
        }
        Add(svg, $"""<text x="{Left - 6}" y="{Top - 12}" text-anchor="end" font-size="11">1.000 kr.</text>""");
        for (var i = 0; i < years.Count; i++)
        {
            Add(svg, $"""<text x="{X(i)}" y="{Height - Bottom + 18}" text-anchor="middle">{years[i].Year}</text>""");
            Bar(svg, X(i) - bar, bar, Y(expected[i]), Y(0), ExpectedColour, $"{years[i].Year} – {expectedLabel}: {Kroner.Number(
                (int)expected[i])}", "expected");
            Bar(svg, X(i), bar, Y(realised[i]), Y(0), RealisedColour, $"{years[i].Year} – {realisedLabel}: {Kroner.Number(
                (int)realised[i])}", "realised");
        }
        var x = Left;
        foreach (var (colour, text) in new[] { (ExpectedColour, expectedLabel), (RealisedColour, realisedLabel) })
        {
            Add(svg, $"""<rect x="{x}" y="{Height - 18}" width="24" height="10" fill="{colour}"/><text x="{x
                + 30}" y="{Height - 8}">{Escape(
                text)}</text>""");
            x += 50 + text.Length * 7;
        }
        return svg.Append("</svg>").ToString();
    }

    private static void Bar(StringBuilder svg, decimal x, decimal width, decimal y, decimal zero, string colour, string tooltip,
        string kind) =>
        Add(svg, $"""<rect class="{kind}" x="{x}" y="{Math.Min(y, zero)}" width="{width}" height="{Math.Abs(
            zero - y)}" fill="{colour}"><title>{Escape(tooltip)}</title></rect>""");
}
