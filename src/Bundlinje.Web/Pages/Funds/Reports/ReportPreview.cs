using Bundlinje.Reports;

namespace Bundlinje.Web.Pages.Funds.Reports;

/// <summary>What the preview partial shows: the document's HTML (generated numbers linked to their sources, narrative fields
/// with their edit links for the secretariat), the issue form and the copy-from-previous-period form.</summary>
/// <param name="Administers">The secretariat: issues files, edits and copies texts.</param>
/// <param name="PreviousScope">The previous period's narrative scope, offered as a starting point.</param>
public sealed record ReportPreview(BuiltReport Built, bool Administers, string Scope, string PreviousScope, string Self, string FundKey)
{
    /// <summary>The document's HTML fragment; the secretariat gets a link at each narrative field to its editor.</summary>
    public string Html => ReportHtml.Fragment(Built.Document, Administers ? key =>
        $"/Funds/{FundKey}/Reports/Narrative?scope={Uri.EscapeDataString(ScopeOf(key))}&field={Uri.EscapeDataString(FieldOf(key))}"
        + $"&back={Uri.EscapeDataString(Self)}" : null);

    /// <summary>A bundle's narratives live in its investments' fact-sheet scopes: their keys are "scope#field".</summary>
    private string ScopeOf(string key) => key.Contains('#', StringComparison.Ordinal) ? key[..key.IndexOf('#', StringComparison.Ordinal)] : Scope;

    private static string FieldOf(string key) => key.Contains('#', StringComparison.Ordinal) ? key[(key.IndexOf('#', StringComparison.Ordinal) + 1)..] : key;
}
