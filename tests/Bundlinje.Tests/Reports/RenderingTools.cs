using System.Diagnostics;
using Bundlinje.Data.Documents;
using Bundlinje.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Bundlinje.Tests.Reports;

/// <summary>What the rendering tests need from outside: Chromium (through the app's <see cref="ReportFiles"/>) and
/// poppler's pdftotext/pdftoppm/pdfinfo; missing, the test skips locally and fails under CI=true. Pages a person can look
/// at are written to artifacts/report-pages/ at the repository's root.</summary>
internal static class RenderingTools
{
    public const string Chromium = "/usr/bin/chromium";

    public static ReportFiles? Files(string chromium = Chromium)
    {
        if (!File.Exists(chromium)) { Requirement.Missing($"Chromium not found at {chromium} (apt-get install chromium)."); return null; }
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Bundlinje:Chromium"] = chromium })
            .Build();
        return new ReportFiles(new ChromiumPrinter(config));
    }

    public static bool Poppler()
    {
        if (new[] { "pdftotext", "pdftoppm", "pdfinfo" }.All(t => File.Exists(Path.Combine("/usr/bin", t)))) return true;
        Requirement.Missing("poppler-utils (pdftotext, pdftoppm, pdfinfo) not found in /usr/bin (apt-get install poppler-utils).");
        return false;
    }

    public static string Pages
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bundlinje.slnx"))) dir = dir.Parent;
            var pages = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "artifacts", "report-pages");
            Directory.CreateDirectory(pages);
            return pages;
        }
    }

    public static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine("/usr/bin", program))
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"{program} failed ({process.ExitCode}): {await error}");
        return await output;
    }

    /// <summary>A PNG's width and height from its IHDR chunk.</summary>
    public static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.True(png.Length > 24 && png[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "not a PNG");
        static int Int(byte[] b, int at) => (b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3];
        return (Int(png, 16), Int(png, 20));
    }
}
