using System.Globalization;
using System.Text;

namespace Bundlinje.Proposals;

/// <summary>
/// The name an attachment is shown and downloaded under: the last part of what the sender's browser called it, with no
/// path separators or "..", no control, bidirectional or other invisible formatting characters (a right-to-left
/// override cannot turn "fdp.exe" into "exe.pdf"), none of &lt;&gt;:"|?*;, at most 100 characters, its extension kept.
/// The file itself is stored under its row id; this name is only a label.
/// </summary>
public static class AttachmentName
{
    public const int MaxLength = 100;

    public static string Sanitise(string? original)
    {
        var text = (original ?? "").Normalize(NormalizationForm.FormC);
        text = text[(text.LastIndexOfAny(['/', '\\']) + 1)..];
        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var category = char.GetUnicodeCategory(c);
            if (char.IsControl(c) || category is UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned) continue;
            clean.Append("<>:\"|?*;".Contains(c) ? '_' : c);
        }
        var name = clean.ToString().Trim();
        var extension = Path.GetExtension(name);
        if (extension.Length is > 10 or 1) extension = "";
        var stem = name[..^extension.Length];
        while (stem.Contains("..")) stem = stem.Replace("..", ".");
        stem = stem.Trim(' ', '.');
        if (stem.Length == 0) stem = "bilag";
        if (stem.Length + extension.Length > MaxLength) stem = stem[..(MaxLength - extension.Length)].Trim(' ', '.');
        return stem + extension.ToLowerInvariant();
    }
}
