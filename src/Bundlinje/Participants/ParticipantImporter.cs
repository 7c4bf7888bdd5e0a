using System.Globalization;
using System.Security.Cryptography;
using Bundlinje.Common;
using Bundlinje.Payments;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Participants;

public sealed record ParticipantImportResult(int Added, int Updated);

/// <summary>
/// Imports participants from CSV or XLSX with the columns cpr, cohort, group (treatment|control), enrolled (yyyy-mm-dd)
/// and optionally status (active|completed|droppedOut) and statusDate. The CPR is pseudonymised as the row is read and
/// never stored, logged or repeated in a message. All rows or none: any problem rejects the file with row-level messages.
/// A person already in the investment keeps cohort, group and enrolment date; only the status is updated.
/// </summary>
public sealed class ParticipantImporter(IBundlinjeStore store, ParticipantStore participants, Pseudonymiser pseudonymiser,
    ISheetReader sheets,
    ICurrentUser user, TimeProvider clock)
{
    private static readonly string[] Required = ["cpr", "cohort", "group", "enrolled"];

    /// <summary>The largest participant file read (about a million rows of CSV); it is read into memory, never to disk.</summary>
    public const long MaxBytes = 50L * 1024 * 1024;

    /// <summary>How many new participants one save writes before the change tracker forgets them.</summary>
    private const int SaveChunk = 10_000;

    /// <summary>The participant file refused: "Deltagerfilen er afvist (n fejl)" above its problems.</summary>
    public static Refused Rejected(params IReadOnlyList<Refusal> problems) => Refused.File("subject.participants", problems);

    public async Task<ParticipantImportResult> ImportAsync(string investmentKey, string fileName, Stream content,
        CancellationToken ct = default) =>
        await ImportAsync(await store.Investments.AsNoTracking().FirstOrDefaultAsync(i => i.Key == investmentKey, ct)
            ?? throw Rejected(Refusal.Of("investment.unknown", investmentKey)), fileName, content, ct);

    /// <summary>Imports into a loaded investment (a page's route investment).</summary>
    public async Task<ParticipantImportResult> ImportAsync(Investments.Investment investment, string fileName, Stream content,
        CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        for (int read; (read = await content.ReadAsync(chunk, ct)) > 0;)
        {
            if (buffer.Length + read > MaxBytes) throw Rejected(Refusal.At("file", "participants.tooLarge", MaxBytes / 1024 / 1024));
            buffer.Write(chunk, 0, read);
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
        buffer.Position = 0;
        var rows = Read(fileName, buffer);
        var problems = new List<Refusal>();
        if (rows.Count == 0) throw Rejected(Refusal.Of("participants.noRows"));
        var missing = Required.Where(c => !rows[0].ContainsKey(c)).ToList();
        if (rows[0].Keys.Any(CprLike.In)) throw Rejected(Refusal.Of("import.headerLooksLikeCpr", Refusal.Of("import.row", 1)));
        if (missing.Count > 0)
            throw Rejected(Refusal.Of("import.columnsMissing", Refusal.Of("import.row", 1), string.Join(", ", missing),
                string.Join(", ", Required)));

        var existing = await participants.Of(investment.Id).ToDictionaryAsync(p => p.Pseudonym, ct);
        var seen = new Dictionary<string, int>();
        var added = new List<Participant>();
        var updated = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i]; var line = i + 2;
            string Raw(string column) => row.TryGetValue(column, out var v) ? Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim()
                ?? "" : "";
            // A CPR number anywhere but the cpr column is refused, and its value is never repeated or stored.
            var cprLike = row.Keys.Where(c => !c.Equals("cpr", StringComparison.OrdinalIgnoreCase) && CprLike.In(Raw(c))).ToList();
            foreach (var column in cprLike) problems.Add(CprLike.Refusal(Refusal.Of("import.row", line), column));
            if (cprLike.Count > 0) continue;
            string Text(string column) => Raw(column);
            var cpr = Text("cpr");
            if (Pseudonymiser.Normalise(cpr) is null)
            {
                problems.Add(Refusal.At("cpr", "import.cprShape", Refusal.Of("import.row", line), cpr.Length));
                continue;
            }
            var pseudonym = pseudonymiser.Of(cpr);
            if (seen.TryGetValue(pseudonym, out var first))
            {
                problems.Add(Refusal.At("cpr", "participants.samePerson", line, first));
                continue;
            }
            seen[pseudonym] = line;
            var cohort = Text("cohort");
            if (cohort.Length is 0 or > 40) problems.Add(Refusal.At("cohort", "participants.cohort", line));
            ParticipantGroup? group = Text("group")
                .ToLowerInvariant() switch
            { "treatment" => ParticipantGroup.Treatment, "control" => ParticipantGroup.Control, _ => null };
            if (group is null) problems.Add(Refusal.At("group", "participants.group", line, Text("group")));
            var enrolled = Date(row, "enrolled");
            if (enrolled is null) problems.Add(
                Refusal.At("enrolled", "import.notADate", Refusal.Of("import.row", line), "enrolled", Text("enrolled")));
            ParticipantStatus? status = Text("status").ToLowerInvariant() switch
            {
                "" or "active" => ParticipantStatus.Active,
                "completed" => ParticipantStatus.Completed,
                "droppedout" => ParticipantStatus.DroppedOut,
                _ => null,
            };
            if (status is null) problems.Add(Refusal.At("status", "participants.status", line, Text("status")));
            var statusOn = Text("statusDate") == "" ? null : Date(row, "statusDate");
            if (Text("statusDate") != "" && statusOn is null) problems.Add(
                Refusal.At("statusDate", "import.notADate", Refusal.Of("import.row", line), "statusDate", Text("statusDate")));
            if (problems.Count > 0 || group is null || enrolled is null || status is null) continue;
            if (existing.TryGetValue(pseudonym, out var known))
            {
                if (known.Cohort != cohort || known.Group != group || known.EnrolledOn != enrolled)
                    problems.Add(Refusal.Of("participants.alreadyEnrolled", line));
                else if (known.Status != status || known.StatusOn != statusOn)
                {
                    (known.Status, known.StatusOn) =
                    (status.Value, statusOn); updated++;
                }
                continue;
            }
            added.Add(new Participant
            {
                InvestmentId = investment.Id, Pseudonym = pseudonym, Cohort = cohort, Group = group.Value,
                EnrolledOn = enrolled.Value, Status = status.Value, StatusOn = statusOn
            });
        }
        if (problems.Count > 0) throw Rejected(problems);
        store.ParticipantImports.Add(new ParticipantImport
        {
            InvestmentId = investment.Id, FileName = CprLike.Mask(Path.GetFileName(fileName)), ContentHash = hash, Added = added.Count,
            Updated = updated,
            ImportedBy = user.Name, ImportedAt = clock.GetUtcNow(),
        });
        // All rows or none, in one transaction; new participants are saved in chunks and forgotten by the change tracker
        // once saved, so a file of a million rows does not hold a million tracked entities (docs/performance.md).
        await using var transaction = await store.Database.BeginTransactionAsync(ct);
        await store.SaveChangesAsync(ct);
        foreach (var part in added.Chunk(SaveChunk))
        {
            participants.Add(part);
            await store.SaveChangesAsync(ct);
            store.ChangeTracker.Clear();
        }
        await transaction.CommitAsync(ct);
        return new ParticipantImportResult(added.Count, updated);
    }

    private List<IDictionary<string, object?>> Read(string fileName, Stream content)
    {
        var type = Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".csv" => SheetFormat.Csv,
            ".xlsx" => SheetFormat.Xlsx,
            var other => throw Rejected(Refusal.Of("import.fileType", other, ".csv", ".xlsx")),
        };
        try
        {
            return sheets.Read(content, type, headerRow: true)
                .Select(r => (IDictionary<string, object?>)r.ToDictionary(kv => kv.Key.Trim(), kv => kv.Value,
                    StringComparer.OrdinalIgnoreCase)).ToList();
        }
        catch (Exception e) when (e is not Refused and not OutOfMemoryException)
        {
            throw Rejected(Refusal.Of("import.unreadable", type.ToString().ToUpperInvariant(), e.Message));
        }
    }

    private static DateOnly? Date(IDictionary<string, object?> row, string column) => row.TryGetValue(column, out var v) ? v switch
    {
        DateTime d => DateOnly.FromDateTime(d),
        string s when DateOnly.TryParseExact(s.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d,
        _ => null,
    } : null;
}
