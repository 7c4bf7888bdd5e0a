using System.Net;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.WebUtilities;

namespace Bundlinje.Web.Infrastructure;

/// <summary>One page of a list paged on the server: the page shown (1-based), how many there are, and the rows' count.
/// Rendered by Pages/Shared/_Pagination.cshtml as DKFDS pagination with plain links (no JavaScript).</summary>
public sealed record Paging(int Page, int PageSize, int Rows, Func<int, string> Link)
{
    public int Pages => Math.Max(1, (Rows + PageSize - 1) / PageSize);
    /// <summary>The page shown: the one asked for, within 1 to <see cref="Pages"/>.</summary>
    public int Current => Math.Clamp(Page, 1, Pages);
    public int Skip => (Current - 1) * PageSize;
    public int First => Rows == 0 ? 0 : Skip + 1;
    public int Last => Math.Min(Rows, Skip + PageSize);

    /// <summary>The page numbers to link: the first, the last and two either side of the current one; 0 stands for a gap.</summary>
    public IEnumerable<int> Numbers()
    {
        var shown = Enumerable.Range(1, Pages).Where(n => n == 1 || n == Pages || Math.Abs(n - Current) <= 2).ToList();
        for (var i = 0; i < shown.Count; i++)
        {
            if (i > 0 && shown[i] > shown[i - 1] + 1) yield return 0;
            yield return shown[i];
        }
    }
}

public static class QueryLinks
{
    /// <summary>The current path and query string with some parameters replaced (a null value removes one), for links
    /// that keep the list's filters and sort, e.g. the next page or another sort column.</summary>
    public static string With(this HttpRequest request, params (string Key, string? Value)[] changes)
    {
        var keys = changes.Select(c => c.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var kept = request.Query.Where(q => !keys.Contains(q.Key) && q.Key != "handler")
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)));
        var added = changes.Where(c => !string.IsNullOrEmpty(c.Value)).Select(c => new KeyValuePair<string, string?>(c.Key, c.Value));
        return QueryHelpers.AddQueryString(request.Path, kept.Concat(added));
    }
}

public static class SortHeader
{
    /// <summary>A column header that sorts a list on the server: a plain link, marked with the current direction.</summary>
    public static IHtmlContent Link(string href, string label, bool current, bool descending)
    {
        var state = current ? $" aria-sort=\"{(descending ? "descending" : "ascending")}\"" : "";
        var arrow = current ? (descending ? " ▼" : " ▲") : "";
        return new HtmlString($"<a href=\"{WebUtility.HtmlEncode(href)}\"{state}>{WebUtility.HtmlEncode(label)}{arrow}</a>");
    }
}
