using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Bundlinje.Tests.Operations;

/// <summary>The built app started as in production — from its data folder, not the project folder — still uses the shipped
/// appsettings.json: no SQL commands in its log, and a forged Host header gets 400.</summary>
public sealed class ShippedSettingsTests
{
    [Fact]
    public async Task The_app_started_from_another_folder_keeps_the_shipped_log_levels_and_allowed_hosts()
    {
        var app = Path.Combine(AppContext.BaseDirectory, "Bundlinje.Web.dll");
        var folder = Directory.CreateTempSubdirectory("bundlinje-shipped-").FullName;
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        var start = new ProcessStartInfo("dotnet", [app, "--urls", $"http://127.0.0.1:{port}", "--Bundlinje:Demo=true"])
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            HttpResponseMessage? health = null;
            for (var i = 0; i < 240 && health is null; i++)
            {
                try
                {
                    health = await client.GetAsync("/health", TestContext.Current.CancellationToken);
                }
                catch (HttpRequestException) { await Task.Delay(250, TestContext.Current.CancellationToken); }
            }
            // demo load and the write check ran SQL
            Assert.True(health?.StatusCode == HttpStatusCode.OK, string.Join("\n", output.TakeLast(20)));
            using var forged = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { Host = "evil.example" } };
            Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(forged, TestContext.Current.CancellationToken)).StatusCode);
            Assert.NotEmpty(output); // the app does log (start-up at Information)
            Assert.DoesNotContain(output, line => line.Contains("Executed DbCommand") || line.Contains("SELECT "));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            Directory.Delete(folder, recursive: true);
        }
    }
}
