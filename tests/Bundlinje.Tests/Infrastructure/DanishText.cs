using Bundlinje.Common;
using Bundlinje.Data.Texts;

namespace Bundlinje.Tests.Infrastructure;

/// <summary>Refusals as a Danish reader reads them (rendered from the resources, as the web and the CLI do).</summary>
public static class DanishText
{
    public static string Da(this Refusal refusal) => RefusalText.Render(refusal, RefusalText.Danish);

    public static List<string> Da(this IEnumerable<Refusal> refusals) => refusals.Select(Da).ToList();

    /// <summary>The whole refusal in one line: "Deltagerfilen er afvist (2 fejl): …".</summary>
    public static string Da(this Refused refused) => RefusalText.Message(refused, RefusalText.Danish);

    public static IReadOnlyList<string> DaProblems(this Refused refused) => RefusalText.Problems(refused, RefusalText.Danish);
}
