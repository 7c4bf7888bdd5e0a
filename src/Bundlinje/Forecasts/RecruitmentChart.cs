using System.Globalization;
using System.Text;
using Bundlinje.Common;
using static Bundlinje.Common.Svg;

namespace Bundlinje.Forecasts;

/// <summary>The chart's texts in the reader's language.</summary>
public sealed record RecruitmentChartLabels(string Title, string Enrolled, string Plan, string Mean, string Band);

/// <summary>A server-rendered SVG line chart (no JavaScript) of a recruitment forecast: the counts so far, the plan's line,
/// the forecast mean and its 80 % band from the latest count to the end. The page gives a table of the same figures.</summary>
public static class RecruitmentChart
{
    private const int Width = 760, Height = 300, Left = 60, Right = 20, Top = 40, Bottom = 56;
    private const string EnrolledColour = "#1a1a1a", PlanColour = "#004993", MeanColour = "#b35900", BandColour = "#f5c28a";

    public static string Svg(RecruitmentForecast forecast, RecruitmentChartLabels labels)
    {
        var plan = forecast.Plan ?? throw new ArgumentException("A forecast without a plan has no chart.", nameof(forecast));
        var first = forecast.History.Count > 0 && forecast.History[0].AsOf < plan.Start ? forecast.History[0].AsOf : plan.Start;
        var last = new[] { plan.End, forecast.ObservedUntil }.Max();
        var top = Math.Max(plan.Total, Math.Max(forecast.Points.Select(p => (double)p.P90).DefaultIfEmpty(0).Max(),
            forecast.History.Select(h => (double)h.Enrolled).DefaultIfEmpty(0).Max()));
        var step = NiceStep(top / 4);
        top = Math.Ceiling(top / step) * step;
        var span = Math.Max(1, last.DayNumber - first.DayNumber);
        double X(DateOnly d) => Math.Round(Left + (Width - Left - Right) * (double)(d.DayNumber - first.DayNumber) / span, 1);
        double Y(double v) => Math.Round(Top + (Height - Top - Bottom) * (top - v) / top, 1);
        string At(DateOnly d, double v) => string.Create(CultureInfo.InvariantCulture, $"{X(d)},{Y(v)}");

        var svg = new StringBuilder();
        Add(svg, $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {Width} {Height}" role="img" aria-label="{Escape(
            labels.Title)}" """);
        svg.Append("font-family=\"IBM Plex Sans, Arial, sans-serif\" font-size=\"12\">");
        Add(svg, $"""<title>{Escape(labels.Title)}</title><text x="{Left}" y="20" font-size="15" font-weight="600">{Escape(
            labels.Title)}</text>""");
        for (var tick = 0.0; tick <= top; tick += step)
        {
            Add(svg, $"""<line x1="{Left}" x2="{Width - Right}" y1="{Y(tick)}" y2="{Y(tick)}" stroke="{(tick == 0 ? "#1a1a1a"
                : "#ddd")}"/>""");
            Add(svg, $"""<text x="{Left - 6}" y="{Y(tick) + 4}" text-anchor="end">{tick.ToString("#,##0", Kroner.Danish)}</text>""");
        }
        for (var year = first.Year + 1; year <= last.Year; year++)
        {
            var jan = new DateOnly(year, 1, 1);
            Add(svg, $"""<line x1="{X(jan)}" x2="{X(jan)}" y1="{Y(0)}" y2="{Y(0) + 5}" stroke="#1a1a1a"/>""");
            Add(svg, $"""<text x="{X(jan)}" y="{Y(0) + 18}" text-anchor="middle">{year}</text>""");
        }
        if (forecast.Points.Count > 0)
        {
            var band = forecast.Points.Select(p => At(p.Date, p.P90))
                .Concat(forecast.Points.AsEnumerable().Reverse().Select(p => At(p.Date, p.P10)));
            Add(svg, $"""<polygon class="band" points="{string.Join(' ', band)}" fill="{BandColour}" fill-opacity="0.6"><title>{Escape(
                labels.Band)}</title></polygon>""");
            Add(svg, $"""<polyline class="mean" points="{string.Join(' ',
                forecast.Points.Select(p =>
                    At(p.Date, p.Mean)))}" fill="none" stroke="{MeanColour}" stroke-width="2" stroke-dasharray="6 4"><title>{Escape(
                        labels.Mean)}</title></polyline>""");
        }
        var full = plan.Start.AddDays((int)Math.Ceiling(plan.Total / plan.RatePerDay));
        var planPoints = full < last ? new[] { At(plan.Start, 0), At(full, plan.Total), At(last, plan.Total) }
            : [At(plan.Start, 0), At(last,
            plan.PlannedAt(last))];
        Add(svg, $"""<polyline class="plan" points="{string.Join(' ',
            planPoints)}" fill="none" stroke="{PlanColour}" stroke-width="2"><title>{Escape(labels.Plan)}</title></polyline>""");
        if (forecast.History.Count > 0)
        {
            Add(svg, $"""<polyline class="enrolled" points="{string.Join(' ',
                forecast.History.Select(h => At(h.AsOf, h.Enrolled)))}" fill="none" stroke="{EnrolledColour}" stroke-width="2"/>""");
            foreach (var h in forecast.History)
                Add(svg, $"""<circle class="enrolled" cx="{X(h.AsOf)}" cy="{Y(h.Enrolled)}" r="4" fill="{EnrolledColour}"><title>{Escape(
                    $"{labels.Enrolled} {h.AsOf:dd-MM-yyyy}: {Kroner.Number(h.Enrolled)}")}</title></circle>""");
        }
        var x = Left;
        foreach (var (colour, text, dash) in new[] { (EnrolledColour, labels.Enrolled, ""), (PlanColour, labels.Plan, ""),
            (MeanColour, labels.Mean, "6 4"), (BandColour, labels.Band, "band") })
        {
            if (dash == "band") Add(svg, $"""<rect x="{x}" y="{Height - 20}" width="24" height="12" fill="{colour}"/>""");
            else Add(svg, $"""<line x1="{x}" x2="{x
                + 24}" y1="{Height - 14}" y2="{Height - 14}" stroke="{colour}" stroke-width="2" stroke-dasharray="{(dash == "" ? "none"
                    : dash)}"/>""");
            Add(svg, $"""<text x="{x + 30}" y="{Height - 10}">{Escape(text)}</text>""");
            x += 50 + text.Length * 7;
        }
        return svg.Append("</svg>").ToString();
    }

    private static double NiceStep(double raw)
    {
        if (raw <= 0) return 1;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        return (raw / magnitude) switch { <= 1 => 1, <= 2 => 2, <= 5 => 5, _ => 10 } * magnitude;
    }
}
