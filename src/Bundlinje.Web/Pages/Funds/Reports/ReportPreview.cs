using Bundlinje.Reports;

namespace Bundlinje.Web.Pages.Funds.Reports;

/// <summary>What the preview partial shows: the document's HTML (generated numbers linked to their sources, narrative fields
/// with their edit links for the secretariat), the issue form and the copy-from-previous-period form.</summary>
/// <param name="Administers">The secretariat: issues files, edits and copies texts.</param>
/// <param name="Scope">The texts' scope; "" for a department bundle, whose texts are edited on each fact sheet.</param>
/// <param name="PreviousScope">The previous period's narrative scope, offered as a starting point ("" for none).</param>
public sealed record ReportPreview(BuiltReport Built, bool Administers, string Scope, string PreviousScope, string Self, string FundKey)
{
    /// <summary>The document's HTML fragment; the secretariat gets a link at each narrative field to its editor.</summary>
    public string Html => ReportHtml.Fragment(Built.Document, Administers && Scope != "" ? key =>
        $"/Funds/{FundKey}/Reports/Narrative?scope={Uri.EscapeDataString(Scope)}&field={Uri.EscapeDataString(key)}"
        + $"&back={Uri.EscapeDataString(Self)}" : null);
}
