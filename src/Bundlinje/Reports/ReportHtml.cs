namespace Bundlinje.Reports;

/// <summary>The HTML of a <see cref="ReportDocument"/>: a fragment for the preview page (DKFDS classes, every generated
/// number linked to its source) and a standalone page with its own print stylesheet for Chromium to print as PDF.</summary>
public static class ReportHtml
{
    // Written in the renderer slice of #14.
}
