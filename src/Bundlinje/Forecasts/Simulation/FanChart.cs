using System.Text;
using Bundlinje.Common;
using static Bundlinje.Common.Svg;

namespace Bundlinje.Forecasts.Simulation;

/// <summary>The simulated balance as a fan chart (server-side SVG, 1.000 kr.): the P10–P90 band and the P50 line per
/// column, the deterministic table's balance dashed, and zero. Texts come translated from the caller.</summary>
public static class FanChart
{
    private const int Width = 760, Height = 320, Left = 70, Right = 20, Top = 40, Bottom = 60;

    public static string Svg(SimulationResult result, string title, string band, string median, string table)
    {
        var years = result.Years;
        var values = years.SelectMany(y => new[] { y.P10, y.P90, y.Deterministic }).Select(Kroner.RoundThousands).Append(0m).ToList();
        var (min, max) = (values.Min(), values.Max());
        var step = NiceStep((max - min) / 5m);
        min = Math.Floor(min / step) * step;
        max = Math.Max(Math.Ceiling(max / step) * step, min + step);
        decimal X(int i) => Math.Round(Left + (Width - Left - Right) * (i + 0.5m) / years.Count, 1);
        decimal Y(decimal v) => Math.Round(Top + (Height - Top - Bottom) * (max - Kroner.RoundThousands(v)) / (max - min), 1);
        string P(int i, decimal v) => FormattableString.Invariant($"{X(i)},{Y(v)}");
        var svg = new StringBuilder();
        Add(svg, $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {Width} {Height}" role="img" aria-label="{Escape(
            title)}" font-family="IBM Plex Sans, Arial, sans-serif" font-size="12"><title>{Escape(title)}</title>""");
        Add(svg, $"""<text x="{Left}" y="20" font-size="15" font-weight="600">{Escape(title)}</text>""");
        for (var tick = min; tick <= max; tick += step)
            Add(svg, $"""<line x1="{Left}" x2="{Width - Right}" y1="{Y(tick * 1000)}" y2="{Y(tick * 1000)}" stroke="{(tick == 0 ? "#1a1a1a"
                : "#ddd")}"/><text x="{Left - 6}" y="{Y(tick * 1000)
                    + 4}" text-anchor="end">{tick.ToString("#,##0", Kroner.Danish)}</text>""");
        Add(svg, $"""<text x="{Left - 6}" y="{Top - 12}" text-anchor="end" font-size="11">1.000 kr.</text>""");
        for (var i = 0; i < years.Count; i++)
            Add(svg, $"""<text x="{X(i)}" y="{Height - Bottom + 18}" text-anchor="middle">{Escape(Short(years[i].Column.Label))}</text>""");
        var upper = years.Select((y, i) => P(i, y.P90));
        var lower = years.Select((y, i) => P(i, y.P10)).Reverse();
        Add(svg, $"""<polygon class="band" fill="#004993" fill-opacity="0.18" stroke="none" points="{string.Join(' ',
            upper.Concat(lower))}"/>""");
        var deterministic = string.Join(' ', years.Select((y, i) => P(i, y.Deterministic)));
        const string dashed = "stroke=\"#1a1a1a\" stroke-width=\"2\" stroke-dasharray=\"6 4\"";
        Add(svg, $"""<polyline class="deterministic" fill="none" {dashed} points="{deterministic}"/>""");
        Add(svg, $"""<polyline class="median" fill="none" stroke="#004993" stroke-width="3" points="{string.Join(' ',
            years.Select((y, i) => P(i, y.P50)))}"/>""");
        for (var i = 0; i < years.Count; i++)
            Add(svg, $"""<circle cx="{X(i)}" cy="{Y(years[i].P50)}" r="3" fill="#004993"><title>{Escape(years[i]
                .Column.Label)}: P10 {Kroner.Number((int)Kroner.RoundThousands(years[i].P10))}, P50 {Kroner.Number(
                    (int)Kroner.RoundThousands(years[i].P50))}, P90 {Kroner.Number(
                        (int)Kroner.RoundThousands(years[i].P90))}</title></circle>""");
        var x = Left;
        foreach (var (text, kind) in new[] { (band, 0), (median, 1), (table, 2) })
        {
            Add(svg, kind switch
            {
                0 => $"""<rect x="{x}" y="{Height - 20}" width="24" height="12" fill="#004993" fill-opacity="0.18"/>""",
                1 => $"""<line x1="{x}" x2="{x + 24}" y1="{Height - 14}" y2="{Height - 14}" stroke="#004993" stroke-width="3"/>""",
                _ => $"""<line x1="{x}" x2="{x
                    + 24}" y1="{Height - 14}" y2="{Height - 14}" stroke="#1a1a1a" stroke-width="2" {""}stroke-dasharray="6 4"/>""",
            });
            Add(svg, $"""<text x="{x + 30}" y="{Height - 10}">{Escape(text)}</text>""");
            x += 40 + text.Length * 7;
        }
        return svg.Append("</svg>").ToString();
    }

    private static string Short(string label) => label == "Efterfølgende år i alt" ? "Senere" : label;
}
