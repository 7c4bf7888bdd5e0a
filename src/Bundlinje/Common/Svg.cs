using System.Globalization;
using System.Security;
using System.Text;

namespace Bundlinje.Common;

/// <summary>What every SVG chart writes the same way: coordinates with a decimal point whatever the request's culture,
/// escaped text, and a "nice" axis step (1, 2 or 5 × a power of ten).</summary>
public static class Svg
{
    /// <summary>Appends <paramref name="text"/> formatted in the invariant culture (SVG coordinates use a decimal point).</summary>
    public static void Add(StringBuilder svg, FormattableString text) => svg.Append(text.ToString(CultureInfo.InvariantCulture));

    public static string Escape(string text) => SecurityElement.Escape(text) ?? "";

    /// <summary>The smallest of 1, 2, 5 or 10 × a power of ten that is at least <paramref name="raw"/> (1 when it is not
    /// positive).</summary>
    public static decimal NiceStep(decimal raw)
    {
        if (raw <= 0) return 1m;
        var magnitude = 1m;
        while (magnitude * 10 <= raw) magnitude *= 10;
        while (magnitude > raw) magnitude /= 10;
        return (raw / magnitude) switch { <= 1 => 1m, <= 2 => 2m, <= 5 => 5m, _ => 10m } * magnitude;
    }
}
