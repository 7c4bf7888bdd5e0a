using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bundlinje.Portfolio;

/// <summary>A file that is refused, with every problem and its JSON path; <paramref name="subject"/> names what is refused
/// ("Betalingsmodellen" for a payment model), so the message says which file it is.</summary>
public sealed class PortfolioRejected(IReadOnlyList<string> problems, string subject = "Porteføljefilen")
    : Exception($"{subject} er afvist ({problems.Count} fejl): " + string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;

    /// <summary>"Betalingsmodellen er afvist (2 fejl)": the line shown above the problems.</summary>
    public string Heading { get; } = $"{subject} er afvist ({problems.Count} fejl)";
}

/// <summary>Reads and writes the portfolio format; a syntax or type error is reported with its JSON path.</summary>
public static class PortfolioJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public static PortfolioDocument Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<PortfolioDocument>(json, Options)
                ?? throw new PortfolioRejected(["$: filen er tom (null)."]);
        }
        catch (JsonException e)
        {
            var path = e.Path ?? "$";
            var reason = e.Message.Split(" Path:")[0];
            throw new PortfolioRejected([$"{path}: {reason} (linje {e.LineNumber + 1})"]);
        }
    }

    public static string Write(PortfolioDocument document) => JsonSerializer.Serialize(document, Options);

    public static string ReadDemo()
    {
        using var stream = typeof(PortfolioJson).Assembly.GetManifestResourceStream("Bundlinje.Portfolio.aarhus-demo.json")
            ?? throw new InvalidOperationException("The demo portfolio is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
