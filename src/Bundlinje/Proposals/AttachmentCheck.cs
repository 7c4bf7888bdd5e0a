using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Bundlinje.Common;

namespace Bundlinje.Proposals;

/// <summary>
/// What an attachment from the public really is, by its structure: a PDF must parse as a PDF (header, cross-reference
/// table or stream, trailer, %%EOF) and carry no JavaScript, launch action or embedded file, nor an executable or HTML
/// page hidden in it; a DOCX/XLSX must be a zip that opens, with a bounded number of entries and a bounded size when
/// inflated (measured by inflating, never from the headers), holding the parts of its kind and no macros.
/// </summary>
public static class AttachmentCheck
{
    public const int MaxZipEntries = 1000;
    public const long MaxInflatedBytes = 100L * 1024 * 1024;
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The content type when the file is what its name says and is harmless; otherwise why not.</summary>
    public static (string? ContentType, Refusal? Refusal) Inspect(string fileName, byte[] content) =>
        Path.GetExtension(AttachmentName.Sanitise(fileName)).ToLowerInvariant() switch
        {
            ".pdf" => PdfRefusal(content) is { } why ? (null, why) : (Pdf, null),
            ".docx" => ZipRefusal(content, "word/document.xml") is { } why ? (null, why) : (Docx, null),
            ".xlsx" => ZipRefusal(content, "xl/workbook.xml") is { } why ? (null, why) : (Xlsx, null),
            _ => (null, Refusal.Of("attachment.kind")),
        };

    // Names that make a PDF act (run script, start a program, carry another file); matched after #xx name escapes are undone.
    private static readonly string[] ActiveNames =
        ["/JavaScript", "/JS", "/Launch", "/EmbeddedFile", "/EmbeddedFiles", "/RichMedia", "/XFA", "/SubmitForm", "/ImportData", "/GoToE"];
    // Markers of an HTML page or a DOS/Windows program inside the file (long enough not to occur by chance in binary data).
    private static readonly string[] Polyglot =
        ["This program cannot be run in DOS mode", "<html", "<!doctype", "<script", "<body", "<iframe", "<?php", "javascript:"];

    private static Refusal? PdfRefusal(byte[] content)
    {
        var span = content.AsSpan();
        if (!span.StartsWith("%PDF-"u8) || content.Length < 16 || !char.IsAsciiDigit((char)content[5]) || content[6] != '.')
            return Refusal.Of("attachment.pdfHeader");
        var raw = Encoding.Latin1.GetString(content);
        if (HasWindowsProgram(span) || Polyglot.Any(p => raw.Contains(p, StringComparison.OrdinalIgnoreCase)))
            return Refusal.Of("attachment.polyglot");
        var tail = span[Math.Max(0, content.Length - 1024)..];
        if (tail.LastIndexOf("%%EOF"u8) < 0) return Refusal.Of("attachment.pdfEof");
        var startxref = tail.LastIndexOf("startxref"u8);
        if (startxref < 0) return Refusal.Of("attachment.pdfStartxref");
        var digits = Encoding.ASCII.GetString(tail[(startxref + 9)..]).TrimStart();
        var length = digits.TakeWhile(char.IsAsciiDigit).Count();
        if (length == 0 || !long.TryParse(digits[..length], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            || offset >= content.Length)
            return Refusal.Of("attachment.pdfStartxrefOutside");
        var table = span[(int)offset..];
        var classic = table.StartsWith("xref"u8) && span.IndexOf("trailer"u8) >= 0;
        var xrefStream = Regex.IsMatch(Encoding.ASCII.GetString(table[..Math.Min(table.Length, 40)]), @"^\d+\s+\d+\s+obj\b")
            && table[..Math.Min(table.Length, 2048)].IndexOf("/XRef"u8) >= 0;
        if (!classic && !xrefStream) return Refusal.Of("attachment.pdfXref");

        // The objects outside streams, and the objects packed in compressed object streams (/ObjStm), are searched;
        // other streams (pages, images, fonts) are data and are not read as names.
        var (outside, objectStreams) = Split(content);
        foreach (var text in objectStreams.Prepend(outside))
        {
            var decoded = Regex.Replace(text, "#([0-9A-Fa-f]{2})", m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());
            if (ActiveNames.FirstOrDefault(n => ContainsName(decoded, n)) is { } name) return Refusal.Of("attachment.activeContent", name);
            if (Polyglot.Any(p => decoded.Contains(p, StringComparison.OrdinalIgnoreCase))) return Refusal.Of("attachment.polyglot");
        }
        return null;
    }

    /// <summary>An "MZ" whose e_lfanew field points at a "PE\0\0" header: a Windows program, wherever it sits.</summary>
    private static bool HasWindowsProgram(ReadOnlySpan<byte> content)
    {
        for (var at = content.IndexOf("MZ"u8); at >= 0; at = content[(at + 2)..].IndexOf("MZ"u8) is var next && next >= 0 ? at + 2 + next
            : -1)
        {
            if (at + 0x40 > content.Length) return false;
            var pe = (long)at + BitConverter.ToInt32(content.Slice(at + 0x3C, 4));
            if (pe > at && pe + 4 <= content.Length && content.Slice((int)pe, 4).SequenceEqual("PE\0\0"u8)) return true;
        }
        return false;
    }

    /// <summary>A PDF name is matched whole (so /JS is not found in /JSON).</summary>
    private static bool ContainsName(string text, string name)
    {
        for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            var end = at + name.Length;
            if (end == text.Length || !char.IsAsciiLetterOrDigit(text[end])) return true;
        }
        return false;
    }

    /// <summary>The file's text outside stream bodies, and each FlateDecode object stream inflated (capped in total).</summary>
    private static (string Outside, List<string> ObjectStreams) Split(byte[] content)
    {
        var span = content.AsSpan();
        var outside = new StringBuilder();
        var objectStreams = new List<string>();
        long inflated = 0;
        var position = 0;
        while (position < content.Length)
        {
            var found = span[position..].IndexOf("stream"u8);
            if (found < 0) break;
            var keyword = position + found;
            var before = Encoding.Latin1.GetString(content, position, keyword - position);
            outside.Append(before);
            position = keyword + 6;
            if (keyword >= 3 && span[(keyword - 3)..keyword].SequenceEqual("end"u8)) { outside.Append("stream"); continue; }
            var start = position;
            if (start < content.Length && content[start] == '\r') start++;
            if (start < content.Length && content[start] == '\n') start++;
            var end = span[start..].IndexOf("endstream"u8);
            if (end < 0) { outside.Append(Encoding.Latin1.GetString(content, start, content.Length - start)); break; }
            // The stream's dictionary stands between the previous endstream and this keyword (not the whole text so far:
            // copying that per stream made a PDF with thousands of streams cost gigabytes on the public form).
            var dictionary = before[Math.Max(0, before.LastIndexOf(" obj", StringComparison.Ordinal))..];
            if (dictionary.Contains("/ObjStm") && inflated < MaxInflatedBytes)
            {
                // An object stream packed with a filter other than Flate cannot be searched, so it counts as active content.
                var body = !dictionary.Contains("/Filter") ? content[start..(start + end)]
                    : Regex.IsMatch(dictionary, @"/Filter\s*\[?\s*/FlateDecode\s*\]?\s*[/>]") ? Inflate(content, start, end)
                        : "/JavaScript"u8.ToArray();
                inflated += body.Length;
                objectStreams.Add(Encoding.Latin1.GetString(body));
            }
            position = start + end;
        }
        if (position < content.Length) outside.Append(Encoding.Latin1.GetString(content, position, content.Length - position));
        return (outside.ToString(), objectStreams);
    }

    private static byte[] Inflate(byte[] content, int start, int length)
    {
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(content, start, length), CompressionMode.Decompress);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while (buffer.Length < 10 * 1024 * 1024 && (read = zlib.Read(chunk, 0, chunk.Length)) > 0) buffer.Write(chunk, 0, read);
            return buffer.ToArray();
        }
        catch (InvalidDataException) { return []; }
    }

    private static Refusal? ZipRefusal(byte[] content, string mainPart)
    {
        if (!content.AsSpan().StartsWith("PK\u0003\u0004"u8)) return Refusal.Of("attachment.notZip");
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxZipEntries) return Refusal.Of("attachment.tooManyParts", MaxZipEntries);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                var name = entry.FullName.Replace('\\', '/');
                if (name.StartsWith('/') || name.Split('/').Contains("..")) return Refusal.Of("attachment.badPath");
                if (name.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)) return Refusal.Of("attachment.macros");
                using var stream = entry.Open();
                var read = Count(stream, MaxInflatedBytes - total + 1);
                total += read;
                if (total > MaxInflatedBytes) return Refusal.Of("attachment.tooLargeInflated", MaxInflatedBytes / 1024 / 1024);
            }
            if (zip.GetEntry("[Content_Types].xml") is null || zip.GetEntry(mainPart) is null) return Refusal.Of("attachment.missingParts");
            return null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            return Refusal.Of("attachment.zipUnreadable");
        }
    }

    /// <summary>Bytes read from a stream, stopping at <paramref name="cap"/>: what the entry really inflates to, not what its header
    /// says.</summary>
    private static long Count(Stream stream, long cap)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while (total < cap && (read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, cap - total))) > 0) total += read;
        return total;
    }
}
