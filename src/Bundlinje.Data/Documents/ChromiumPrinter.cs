using System.Diagnostics;
using System.Text;
using Bundlinje.Common;
using Microsoft.Extensions.Configuration;

namespace Bundlinje.Data.Documents;

/// <summary>
/// Headless Chromium as the report's printer: an HTML page to PDF (<c>--print-to-pdf</c>, the page's own print stylesheet,
/// no header or footer) and an SVG chart to PNG for the DOCX (<c>--screenshot</c> at twice the chart's size). Each call runs
/// one Chromium with its own profile in a temporary folder that is deleted afterwards; the process is killed on
/// cancellation or after <see cref="Timeout"/>, and a non-zero exit code or a missing output file is an error with
/// Chromium's stderr. The program is <c>Bundlinje:Chromium</c> (default /usr/bin/chromium); when it is not there the
/// request is refused with report.chromiumMissing.
/// </summary>
public sealed class ChromiumPrinter(IConfiguration config)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private const int Scale = 2;

    public string Program => config["Bundlinje:Chromium"] is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public Task<byte[]> PdfAsync(string html, CancellationToken ct) => RunAsync(html, "printed.pdf",
        output => ["--no-pdf-header-footer", $"--print-to-pdf={output}"], ct);

    /// <summary>The SVG as a PNG of <paramref name="width"/> × <paramref name="height"/> CSS pixels at twice that
    /// resolution, on white.</summary>
    public Task<byte[]> PngAsync(string svg, int width, int height, CancellationToken ct)
    {
        var page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>html, body { margin: 0; background: #fff; }" +
            $" svg {{ display: block; width: {width}px; height: {height}px; }}</style></head><body>{svg}</body></html>";
        return RunAsync(page, "chart.png", output => [$"--window-size={width},{height}", $"--force-device-scale-factor={Scale}",
            "--hide-scrollbars", $"--screenshot={output}"], ct);
    }

    private async Task<byte[]> RunAsync(string html, string outputName, Func<string, string[]> arguments, CancellationToken ct)
    {
        var program = Program;
        if (!File.Exists(program)) throw new Refused("report.chromiumMissing", program);
        var folder = Directory.CreateTempSubdirectory("bundlinje-report-");
        try
        {
            var page = Path.Combine(folder.FullName, "page.html");
            var output = Path.Combine(folder.FullName, outputName);
            await File.WriteAllTextAsync(page, html, new UTF8Encoding(false), ct);
            var start = new ProcessStartInfo(program)
            {
                RedirectStandardError = true, RedirectStandardOutput = true,
                UseShellExecute = false
            };
            foreach (var argument in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--no-default-browser-check", "--disable-extensions", "--mute-audio",
                $"--user-data-dir={Path.Combine(folder.FullName, "profile")}", .. arguments(output), new Uri(page).AbsoluteUri])
                start.ArgumentList.Add(argument);
            await RunAsync(start, ct);
            if (!File.Exists(output) || new FileInfo(output).Length == 0)
                throw new InvalidOperationException($"Chromium wrote no {outputName}.");
            return await File.ReadAllBytesAsync(output, ct);
        }
        finally { await DeleteAsync(folder); }
    }

    /// <summary>A killed Chromium's last child can still write to its profile for a moment: try again briefly.</summary>
    private static async Task DeleteAsync(DirectoryInfo folder)
    {
        for (var attempt = 1; ; attempt++)
        {
            try { folder.Delete(recursive: true); return; }
            catch (DirectoryNotFoundException) { return; }
            catch (IOException) when (attempt < 5) { await Task.Delay(100 * attempt, CancellationToken.None); }
        }
    }

    private static async Task RunAsync(ProcessStartInfo start, CancellationToken ct)
    {
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); }
            catch (InvalidOperationException) { } // it exited just now
            await process.WaitForExitAsync(CancellationToken.None);
            ct.ThrowIfCancellationRequested();
            throw new TimeoutException($"Chromium did not finish within {Timeout.TotalSeconds:0} seconds.");
        }
        await Task.WhenAll(error, output);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"Chromium failed ({process.ExitCode}): {Tail(await error)}");
    }

    private static string Tail(string text) => text.Length <= 2000 ? text.Trim() : text[^2000..].Trim();
}
