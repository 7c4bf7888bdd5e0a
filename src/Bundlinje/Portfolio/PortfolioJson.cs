using System.Text.Json;
using System.Text.Json.Serialization;
using Bundlinje.Common;

namespace Bundlinje.Portfolio;

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

    /// <summary>A JSON file refused with every problem at its JSON path: "Porteføljefilen er afvist (2 fejl)" above them;
    /// <paramref name="subject"/> names the file ("subject.paymentModel" for a payment model).</summary>
    public static Refused Rejected(IReadOnlyList<Refusal> problems, string subject = "subject.portfolio") =>
        Refused.File(subject, problems);

    /// <summary>A syntax or type error at its JSON path and line (the reason is System.Text.Json's own).</summary>
    public static Refusal SyntaxProblem(JsonException e) =>
        Refusal.At(e.Path ?? "$", "file.syntax", e.Message.Split(" Path:")[0], e.LineNumber + 1);

    public static PortfolioDocument Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<PortfolioDocument>(json, Options)
                ?? throw Rejected([Refusal.At("$", "file.empty")]);
        }
        catch (JsonException e)
        {
            throw Rejected([SyntaxProblem(e)]);
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
