using System.Text;
using Bundlinje.Common;
using static Bundlinje.Common.Svg;

namespace Bundlinje.BusinessCases;

/// <summary>The sensitivity table as a server-side SVG tornado chart (no JavaScript): one row per parameter, widest first,
/// a bar from the base net present value to the value at − step and one to the value at + step, in 1.000 kr. The texts
/// (title, parameter names, legend) come from the page in the reader's language; each bar has a &lt;title&gt; with its value.</summary>
public static class TornadoChart
{
    private const int Width = 640, LabelWidth = 150, Right = 30, Top = 62, RowHeight = 34, BarHeight = 20, Bottom = 34;

    /// <param name="label">The parameter's name to show (<see cref="Sensitivity.Success"/> → "Succesrate").</param>
    /// <param name="low">Legend and tooltip text for the parameter moved down ("−20 %").</param>
    /// <param name="high">Legend and tooltip text for the parameter moved up ("+20 %").</param>
    public static string Svg(IReadOnlyList<SensitivityRow> rows, decimal baseNpv, Func<string, string> label, string title, string low,
        string high)
    {
        decimal K(decimal kroner) => Kroner.RoundThousands(kroner);
        var values = rows.SelectMany(r => new[] { K(r.LowNpv), K(r.HighNpv) }).Append(K(baseNpv)).ToList();
        var (min, max) = (values.Min(), values.Max());
        if (max == min) (min, max) = (min - 1, max + 1);
        var pad = (max - min) * 0.08m;
        (min, max) = (min - pad, max + pad);
        var plot = (decimal)(Width - LabelWidth - Right);
        decimal X(decimal v) => Math.Round(LabelWidth + plot * (v - min) / (max - min), 1);
        var height = Top + rows.Count * RowHeight + Bottom;
        var svg = new StringBuilder();
        Add(svg, $"""<svg xmlns="http://www.w3.org/2000/svg" class="tornado" viewBox="0 0 {Width} {height}" """);
        Add(svg, $"""width="{Width}" height="{height}" role="img" aria-labelledby="tornado-title" """);
        Add(svg, $"""font-family="IBM Plex Sans, Arial, sans-serif" font-size="12">""");
        Add(svg, $"""<title id="tornado-title">{Escape(title)}</title>""");
        Add(svg, $"""<text x="0" y="18" font-size="15" font-weight="600">{Escape(title)}</text>""");
        Legend(svg, 0, low, LowColour);
        Legend(svg, 150, high, HighColour);
        var baseX = X(K(baseNpv));
        for (var i = 0; i < rows.Count; i++)
        {
            var (row, y) = (rows[i], Top + i * RowHeight);
            var name = label(row.Parameter);
            Add(svg, $"""<text x="{LabelWidth - 8}" y="{y + BarHeight / 2 + 4}" text-anchor="end">{Escape(name)}</text>""");
            Bar(svg, baseX, X(K(row.LowNpv)), y, LowColour, $"{name}, {low}: {Kroner.Thousands(row.LowNpv)}");
            Bar(svg, baseX, X(K(row.HighNpv)), y, HighColour, $"{name}, {high}: {Kroner.Thousands(row.HighNpv)}");
        }
        var axis = Top + rows.Count * RowHeight;
        Add(svg, $"""<line x1="{baseX}" x2="{baseX}" y1="{Top - 6}" y2="{axis}" stroke="#1a1a1a"/>""");
        Add(svg, $"""<text x="{baseX}" y="{axis + 16}" text-anchor="middle">{Escape(Kroner.Thousands(baseNpv))}</text>""");
        Add(svg, $"""<text x="{Width - Right}" y="{axis + 30}" text-anchor="end" font-size="11">1.000 kr.</text>""");
        return svg.Append("</svg>").ToString();
    }

    private const string LowColour = "#b0413e", HighColour = "#358000";

    private static void Bar(StringBuilder svg, decimal from, decimal to, int y, string colour, string tooltip)
    {
        Add(svg, $"""<rect x="{Math.Min(from, to)}" y="{y}" width="{Math.Max(Math.Abs(to - from), 1m)}" height="{BarHeight}" """);
        Add(svg, $"""fill="{colour}"><title>{Escape(tooltip)}</title></rect>""");
    }

    private static void Legend(StringBuilder svg, int x, string text, string colour) =>
        Add(svg, $"""<rect x="{x}" y="30" width="14" height="14" fill="{colour}"/><text x="{x + 20}" y="41">{Escape(text)}</text>""");

    /// <summary>Appends with invariant numbers (a decimal point, never a comma, in SVG attributes).</summary>
}
