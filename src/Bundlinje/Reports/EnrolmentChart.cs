using System.Text;
using Bundlinje.Common;
using static Bundlinje.Common.Svg;

namespace Bundlinje.Reports;

/// <summary>An investment's enrolment so far (the reported counts, dots joined by a line) against the plan's cumulative line
/// (dashed) or, without one, the planned total (dotted), on a time axis; da-DK ticks, no JavaScript (the style of
/// <see cref="EconomicsCharts"/>). The public pages draw a result's achieved counts with it (<c>label</c>: the legend's text).</summary>
public static class EnrolmentChart
{
    public const int Width = 480, Height = 260;
    private const int Left = 50, Right = 15, Top = 36, Bottom = 52;

    public static string Svg(string title, IReadOnlyList<(DateOnly Date, int Count)> enrolled,
        IReadOnlyList<(DateOnly Date, int Count)> plan, string language, int? total = null, string? label = null)
    {
        var all = enrolled.Concat(plan).ToList();
        if (plan.Count > 0) total = null;
        var (first, last) = (all.Min(p => p.Date).DayNumber, all.Max(p => p.Date).DayNumber);
        if (last - first < 60) (first, last) = (first - 182, last + 182); // one count: half a year either side
        var highest = Math.Max(all.Max(p => p.Count), total ?? 0);
        var step = Step(highest);
        var top = Math.Max(step, (highest + step - 1) / step * step);
        var span = last - first;
        decimal X(DateOnly d) => Math.Round(Left + (Width - Left - Right) * (decimal)(d.DayNumber - first) / span, 1);
        decimal Y(int v) => Math.Round(Top + (Height - Top - Bottom) * (top - v) / (decimal)top, 1);
        var svg = new StringBuilder();
        Add(svg, $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {Width} {Height}" role="img" aria-label="{Escape(
            title)}" font-family="IBM Plex Sans, Arial, sans-serif" font-size="11">""");
        Add(svg, $"""<title>{Escape(title)}</title><text x="{Left}" y="18" font-size="13" font-weight="600">{Escape(title)}</text>""");
        for (var tick = 0; tick <= top; tick += step)
            Add(svg, $"""<line x1="{Left}" x2="{Width - Right}" y1="{Y(tick)}" y2="{Y(tick)}" stroke="{(tick == 0 ? "#1a1a1a"
                : "#ddd")}"/><text x="{Left - 6}" y="{Y(tick) + 4}" text-anchor="end">{Kroner.Number(tick)}</text>""");
        var years = Enumerable.Range(DateOnly.FromDayNumber(first).Year, DateOnly.FromDayNumber(last).Year
            - DateOnly.FromDayNumber(first).Year + 1).Select(y => new DateOnly(y, 1, 1)).Where(d => d.DayNumber >= first).ToList();
        foreach (var year in years)
            Add(svg, $"""<text x="{X(year)}" y="{Height - Bottom + 16}" text-anchor="middle">{year.Year}</text>""");
        if (plan.Count > 0)
            Add(svg, $"""<polyline class="plan" fill="none" stroke="#6b6b6b" stroke-width="2" stroke-dasharray="6 4" points="{Points(
                plan, X, Y)}"/>""");
        Add(svg, $"""<polyline class="enrolled" fill="none" stroke="#004993" stroke-width="3" points="{Points(enrolled, X, Y)}"/>""");
        foreach (var (date, count) in enrolled)
            Add(svg, $"""<circle cx="{X(date)}" cy="{Y(count)}" r="4" fill="#004993"><title>{date.ToString("dd-MM-yyyy",
                Kroner.Danish)}: {Kroner.Number(count)}</title></circle>""");
        var en = language == "en";
        if (total is { } t)
            Add(svg, $"""<line class="total" x1="{Left}" x2="{Width - Right}" y1="{Y(t)}" y2="{Y(
                t)}" stroke="#6b6b6b" stroke-width="2" stroke-dasharray="2 3"><title>{Kroner.Number(t)}</title></line>""");
        var legend = new List<(string, string, string?)> { ("#004993", label ?? (en ? "Enrolled" : "Optaget"), null) };
        if (plan.Count > 0) legend.Add(("#6b6b6b", "Plan", "6 4"));
        if (total is not null) legend.Add(("#6b6b6b", en ? "Planned in total" : "Planlagt i alt", "2 3"));
        Legend(svg, [.. legend]);
        return svg.Append("</svg>").ToString();
    }

    private static string Points(IEnumerable<(DateOnly Date, int Count)> points, Func<DateOnly, decimal> x, Func<int, decimal> y) =>
        string.Join(' ', points.OrderBy(p => p.Date).Select(p => FormattableString.Invariant($"{x(p.Date)},{y(p.Count)}")));

    private static void Legend(StringBuilder svg, params (string Colour, string Text, string? Dash)[] items)
    {
        var x = Left;
        foreach (var (colour, text, dash) in items)
        {
            Add(svg, $"""<line x1="{x}" x2="{x + 24}" y1="{Height - 12}" y2="{Height - 12}" stroke="{colour}" stroke-width="{(dash is null
                ? 3 : 2)}"{(dash is null ? "" : $" stroke-dasharray=\"{dash}\"")}/><text x="{x
                    + 30}" y="{Height - 8}">{Escape(text)}</text>""");
            x += 40 + text.Length * 7;
        }
    }

    /// <summary>The tick step: 1, 2, 5, 10, 20, 50, … so that at most 5 steps reach the largest count.</summary>
    private static int Step(int max)
    {
        var step = 1;
        while (step * 5 < max) step = step.ToString(System.Globalization.CultureInfo.InvariantCulture)[0] == '2' ? step / 2 * 5 : step * 2;
        return step;
    }
}
