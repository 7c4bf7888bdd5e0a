using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Bundlinje.Data.RegisterData;
using Bundlinje.FollowUps;
using Bundlinje.Participants;
using Bundlinje.Security;
using Bundlinje.Tests.Infrastructure;
using DuckDB.NET.Data;

namespace Bundlinje.Tests.Security;

/// <summary>
/// Uploads holding CPR numbers, through the real pages: whether they succeed, fail or are stopped mid-request, no CPR number
/// is left in clear in the temp folder, the data folder, the register store's folder or the logs. Each test makes its own
/// random CPR numbers, so finding one of them anywhere on disk can only mean this app put it there.
/// </summary>
public sealed partial class CprAtRestTests : IAsyncLifetime
{
    private BundlinjeFactory factory = null!;
    public ValueTask InitializeAsync() { factory = BundlinjeFactory.Sqlite(); return ValueTask.CompletedTask; }
    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    private const string FollowUp = "/Investments/ungifokus/FollowUp";

    private static List<string> UniqueCprs(int count)
    {
        var random = new Random();
        var cprs = new HashSet<string>();
        while (cprs.Count < count)
            cprs.Add($"{random.Next(1, 29):00}{random.Next(1, 13):00}{random.Next(0, 100):00}{random.Next(0, 10000):0000}");
        return [.. cprs];
    }

    private static string ParticipantsCsv(IEnumerable<string> cprs) =>
        "cpr,cohort,group,enrolled\n"
            + string.Concat(cprs.Select((c, i) =>
                $"{(i % 2 == 0 ? c : c.Insert(6, "-"))},2023,{(i % 2 == 0 ? "treatment" : "control")},2023-01-01\n"));

    private static string RegisterCsv(IEnumerable<string> cprs) =>
        "cpr,measure,from,to,value,unit\n" + string.Concat(cprs.Select(c => $"{c},transfer-income,2023-01-01,2023-03-31,90000,kr.\n"));

    private static MultipartFormDataContent Form(string token, string fileName, byte[] content)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { file, "Upload", fileName } };
    }

    private async Task<string> UploadAsync(HttpClient client, string handler, string fileName, byte[] content)
    {
        var response = await client.PostAsync(handler == "Participants" ? $"{FollowUp}/Participants/Import" : $"{FollowUp}/{handler}",
            Form(await Login.TokenAsync(client, FollowUp), fileName, content));
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"{handler} gave {(int)response.StatusCode} {response.Headers.Location} {await response.Content.ReadAsStringAsync()}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Participant_and_register_imports_that_succeed_and_fail_leave_no_cpr_on_disk_or_in_the_logs()
    {
        var cprs = UniqueCprs(8000);
        var (treated, rejected, workbook) = (cprs[..3000], cprs[3000..6000], cprs[6000..]);
        var client = await Login.AsAsync(factory, Login.Email(Roles.Secretariat));

        // Over 64 KB each: the size at which ASP.NET Core would buffer a form file to the temp folder.
        var participants = Encoding.UTF8.GetBytes(ParticipantsCsv(treated));
        Assert.True(participants.Length > 100_000);
        Assert.Contains("Deltagere: 3000 tilføjet, 0 opdateret.", await UploadAsync(client, "Participants", "deltagere.csv", participants));
        var bad = ParticipantsCsv(rejected).Replace($"{rejected[2]},2023,treatment", $"{rejected[2]},{rejected[4]},treatment")
            .Replace($"{rejected[1].Insert(6, "-")},2023,control", $"{rejected[1].Insert(6, "-")},2023,{rejected[5].Insert(6, "-")}");
        var refused = await UploadAsync(client, "Participants", $"deltagere-{rejected[0]}.csv", Encoding.UTF8.GetBytes(bad));
        Assert.Contains("Række 4, cohort: ligner et CPR-nummer; CPR-numre må kun stå i kolonnen cpr (værdien gentages ikke her).", refused);
        Assert.Contains("Række 3, group: ligner et CPR-nummer", refused);

        using var xlsx = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(xlsx,
            workbook.Select(c =>
                new Dictionary<string, object>
                {
                    ["cpr"] = c.Insert(6, "-"), ["cohort"] = "2024", ["group"] = "treatment",
                    ["enrolled"] = "2024-01-01"
                }));
        Assert.Contains("Deltagere: 2000 tilføjet, 0 opdateret.",
            await UploadAsync(client, "Participants", "deltagere.xlsx", xlsx.ToArray()));

        Assert.Contains("Registerdata: 3000 observationer indlæst.",
            await UploadAsync(client, "Register", "udtraek.csv", Encoding.UTF8.GetBytes(RegisterCsv(treated))));
        var badRegister = RegisterCsv(rejected)
            .Replace($"{rejected[3]},transfer-income,2023-01-01,2023-03-31,90000,kr.",
                $"{rejected[3]},transfer-income,2023-01-01,2023-03-31,90000,{rejected[7]}")
            .Replace($"{rejected[9]},transfer-income", $"{rejected[9]},{rejected[10]}");
        var registerRefused = await UploadAsync(client, "Register", "udtraek.csv", Encoding.UTF8.GetBytes(badRegister));
        Assert.Contains("Linje 5, unit: ligner et CPR-nummer", registerRefused);
        Assert.Contains("Linje 11, measure: ligner et CPR-nummer", registerRefused);
        Assert.Contains("Registerdata: 3000 observationer indlæst.",
            await UploadAsync(client, "Register", "udtraek.parquet", Parquet(RegisterCsv(treated))));
        var badParquet = await UploadAsync(client, "Register", "fejl.parquet", Parquet(badRegister));
        Assert.Contains("Linje 5, unit: ligner et CPR-nummer", badParquet);

        foreach (var page in new[] { refused, registerRefused, badParquet }) AssertNoCpr(page, cprs, "the page");
        Assert.Equal(5000, factory.With(db => db.Participants.Count()));
        Assert.DoesNotContain(factory.With(db => db.ParticipantImports.Select(i => i.FileName).ToList()), n => CprLike.In(n));
        ScanDisk(cprs);
        AssertNoCpr(string.Join("\n", factory.Logs), cprs, "the logs");
    }

    [Fact]
    public async Task A_participant_upload_stopped_mid_request_leaves_no_cpr_in_the_temp_folder()
    {
        var cprs = UniqueCprs(20_000);
        var client = await Login.AsAsync(factory, Login.Email(Roles.Secretariat));
        var form = Form(await Login.TokenAsync(client, FollowUp), "deltagere.csv", Encoding.UTF8.GetBytes(ParticipantsCsv(cprs)));
        var body = await form.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var sent = body.Length * 3 / 4; // about 500 KB of CPR numbers reach the server, then the sender stops
        var stalled = new TaskCompletionSource();
        using var stop = new CancellationTokenSource();
        var content = new StallingContent(body, sent, stalled, stop.Token);
        content.Headers.ContentType = form.Headers.ContentType;
        var request = client.PostAsync($"{FollowUp}/Participants/Import", content, stop.Token);
        await stalled.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        var arrived = cprs.Where(c => Encoding.UTF8.GetString(body, 0, sent).Contains(c)).ToList();
        // The server reads the form while the request hangs; look for what it has buffered, for a few seconds.
        for (var i = 0; i < 10; i++) { ScanDisk(arrived); await Task.Delay(300, TestContext.Current.CancellationToken); }
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        ScanDisk(arrived);
        Assert.Equal(0, factory.With(db => db.Participants.Count()));
    }

    [Fact]
    public async Task An_upload_over_the_limit_gets_a_danish_message_naming_the_field_and_imports_nothing()
    {
        var client = await Login.AsAsync(factory, Login.Email(Roles.Secretariat));
        var huge = new byte[RegisterStore.MaxUploadBytes + 4096];
        "cpr,measure,from,to,value,unit\n"u8.CopyTo(huge);
        var response = await client.PostAsync($"{FollowUp}/Register", Form(await Login.TokenAsync(client, FollowUp), "stor.csv", huge),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = WebUtility.HtmlDecode(
            await client.GetStringAsync(response.Headers.Location!.OriginalString, TestContext.Current.CancellationToken));
        Assert.Contains("Fil: filen er større end 200 MB, som er grænsen for en upload", page);
        Assert.Empty(Directory.Exists(RegisterStore.StagingFolderOf(factory.RegisterStore))
            ? Directory.GetFiles(RegisterStore.StagingFolderOf(factory.RegisterStore)) : []);
    }

    [Fact]
    public async Task A_staged_file_left_by_a_killed_import_is_deleted_when_the_app_starts()
    {
        var staging = RegisterStore.StagingFolderOf(factory.RegisterStore);
        Directory.CreateDirectory(staging);
        var left = Path.Combine(staging, "import-0123456789abcdef.parquet");
        await File.WriteAllTextAsync(left, "efterladt af en dræbt import", TestContext.Current.CancellationToken);
        _ = factory.Services; // starts the app
        Assert.False(File.Exists(left));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // asserts Unix file modes; Windows has none to check
    public void The_staged_register_file_holds_pseudonyms_only_and_only_its_owner_may_read_the_staging_folder()
    {
        var cprs = UniqueCprs(500);
        var csv = RegisterCsv(cprs)
            .Replace($"{cprs[3]},transfer-income,2023-01-01,2023-03-31,90000,kr.",
                $"{cprs[3]},transfer-income,2023-01-01,2023-03-31,90000,{cprs[4]}");
        using var staged = new MemoryStream();
        Bundlinje.Data.RegisterData.RegisterCsv.Pseudonymise(new MemoryStream(Encoding.UTF8.GetBytes(csv)), staged,
            new Pseudonymiser(BundlinjeFactory.PseudonymKey), ["cpr", "measure", "from", "to", "value", "unit"]);
        var text = Encoding.UTF8.GetString(staged.ToArray());
        AssertNoCpr(text, cprs, "the staged file");
        Assert.Contains($"\"{new Pseudonymiser(BundlinjeFactory.PseudonymKey).Of(cprs[0])}\"", text);

        var store = new RegisterStore(factory.RegisterStore, new Pseudonymiser(BundlinjeFactory.PseudonymKey));
        var seen = new List<(string File, UnixFileMode Mode)>();
        var watched = new WatchingStream(Parquet(RegisterCsv(cprs)), () =>
            seen.AddRange(Directory.GetFiles(store.StagingFolder).Select(f => (f, File.GetUnixFileMode(f)))));
        Assert.Equal(500, store.Import(watched, "udtraek.parquet", "test"));
        var (file, mode) = Assert.Single(seen);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(store.StagingFolder));
        Assert.False(File.Exists(file));
        Assert.Empty(Directory.GetFiles(store.StagingFolder));
    }

    /// <summary>A Parquet file made by DuckDB from CSV text, read back into memory; the files it used are deleted.</summary>
    private static byte[] Parquet(string csv)
    {
        var folder = Directory.CreateTempSubdirectory("bundlinje-parquet-").FullName;
        try
        {
            var (source, target) = (Path.Combine(folder, "in.csv"), Path.Combine(folder, "out.parquet"));
            File.WriteAllText(source, csv);
            using var connection = new DuckDBConnection("Data Source=:memory:");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText =
                $"COPY (SELECT * FROM read_csv('{source}', all_varchar = true, header = true)) TO '{target}' (FORMAT parquet)";
            command.ExecuteNonQuery();
            return File.ReadAllBytes(target);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [GeneratedRegex(@"(?<![0-9])[0-9]{6}-?[0-9]{4}(?![0-9])")]
    private static partial Regex CprShape();

    private static void AssertNoCpr(string text, IReadOnlyCollection<string> cprs, string where)
    {
        var set = cprs.ToHashSet();
        var found = CprShape().Matches(text).Select(m => m.Value.Replace("-", "")).FirstOrDefault(set.Contains);
        Assert.True(found is null, $"{where} holds one of the test's CPR numbers");
    }

    /// <summary>Every readable file in the temp folder (recursively), the app's SQLite folder and the register store's folder.</summary>
    private void ScanDisk(IReadOnlyCollection<string> cprs)
    {
        var roots = new[] { Path.GetTempPath(), factory.SqliteFolder!, Path.GetDirectoryName(factory.RegisterStore)! };
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true, IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.ReparsePoint
        };
        foreach (var file in roots.SelectMany(r => Directory.EnumerateFiles(r, "*", options)).Distinct())
        {
            string text;
            try
            {
                var info = new FileInfo(file);
                if (info.Length is 0 or > 256 * 1024 * 1024) continue; // pipes and sockets (length 0) would block a read
                text = Encoding.Latin1.GetString(File.ReadAllBytes(file));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            AssertNoCpr(text, cprs, file);
        }
    }

    /// <summary>Sends the first bytes of a body, then hangs until cancelled, like a client killed mid-upload.</summary>
    private sealed class StallingContent(byte[] body, int first, TaskCompletionSource stalled, CancellationToken stop) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync(body.AsMemory(0, first));
            await stream.FlushAsync();
            stalled.TrySetResult();
            await Task.Delay(Timeout.Infinite, stop);
        }

        protected override bool TryComputeLength(out long length) { length = body.Length; return true; }
    }

    /// <summary>A stream that calls back when it has been read to the end (the moment a staged copy is complete).</summary>
    private sealed class WatchingStream(byte[] content, Action atEnd) : MemoryStream(content)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = base.Read(buffer, offset, count);
            if (read == 0) atEnd();
            return read;
        }

        public override int Read(Span<byte> buffer)
        {
            var array = new byte[buffer.Length];
            var read = Read(array, 0, array.Length);
            array.AsSpan(0, read).CopyTo(buffer);
            return read;
        }
    }
}
