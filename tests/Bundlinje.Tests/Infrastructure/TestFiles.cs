using System.IO.Compression;
using System.Text;

namespace Bundlinje.Tests.Infrastructure;

/// <summary>Small real files (and hostile ones) built in the test, so each attack is visible in the test's own code.</summary>
public static class TestFiles
{
    /// <summary>A PDF with a correct cross-reference table: a catalog, its pages and the given extra dictionary entries in
    /// the catalog; <paramref name="preamble"/> is put (as raw bytes) right after the header line.</summary>
    public static byte[] Pdf(string catalogExtra = "", byte[]? preamble = null, params byte[][] extraObjects)
    {
        var output = new MemoryStream();
        void Write(string text) => output.Write(Encoding.Latin1.GetBytes(text));
        Write("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        if (preamble is not null) { output.Write(preamble); Write("\n"); }
        var offsets = new List<long>();
        var objects = new List<byte[]>
        {
            Encoding.Latin1.GetBytes($"<< /Type /Catalog /Pages 2 0 R {catalogExtra}>>"),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"u8.ToArray(),
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"u8.ToArray(),
        };
        objects.AddRange(extraObjects);
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(output.Position);
            Write($"{i + 1} 0 obj\n");
            output.Write(objects[i]);
            Write("\nendobj\n");
        }
        var xref = output.Position;
        Write($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) Write($"{offset:0000000000} 00000 n \n");
        Write($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return output.ToArray();
    }

    /// <summary>An object stream (/ObjStm, Flate-compressed) holding the given object text: how a PDF hides an action from a plain
    /// search.</summary>
    public static byte[] ObjectStream(string packed)
    {
        var body = Encoding.Latin1.GetBytes($"4 0 {packed}");
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(body);
        var head = Encoding.Latin1.GetBytes(
            $"<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length {compressed.Length} >>\nstream\n");
        return [.. head, .. compressed.ToArray(), .. "\nendstream"u8];
    }

    /// <summary>A minimal Office package: [Content_Types].xml and the main part (word/document.xml or xl/workbook.xml).</summary>
    public static byte[] Office(string mainPart, long zeroBytes = 0)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
                types.Write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            using var main = zip.CreateEntry(mainPart, CompressionLevel.Optimal).Open();
            main.Write("<?xml version=\"1.0\"?><document/>"u8);
            var zeros = new byte[1 << 20];
            for (long written = 0; written < zeroBytes; written += zeros.Length) main.Write(zeros);
        }
        return output.ToArray();
    }

    /// <summary>A Windows program's first bytes: "MZ", the DOS stub text and e_lfanew pointing at "PE\0\0".</summary>
    public static byte[] WindowsProgramHeader()
    {
        var header = new byte[0x80];
        "MZ"u8.CopyTo(header);
        BitConverter.GetBytes(0x40).CopyTo(header, 0x3C);
        "PE\0\0"u8.CopyTo(header.AsSpan(0x40));
        return header;
    }
}
