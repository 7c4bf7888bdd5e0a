using System.Collections;
using System.Globalization;
using System.Resources;
using Bundlinje.Common;

namespace Bundlinje.Data.Texts;

/// <summary>
/// Renders the domain's <see cref="Refusal"/>s from resources: Refusals.resx (Danish, the neutral culture) and
/// Refusals.en.resx (English). The web (ModelState and /api problem details, in the request's UI culture) and the CLI
/// (Danish, or English with --lang en) both render through here, so the domain holds codes and arguments only.
/// Arguments are formatted with the reader's culture: da-DK writes 1.234.567 and 31-12-2024, English 1,234,567.
/// </summary>
public static class RefusalText
{
    public static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private static readonly ResourceManager Texts = new("Bundlinje.Data.Texts.Refusals", typeof(RefusalText).Assembly);

    /// <summary>One refusal as a reader reads it; a JSON path in <see cref="Refusal.Field"/> is written before the text.</summary>
    public static string Render(Refusal refusal, CultureInfo? culture = null)
    {
        culture = Formatting(culture ?? CultureInfo.CurrentUICulture);
        var template = Texts.GetString(refusal.Code, culture) ?? refusal.Code;
        var text = refusal.Args.Count == 0 ? template
            : string.Format(culture, template, refusal.Args.Select(a => Argument(a, culture)).ToArray());
        return refusal.Field is { } field && field.StartsWith('$') ? $"{field}: {text}" : text;
    }

    /// <summary>Each problem of a refusal, rendered (the heading, if any, is <see cref="Heading"/>).</summary>
    public static IReadOnlyList<string> Problems(Refused refused, CultureInfo? culture = null) =>
        refused.Problems.Select(p => Render(p, culture)).ToList();

    public static string? Heading(Refused refused, CultureInfo? culture = null) =>
        refused.Heading is { } heading ? Render(heading, culture) : null;

    /// <summary>The whole refusal in one line: "Deltagerfilen er afvist (2 fejl): Række 2, …; Række 5, …" (at most 20 problems).</summary>
    public static string Message(Refused refused, CultureInfo? culture = null)
    {
        var problems = string.Join("; ", refused.Problems.Take(20).Select(p => Render(p, culture)));
        return Heading(refused, culture) is { } heading ? $"{heading}: {problems}" : problems;
    }

    /// <summary>The culture a text is formatted with: Danish formats as da-DK.</summary>
    private static CultureInfo Formatting(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "da" ? Danish : culture.TwoLetterISOLanguageName == "en" ? culture : Danish;

    private static object? Argument(object? arg, CultureInfo culture) => arg switch
    {
        Refusal nested => Render(nested, culture),
        IEnumerable<Refusal> list => string.Join(", ", list.Select(r => Render(r, culture))),
        DateOnly date => date.ToString(culture.TwoLetterISOLanguageName == "da" ? "dd-MM-yyyy" : "d MMM yyyy", culture),
        DateTimeOffset time => time.ToString(culture.TwoLetterISOLanguageName == "da" ? "dd-MM-yyyy" : "d MMM yyyy", culture),
        _ => arg,
    };
}
